// Candidate page: details, offer, address, custom fields, past exports, CANDIDATE_PAGE menu.
import { api, enc } from '../api.js';
import { h, mount, emailText, badge, fullName, dash, fmtDate, fmtCountry, humanize, restoreFocus } from '../dom.js';
import { candidateMenu, exportBadges } from './candidates.js';
import { stageMenu } from './jobs.js';
import { scheduleSection } from './schedule.js';
import { openExportDialog } from './exportDialog.js';
import { buildField, applyFieldErrors, errorMessage } from './form.js';
import { documentsCard } from './documents.js';

function dl(pairs, testid) {
  return h('dl', { class: 'dl', testid }, pairs.map(([k, v]) => [h('dt', null, k), h('dd', null, v instanceof Node ? v : dash(v))]));
}

function money(offer) {
  if (!offer || offer.salaryAmount === null || offer.salaryAmount === undefined || offer.salaryAmount === '') return '—';
  let amount = String(offer.salaryAmount);
  const n = Number(offer.salaryAmount);
  if (!isNaN(n)) {
    try {
      amount = offer.salaryCurrency
        ? new Intl.NumberFormat(undefined, { style: 'currency', currency: offer.salaryCurrency }).format(n)
        : new Intl.NumberFormat().format(n);
    } catch (e) { amount = `${n} ${offer.salaryCurrency || ''}`.trim(); }
  } else if (offer.salaryCurrency) amount += ' ' + offer.salaryCurrency;
  return offer.salaryPeriod ? `${amount} per ${String(offer.salaryPeriod).toLowerCase().replace(/ly$/, '').replace(/_/g, ' ')}` : amount;
}

export async function renderCandidate(ctx) {
  const { el, params } = ctx;
  const id = params[0];
  mount(el, h('p', { class: 'muted' }, 'Loading candidate…'));
  const mayMove = ctx.user && ctx.user.role !== 'INTERVIEWER';
  const load = async () => {
    const c = await api('GET', `/candidates/${enc(id)}`);
    let stages = [];
    let schedules = [];
    if (mayMove) {
      try {
        schedules = (await api('GET', `/scheduled-exports?candidateId=${enc(c.id)}`)).items || [];
      } catch (err) {
        if (err.status === 401) return;
      }
    }
    if (mayMove && c.job) {
      try {
        stages = ((await api('GET', `/jobs/${enc(c.job.id)}`)).stages || []).slice().sort((a, b) => (a.position || 0) - (b.position || 0));
      } catch (err) {
        if (err.status === 401) return; // without the stages the page shows no "Move to…"
      }
    }
    if (!ctx.isCurrent()) return;
    render(c, stages, schedules);
    restoreFocus();
  };
  function render(c, stages, schedules) {
    const name = fullName(c);
    const menuBtn = candidateMenu(c, { openCandidate: false, navigate: ctx.navigate, onExported: () => load().catch(() => {}), where: 'page' });
    const a = c.address || {};
    const addressLines = [a.line1, a.line2, [a.postalCode, a.city].filter(Boolean).join(' '), a.state, a.country ? fmtCountry(a.country) : null].filter(Boolean);
    const custom = Object.entries(c.customFields || {});
    const exportsList = c.exports || [];
    // Changed since export: what changed, and the update for those who may export (the server lists their menu).
    const changed = (c.changedSinceExport || []).map((x) => {
      const item = (c.menu || []).find((m) => m.connectorId === x.connectorId);
      const hr = x.connectorName || x.connectorId;
      return h('div', { class: 'alert alert-warning', testid: 'candidate-changed-since-export', dataset: { connectorId: x.connectorId } },
        h('strong', null, `Changed since export to ${hr}: `), x.fields.join(', '), '. ',
        item ? h('button', {
          type: 'button', class: 'btn btn-small', testid: 'send-update',
          onclick: () => openExportDialog({ candidateId: c.id, connectorId: x.connectorId, label: `Update in ${hr}`, candidateName: name, onExported: () => load().catch(() => {}) }),
        }, `Review and update in ${hr}`) : h('span', { class: 'muted' }, `Someone who may export to ${hr} can send the update.`));
    });
    // Exported before the host kept what it sent: say so rather than guess whether anything changed.
    const untracked = (c.untrackedExports || []).map((hr) => h('div', { class: 'alert alert-info', testid: 'candidate-untracked-export' },
      `Exported to ${hr} before the ATS kept what it sent, so changes since that export are not shown here. `
      + `Open the update in ${hr} to compare each field with what ${hr} holds now.`));
    // The updates sent to the employee (issue 15), for those who may send them; filled in when they arrive.
    const updatesList = h('div', { testid: 'candidate-updates' });
    if (ctx.user && ctx.user.role !== 'INTERVIEWER') {
      api('GET', `/candidates/${enc(c.id)}/exports/updates`).then((updates) => {
        if (!updates || updates.length === 0) return;
        mount(updatesList, h('h3', null, 'Updates sent'),
          h('ul', { class: 'warnings' }, updates.map((u) => h('li', { testid: 'candidate-update', dataset: { state: u.state } },
            h('strong', null, `${fmtDate(u.startedAt)} · ${u.connectorName || u.connectorId} · ${humanize(u.state)}`),
            u.user ? ` by ${u.user}` : '', u.error ? ` — ${u.error}` : '',
            h('ul', null, (u.fields || []).map((f) => h('li', null,
              `${f.label}: ${dash(f.before)} → ${f.value}`, f.status && f.status !== 'UPDATED' ? ` (not updated: ${f.message || humanize(f.status)})` : '')))))));
      }).catch(() => {});
    }
    mount(el,
      h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/candidates' }, 'Candidates'), ' › ', name),
      h('div', { class: 'page-header' },
        h('div', null,
          h('h1', { testid: 'candidate-name' }, name),
          h('div', { class: 'subtitle' }, h('span', { testid: 'candidate-status' }, badge(c.status)),
            c.job ? [' ', h('a', { href: `#/jobs/${enc(c.job.id)}/pipeline` }, c.job.name)] : null,
            c.stage ? ` · ${c.stage.name}` : '', ' ', exportBadges(exportsList),
            schedules.map((s) => [' ', h('span', { class: 'badge', testid: 'schedule-badge' }, `Export to ${s.connectorName} on ${fmtDate(s.exportOn)}`)]))),
        h('div', { class: 'page-actions' },
          stages.length > 1 ? stageMenu(Object.assign({}, c, { stageId: c.stage && c.stage.id }), stages, { onMoved: load }) : null,
          menuBtn)),
      changed,
      untracked,
      h('div', { class: 'grid-2' },
        h('section', { class: 'card', testid: 'candidate-details' }, h('h2', null, 'Contact and application'),
          dl([
            ['Email', c.email ? h('a', { href: `mailto:${c.email}` }, emailText(c.email)) : null],
            ['Phone', c.phone], ['Job', c.job && c.job.name], ['Stage', c.stage && c.stage.name],
            ['Status', humanize(c.status)], ['Hired on', c.hiredOn ? fmtDate(c.hiredOn) : null],
            ['Birthday', c.birthday ? fmtDate(c.birthday) : null], ['Nationality', c.nationality ? fmtCountry(c.nationality) : null],
          ])),
        offerCard(c, ctx, load),
        h('section', { class: 'card', testid: 'candidate-address' }, h('h2', null, 'Address'),
          addressLines.length ? h('address', null, addressLines.map((l, i) => [i ? h('br') : null, l])) : h('p', { class: 'muted' }, 'No address recorded.')),
        h('section', { class: 'card', testid: 'candidate-custom-fields' }, h('h2', null, 'Custom fields'),
          custom.length ? dl(custom.map(([k, v]) => [k, v !== null && typeof v === 'object' ? JSON.stringify(v) : v])) : h('p', { class: 'muted' }, 'None.'))),
      mayMove && (schedules.length > 0 || (c.menu || []).length > 0)
        ? scheduleSection(Object.assign({ name }, c), (c.menu || []).filter((m) => m.connectorId)
          .map((m) => ({ connectorId: m.connectorId, name: String(m.label || m.connectorId).replace(/^Export to /, '') })),
        schedules, () => load().catch(() => {}))
        : null,
      h('section', { class: 'card', testid: 'candidate-exports' }, h('h2', null, 'Exports'),
        exportsList.length === 0 ? h('p', { class: 'muted' }, 'Not exported to any HR system yet.')
          : h('table', { class: 'table table-cards' },
            h('thead', null, h('tr', null, h('th', null, 'HR system'), h('th', null, 'Outcome'), h('th', null, 'Employee'),
              h('th', null, 'Exported'), h('th', null, 'By'))),
            h('tbody', null, exportsList.map((x) => h('tr', { testid: 'candidate-export-row', dataset: { connectorId: x.connectorId } },
              h('td', { class: 'col-main' }, x.connectorName || x.connectorId),
              h('td', { 'data-label': 'Outcome' }, badge(x.outcome)),
              h('td', { 'data-label': 'Employee' }, x.link ? h('a', { href: x.link, target: '_blank', rel: 'noopener noreferrer' }, dash(x.employeeId)) : dash(x.employeeId)),
              h('td', { 'data-label': 'Exported' }, fmtDate(x.exportedAt)),
              h('td', { 'data-label': 'By' }, dash(x.exportedBy)))))),
        updatesList,
        ctx.isAdmin ? h('p', { class: 'small' }, h('a', { href: '#/exports' }, 'See all export attempts in Export history')) : null),
      documentsCard(c.id, ctx.user));
  }
  await load();
}

const CURRENCIES = ['EUR', 'GBP', 'USD', 'CHF', 'SEK', 'DKK', 'NOK', 'PLN', 'CZK'];
const PAY_PERIODS = [['YEARLY', 'Per year'], ['MONTHLY', 'Per month'], ['WEEKLY', 'Per week'], ['DAILY', 'Per day'], ['HOURLY', 'Per hour']];

/** The offer, and for users who may edit candidates a form to change its title, start date and salary. */
function offerCard(c, ctx, reload) {
  const o = c.offer || {};
  const known = o.jobTitle || o.startDate || (o.salaryAmount !== null && o.salaryAmount !== undefined && o.salaryAmount !== '');
  const card = h('section', { class: 'card', testid: 'candidate-offer' }, h('h2', null, 'Offer'));
  const show = () => {
    mount(card, h('h2', null, 'Offer'),
      known ? dl([
        ['Job title', o.jobTitle], ['Start date', o.startDate ? fmtDate(o.startDate) : null],
        ['Salary', money(o)],
      ]) : h('p', { class: 'muted' }, 'No offer recorded.'),
      mayEdit ? h('button', { type: 'button', class: 'btn btn-small', testid: 'offer-edit', onclick: edit }, 'Edit offer') : null);
  };
  const mayEdit = ctx.user && ['ADMIN', 'RECRUITER', 'HIRING_MANAGER'].includes(ctx.user.role);
  function edit() {
    const fields = [
      buildField({ key: 'offerJobTitle', label: 'Job title', type: 'TEXT', value: o.jobTitle, maxLength: 200 }, 'offer'),
      buildField({ key: 'offerStartDate', label: 'Start date', type: 'DATE', value: o.startDate }, 'offer'),
      buildField({ key: 'salaryAmount', label: 'Salary', type: 'DECIMAL', value: o.salaryAmount }, 'offer'),
      // An amount is only exportable with its currency and pay period, so the form records them too.
      buildField({ key: 'salaryCurrency', label: 'Currency', type: 'SELECT', value: o.salaryCurrency || '',
        options: CURRENCIES.map((code) => ({ value: code, label: code })) }, 'offer'),
      buildField({ key: 'salaryPeriod', label: 'Pay period', type: 'SELECT', value: o.salaryPeriod || '',
        options: PAY_PERIODS.map(([value, label]) => ({ value, label })) }, 'offer'),
    ];
    const problem = h('div', { class: 'alert alert-error', role: 'alert', testid: 'offer-error', hidden: true });
    const form = h('form', { class: 'offer-form', novalidate: true, 'aria-label': 'Edit the offer' },
      fields.map((f) => f.row), problem,
      h('div', { class: 'form-actions' },
        h('button', { type: 'button', class: 'btn', testid: 'offer-cancel', onclick: show }, 'Cancel'),
        h('button', { type: 'submit', class: 'btn btn-primary', testid: 'offer-save' }, 'Save offer')));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const body = {};
      fields.forEach((f) => { body[f.key] = f.getValue(); });
      try {
        await api('PUT', `/candidates/${enc(c.id)}`, { body });
        await reload();
      } catch (err) {
        if (err.status === 401) return;
        const rest = applyFieldErrors(fields, err.fieldErrors || []);
        mount(problem, [errorMessage(err)].concat(rest).join(' '));
        problem.hidden = false;
      }
    });
    mount(card, h('h2', null, 'Offer'), form);
    fields[0].input.focus();
  }
  show();
  return card;
}
