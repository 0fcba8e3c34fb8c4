// Settings > Account > Integrations: cards per category, connect form, connection details, removal.
import { api, enc } from '../api.js';
import { h, mount, badge, openModal, confirmDialog, toast, fmtDate, dash, errorBox } from '../dom.js';
import { buildField, applyFieldErrors, errorMessage } from './form.js';
import { automationSection } from './automation.js';
import { autoUpdatesSection } from './autoUpdates.js';

const STATUS_LABEL = { NOT_CONNECTED: 'Not connected', CONNECTED: 'Connected', NEEDS_RECONNECTION: 'Needs reconnection', NEEDS_ATTENTION: 'Needs attention' };

function crumbs(...tail) {
  return h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb', testid: 'settings-path' },
    'Settings', ' › ', 'Account', ' › ',
    tail.length ? [h('a', { href: '#/settings/integrations' }, 'Integrations'), tail.map((t) => [' › ', t])] : 'Integrations');
}

function logo(card) {
  return card.logo
    ? h('img', { class: 'logo', src: card.logo, alt: `${card.name} logo`, width: 40, height: 40 })
    : h('div', { class: 'logo logo-placeholder', 'aria-hidden': 'true' }, (card.name || '?').slice(0, 1).toUpperCase());
}

export async function renderIntegrations(ctx) {
  const { el } = ctx;
  mount(el, crumbs(), h('h1', { testid: 'page-title' }, 'Integrations'), h('p', { class: 'muted' }, 'Loading integrations…'));
  const data = await api('GET', '/integrations');
  if (!ctx.isCurrent()) return;
  const sections = data.sections || [];
  mount(el,
    crumbs(),
    h('div', { class: 'page-header' }, h('div', null, h('h1', { testid: 'page-title' }, 'Integrations'),
      h('p', { class: 'subtitle' }, 'Connect HireRelay to the other systems your company uses.'))),
    sections.length === 0 ? h('div', { class: 'empty' }, 'No integrations are available. Install a plugin under Settings › Plugins.') : null,
    sections.map((s) => h('section', { class: 'integration-section', testid: 'integration-section', dataset: { category: s.category || '' } },
      h('h2', null, s.title || s.category),
      (s.cards || []).length === 0 ? h('p', { class: 'muted' }, 'No connectors in this category.') : null,
      h('div', { class: 'cards' }, (s.cards || []).map((c) => integrationCard(ctx, c))))));
}

function integrationCard(ctx, c) {
  const connected = c.status === 'CONNECTED' || c.status === 'NEEDS_RECONNECTION' || c.status === 'NEEDS_ATTENTION';
  const version = c.apiVersion;
  const action = connected
    ? h('button', { type: 'button', class: 'btn', testid: 'view-button', onclick: () => ctx.navigate(`/settings/integrations/${enc(c.connectorId)}`) }, 'View')
    : h('button', { type: 'button', class: 'btn btn-primary', testid: 'connect-button', onclick: () => openConnectForm(ctx, c) }, 'Connect');
  return h('article', { class: 'card integration-card', testid: 'integration-card', dataset: { connectorId: c.connectorId } },
    h('div', { class: 'integration-head' }, logo(c),
      h('div', { class: 'integration-title' }, h('h3', null, c.name),
        h('span', { testid: 'integration-status' }, badge(c.status, STATUS_LABEL[c.status])))),
    h('p', { class: 'integration-desc' }, dash(c.description)),
    c.status !== 'CONNECTED' && c.problem ? h('p', { class: 'error-text small', testid: 'integration-problem' }, c.problem) : null,
    version ? h('p', { class: 'muted small', testid: 'integration-version' },
      `API version ${version.version}`, version.expectedEnd ? ` · expected to end ${fmtDate(version.expectedEnd)}` : '') : null,
    version && version.warning ? h('p', { class: 'warning-text small', testid: 'integration-version-warning' }, version.warning) : null,
    h('div', { class: 'integration-actions' },
      c.guideUrl ? h('a', { href: c.guideUrl, target: '_blank', rel: 'noopener noreferrer', class: 'small' }, 'Setup guide') : h('span'),
      action));
}

async function openConnectForm(ctx, card) {
  const modal = openModal({ title: `Connect ${card.name}`, testid: 'connect-dialog', wide: true });
  mount(modal.body, h('p', { class: 'muted' }, 'Loading…'));
  let form;
  try {
    form = await api('GET', `/integrations/${enc(card.connectorId)}/form`);
  } catch (err) {
    if (err.status === 401) return;
    mount(modal.body, h('div', { class: 'alert alert-error', role: 'alert', testid: 'connect-error' }, errorMessage(err)));
    return;
  }
  const specs = form.fields || [];
  const built = specs.map((f) => {
    const type = String(f.type || 'TEXT').toUpperCase();
    return Object.assign(buildField(Object.assign({}, f, {
      // A setting that holds an entry of the HR system's lists is a choice among their names, never a typed id.
      type: f.referenceList ? 'SELECT' : type,
      options: f.referenceList ? [] : f.options,
      value: type === 'SECRET' ? '' : f.defaultValue,
      helpLinkLabel: type === 'SECRET' ? 'Where do I find my API key?' : 'More help',
    }), 'setting'), { advanced: !!f.advanced, referenceList: f.referenceList || null });
  });
  const referenced = built.filter((b) => b.referenceList);
  const systemName = form.name || card.name;
  const choicesNote = h('p', { class: 'help', role: 'status', testid: 'connect-choices-status' },
    `Fill in the fields above first: the choices below are read from your ${systemName} account.`);
  referenced.forEach((b) => { b.input.disabled = true; });
  let choicesFor = null; // the values the choices were read with
  async function loadChoices() {
    if (referenced.length === 0) return;
    const values = {};
    built.filter((b) => !b.referenceList).forEach((b) => { values[b.key] = b.getValue(); });
    if (built.some((b) => !b.referenceList && b.required && !String(values[b.key] || '').trim())) {
      choicesFor = null;
      referenced.forEach((b) => { b.input.disabled = true; });
      choicesNote.textContent = `Fill in the fields above first: the choices below are read from your ${systemName} account.`;
      return;
    }
    const signature = JSON.stringify(values);
    if (signature === choicesFor) return;
    choicesFor = signature;
    choicesNote.textContent = `Reading your ${systemName} account's choices…`;
    try {
      const lists = await api('POST', `/integrations/${enc(card.connectorId)}/choices`, { body: { values } });
      if (choicesFor !== signature) return;
      referenced.forEach((b) => {
        const keep = b.input.value;
        mount(b.input, h('option', { value: '' }, '—'),
          (lists[b.referenceList] || []).map((o) => h('option', { value: String(o.value) }, String(o.label))));
        b.input.value = keep;
        b.input.disabled = false;
      });
      choicesNote.textContent = '';
    } catch (err) {
      if (err.status === 401) return;
      choicesFor = null;
      referenced.forEach((b) => { b.input.disabled = true; });
      choicesNote.textContent = `The choices could not be read: ${errorMessage(err)}`;
    }
  }
  const basic = built.filter((b) => !b.advanced);
  const advanced = built.filter((b) => b.advanced);
  const advBox = h('div', { class: 'advanced', id: 'connect-advanced', hidden: true },
    advanced.some((b) => b.referenceList) ? choicesNote : null, advanced.map((b) => b.row));
  const toggle = advanced.length ? h('button', { type: 'button', class: 'btn-link', testid: 'more-settings', 'aria-expanded': 'false', 'aria-controls': 'connect-advanced' }, '▸ More settings') : null;
  const setAdv = (open) => {
    advBox.hidden = !open;
    if (open) loadChoices();
    if (toggle) { toggle.setAttribute('aria-expanded', String(open)); toggle.textContent = (open ? '▾' : '▸') + ' More settings'; }
  };
  if (toggle) toggle.addEventListener('click', () => setAdv(advBox.hidden));
  const errBox = h('div', { class: 'alert alert-error', role: 'alert', testid: 'connect-error', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'connect-submit' }, 'Connect');
  const cancel = h('button', { type: 'button', class: 'btn', testid: 'connect-cancel', onclick: () => modal.close() }, 'Cancel');
  const el = h('form', { class: 'connect-form', testid: 'connect-form', novalidate: true, autocomplete: 'off' },
    form.intro ? h('p', { class: 'intro', testid: 'connect-intro' }, form.intro) : null,
    form.guideUrl ? h('p', { class: 'small' }, h('a', { href: form.guideUrl, target: '_blank', rel: 'noopener noreferrer' }, `Read the ${form.name || card.name} setup guide`)) : null,
    basic.map((b) => b.row), toggle, advBox, errBox,
    h('div', { class: 'form-actions' }, cancel, submit));
  // Changed credentials may mean another account: read its choices again once the field is left.
  built.filter((b) => !b.referenceList).forEach((b) => b.input.addEventListener('change', () => {
    if (!advBox.hidden) loadChoices();
  }));
  let running = false;
  el.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (running) return;
    running = true; submit.disabled = true; submit.textContent = 'Connecting…'; errBox.hidden = true;
    built.forEach((b) => b.setError(null));
    const values = {};
    built.forEach((b) => { values[b.key] = b.getValue(); });
    try {
      await api('POST', `/integrations/${enc(card.connectorId)}`, { body: { values } });
      modal.close();
      toast(`Connected to ${form.name || card.name}`, 'success');
      if (ctx.isCurrent()) renderIntegrations(ctx).catch(() => {});
    } catch (err) {
      if (err.status === 401) return;
      if (err.fieldErrors.length) {
        if (advanced.some((b) => err.fieldErrors.some((fe) => fe.field === b.key))) setAdv(true);
        const unmatched = applyFieldErrors(built, err.fieldErrors);
        // The plugin's message for a wrong key is usually both the error's message and the field's: show it once, beside the field.
        const shownBesideFields = err.fieldErrors.filter((fe) => built.some((b) => b.key === fe.field)).map((fe) => fe.message);
        const msgs = (shownBesideFields.includes(err.message) ? [] : [err.message]).concat(unmatched).filter(Boolean);
        mount(errBox, msgs.map((m) => h('div', null, m)));
        errBox.hidden = msgs.length === 0;
      } else {
        errBox.textContent = errorMessage(err);
        errBox.hidden = false;
      }
      submit.disabled = false; submit.textContent = 'Connect';
    } finally {
      running = false;
    }
  });
  modal.el.querySelector('.modal-header h2').textContent = `Connect ${form.name || card.name}`;
  mount(modal.body, el);
  const first = el.querySelector('input, select, textarea');
  if (first) first.focus();
}

export async function renderIntegrationDetails(ctx) {
  const { el, params } = ctx;
  const id = params[0];
  mount(el, crumbs(id), h('p', { class: 'muted' }, 'Loading…'));
  let d;
  try {
    d = await api('GET', `/integrations/${enc(id)}`);
  } catch (err) {
    if (err.status === 404) {
      mount(el, crumbs(id), h('h1', null, 'Not connected'),
        h('p', null, 'This integration is not connected.'),
        h('a', { href: '#/settings/integrations', class: 'btn', testid: 'back-to-integrations' }, '‹ Back to integrations'));
      return;
    }
    throw err;
  }
  if (!ctx.isCurrent()) return;
  // Masked secrets are keyed by setting key ("api_key"): show them under the connect form's labels ("API key").
  const labels = {};
  try {
    const form = await api('GET', `/integrations/${enc(id)}/form`);
    (form.fields || []).forEach((f) => { if (f.label) labels[f.key] = f.label; });
  } catch (err) {
    if (err.status === 401) return;
  }
  if (!ctx.isCurrent()) return;
  const secrets = Object.entries(d.maskedSecrets || {}).map(([k, v]) => [labels[k] || k, v]);
  const remove = h('button', { type: 'button', class: 'btn btn-danger', testid: 'remove-integration' }, 'Remove Integration');
  remove.addEventListener('click', async () => {
    const ok = await confirmDialog({
      title: `Remove ${d.name}?`,
      message: `HireRelay will stop exporting to ${d.name} and delete the stored credentials. Employees already exported stay in ${d.name}. You can connect again later.`,
      confirmLabel: 'Remove', danger: true, testid: 'confirm-remove-dialog', confirmTestid: 'confirm-remove',
    });
    if (!ok) return;
    remove.disabled = true;
    try {
      await api('DELETE', `/integrations/${enc(id)}`);
      toast(`${d.name} integration removed`, 'success');
      ctx.navigate('/settings/integrations');
    } catch (err) {
      remove.disabled = false;
      if (err.status !== 401) toast(errorMessage(err), 'error', 8000);
    }
  });
  const automation = await automationSection(ctx, id, d.name || id);
  const autoUpdates = await autoUpdatesSection(ctx, id, d.name || id);
  if (!ctx.isCurrent()) return;
  const version = d.apiVersion;
  let versionSection = null;
  if (version) {
    const upgradeError = h('div', { class: 'alert alert-error', role: 'alert', testid: 'upgrade-error', hidden: true });
    const upgrade = version.upgradeTo
      ? h('button', { type: 'button', class: 'btn btn-primary', testid: 'upgrade-api-version' }, `Upgrade to ${version.upgradeTo}`)
      : null;
    if (upgrade) {
      upgrade.addEventListener('click', async () => {
        upgrade.disabled = true;
        upgrade.textContent = `Checking ${version.upgradeTo} with ${d.name}…`;
        upgradeError.hidden = true;
        try {
          await api('POST', `/integrations/${enc(id)}/api-version`, { body: { version: version.upgradeTo } });
          toast(`${d.name} now uses API version ${version.upgradeTo}`, 'success');
          if (ctx.isCurrent()) renderIntegrationDetails(ctx).catch(() => {});
        } catch (err) {
          if (err.status === 401) return;
          upgradeError.textContent = errorMessage(err);
          upgradeError.hidden = false;
          upgrade.disabled = false;
          upgrade.textContent = `Upgrade to ${version.upgradeTo}`;
        }
      });
    }
    versionSection = h('section', { class: 'card', testid: 'api-version' },
      h('h2', null, 'API version'),
      version.warning ? h('div', { class: 'alert alert-warning', role: 'alert', testid: 'connection-version-warning' }, version.warning) : null,
      h('dl', { class: 'dl' },
        h('dt', null, 'Version'), h('dd', { testid: 'api-version-current' }, version.version),
        h('dt', null, 'Expected to end'), h('dd', { testid: 'api-version-end' }, version.expectedEnd ? fmtDate(version.expectedEnd) : 'Not announced')),
      upgrade ? h('p', { class: 'muted small' },
        `Upgrading checks the connection with ${version.upgradeTo} first; if ${d.name} refuses it, the connection stays on ${version.version}.`) : null,
      upgradeError,
      upgrade ? h('div', { class: 'form-actions' }, upgrade) : null);
  }
  mount(el,
    crumbs(d.name || id),
    h('div', { class: 'page-header' },
      h('div', null, h('h1', { testid: 'page-title' }, d.name || id), h('div', { class: 'subtitle' }, badge(d.status, STATUS_LABEL[d.status]))),
      h('div', { class: 'page-actions' }, h('a', { href: '#/settings/integrations', class: 'btn btn-ghost', testid: 'back-to-integrations' }, '‹ Back'))),
    d.problem ? h('div', { class: 'alert alert-warning', role: 'alert', testid: 'integration-problem' }, d.problem,
      d.status === 'NEEDS_RECONNECTION' ? ' To fix it, remove the integration and connect again with valid credentials.' : '',
      d.status === 'NEEDS_ATTENTION' ? (version && version.upgradeTo
        ? ` To fix it, upgrade the connection to API version ${version.upgradeTo} below.`
        : ' To fix it, remove the integration and connect again with a version the HR system serves.') : '') : null,
    h('section', { class: 'card', testid: 'connection-details' },
      h('h2', null, 'Connection Details'),
      h('dl', { class: 'dl' },
        h('dt', null, 'Account'), h('dd', null, dash(d.accountName)),
        h('dt', null, 'Connected by'), h('dd', null, dash(d.connectedBy)),
        h('dt', null, 'Connected at'), h('dd', null, fmtDate(d.connectedAt)),
        secrets.map(([k, v]) => [h('dt', null, k), h('dd', { class: 'mono' }, dash(v))]),
        (d.details || []).map((x) => [h('dt', null, x.label), h('dd', null, dash(x.value))]))),
    versionSection,
    h('section', { class: 'card', testid: 'mapping-link' },
      h('h2', null, 'Mapping rules'),
      h('p', { class: 'muted' }, `Fill ${d.name}'s choice fields (such as team or location) from the job's department, location or the job itself, with a default per field.`),
      h('a', { href: `#/settings/integrations/${enc(id)}/mapping`, class: 'btn', testid: 'open-mapping' }, 'Edit mapping rules')),
    automation,
    autoUpdates,
    h('section', { class: 'card danger-zone' },
      h('h2', null, 'Remove'),
      h('p', { class: 'muted' }, 'Removing deletes the stored credentials. Export history is kept.'),
      remove));
}
