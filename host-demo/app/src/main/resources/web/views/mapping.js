// Settings > Integrations > an integration > Mapping rules (issue 16): per select field of the connector,
// rules "when the job / department / location is X, set it to V" chosen by name, a default, the fields that
// must be filled before an automatic or bulk export, and a preview on the ATS's hired candidates.
import { api, enc } from '../api.js';
import { h, mount, toast } from '../dom.js';
import { errorMessage } from './form.js';

const KINDS = [['DEPARTMENT', 'Department'], ['LOCATION', 'Location'], ['JOB', 'Job']];

function crumbs(id, name) {
  return h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb', testid: 'settings-path' },
    'Settings', ' › ', 'Account', ' › ', h('a', { href: '#/settings/integrations' }, 'Integrations'), ' › ',
    h('a', { href: `#/settings/integrations/${enc(id)}` }, name), ' › ', 'Mapping rules');
}

function select(attrs, choices, selected) {
  return h('select', attrs, choices.map(([value, label]) => h('option', { value, selected: value === selected ? true : null }, label)));
}

export async function renderMapping(ctx) {
  const { el, params } = ctx;
  const id = params[0];
  mount(el, crumbs(id, id), h('p', { class: 'muted' }, 'Loading mapping rules…'));
  const editor = await api('GET', `/integrations/${enc(id)}/mapping`);
  if (!ctx.isCurrent()) return;
  let name = id;
  try { name = (await api('GET', `/integrations/${enc(id)}`)).name || id; } catch (err) { if (err.status === 401) return; }
  if (!ctx.isCurrent()) return;
  draw(ctx, id, name, editor);
}

function draw(ctx, id, name, editor) {
  const { el } = ctx;
  const matchChoices = {
    DEPARTMENT: editor.departments.map((d) => [d, d]),
    LOCATION: editor.locations.map((l) => [l, l]),
    JOB: editor.jobs.map((j) => [String(j.id), `${j.name}${j.department || j.location ? ` (${[j.department, j.location].filter(Boolean).join(' · ')})` : ''}`]),
  };
  const mappable = editor.fields.filter((f) => f.mappable);
  const cards = [];
  const sections = mappable.map((field) => {
    const choices = field.options.map((o) => [o.value, o.label]);
    const stored = editor.rules.filter((r) => r.field === field.key);
    const def = stored.find((r) => r.matchOn === 'DEFAULT');
    const defaultSelect = select({ testid: `default-${field.key}`, id: `default-${field.key}` }, [['', '— No default —']].concat(choices), def ? def.value : '');
    const body = h('tbody');
    const addRow = (rule) => {
      const kind = select({ testid: 'rule-kind', 'aria-label': `${field.label}: when the job's` }, KINDS, rule ? rule.matchOn : 'DEPARTMENT');
      const match = h('select', { testid: 'rule-match', 'aria-label': `${field.label}: is` });
      const fillMatch = (selected) => mount(match, [['', '— Choose —']].concat(matchChoices[kind.value] || [])
        .map(([value, label]) => h('option', { value, selected: value === selected ? true : null }, label)));
      fillMatch(rule ? rule.matchValue : '');
      kind.addEventListener('change', () => fillMatch(''));
      const value = select({ testid: 'rule-value', 'aria-label': `${field.label}: set to` }, [['', '— Choose —']].concat(choices), rule ? rule.value : '');
      const remove = h('button', { type: 'button', class: 'btn btn-ghost', testid: 'rule-remove', 'aria-label': `Remove this ${field.label} rule` }, 'Remove');
      const row = h('tr', { testid: 'mapping-rule' },
        h('td', { 'data-label': 'When the job\'s' }, kind), h('td', { 'data-label': 'is' }, match), h('td', { 'data-label': `Set ${field.label} to` }, value,
          rule && !rule.offered ? h('div', { class: 'warning-text small', testid: 'rule-not-offered' }, `${rule.valueLabel} is no longer offered; this rule sets nothing.`) : null),
        h('td', null, remove));
      remove.addEventListener('click', () => row.remove());
      row.read = () => ({ field: field.key, matchOn: kind.value, matchValue: match.value, value: value.value });
      body.append(row);
    };
    stored.filter((r) => r.matchOn !== 'DEFAULT').forEach(addRow);
    const add = h('button', { type: 'button', class: 'btn', testid: `add-rule-${field.key}` }, `Add a ${field.label.toLowerCase()} rule`);
    add.addEventListener('click', () => addRow(null));
    const card = h('section', { class: 'card', testid: 'mapping-field', dataset: { field: field.key } },
      h('h2', null, field.label),
      h('div', { class: 'table-wrap' }, h('table', { class: 'table table-cards cards-below-900' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'When the job\'s'), h('th', { scope: 'col' }, 'is'),
          h('th', { scope: 'col' }, `set ${field.label} to`), h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Actions')))),
        body)),
      h('p', null, add),
      h('p', null, h('label', { for: `default-${field.key}` }, 'Otherwise (default): '), defaultSelect));
    card.read = () => {
      const rules = Array.from(body.querySelectorAll('tr')).map((row) => row.read());
      if (defaultSelect.value) rules.push({ field: field.key, matchOn: 'DEFAULT', matchValue: '', value: defaultSelect.value });
      return rules;
    };
    cards.push(card);
    return card;
  });
  const requirable = editor.fields.filter((f) => !f.required);
  const checks = requirable.map((f) => {
    const box = h('input', { type: 'checkbox', id: `require-${f.key}`, testid: `require-${f.key}`, checked: f.requireValue ? true : null });
    box.fieldKey = f.key;
    return h('li', null, box, ' ', h('label', { for: `require-${f.key}` }, f.label));
  });
  const collect = () => ({
    rules: cards.flatMap((c) => c.read()),
    requiredFields: Array.from(el.querySelectorAll('[data-testid^="require-"]')).filter((b) => b.checked).map((b) => b.fieldKey),
  });
  const errBox = h('div', { class: 'alert alert-error', role: 'alert', testid: 'mapping-error', hidden: true });
  const previewBox = h('section', { class: 'card', testid: 'mapping-preview', 'aria-live': 'polite' },
    h('h2', null, 'Preview'), h('p', { class: 'muted' }, 'Preview what the hired candidates would get before you save.'));
  const showError = (err) => {
    const lines = [errorMessage(err)].concat((err.fieldErrors || []).map((fe) => `${describeField(fe.field, collect(), editor)}: ${fe.message}`));
    mount(errBox, lines.map((l) => h('div', null, l)));
    errBox.hidden = false;
  };
  const previewButton = h('button', { type: 'button', class: 'btn', testid: 'mapping-preview-button' }, 'Preview');
  previewButton.addEventListener('click', async () => {
    errBox.hidden = true;
    try {
      const p = await api('POST', `/integrations/${enc(id)}/mapping/preview`, { body: collect() });
      mount(previewBox, h('h2', null, 'Preview'),
        h('p', { testid: 'preview-summary' }, p.summary),
        h('ul', null, p.groups.map((g) => h('li', { testid: 'preview-group', class: g.missing.length ? 'warning-text' : null }, g.sentence))));
    } catch (err) {
      if (err.status !== 401) showError(err);
    }
  });
  const save = h('button', { type: 'button', class: 'btn btn-primary', testid: 'mapping-save' }, 'Save rules');
  save.addEventListener('click', async () => {
    errBox.hidden = true;
    save.disabled = true;
    try {
      const saved = await api('PUT', `/integrations/${enc(id)}/mapping`, { body: collect() });
      toast('Mapping rules saved', 'success');
      if (ctx.isCurrent()) draw(ctx, id, name, saved);
    } catch (err) {
      save.disabled = false;
      if (err.status !== 401) showError(err);
    }
  });
  mount(el,
    crumbs(id, name),
    h('div', { class: 'page-header' }, h('div', null, h('h1', { testid: 'page-title' }, `Mapping rules · ${name}`),
      h('p', { class: 'subtitle' }, `Which ${name} value each export gets from the job's department, location or the job itself. A value from the candidate always wins; a rule wins over a default.`))),
    mappable.length === 0 ? h('p', { class: 'muted' }, `${name} has no choice fields to map.`) : sections,
    h('section', { class: 'card', testid: 'mapping-required' },
      h('h2', null, 'Must be filled before an automatic or bulk export'),
      h('p', { class: 'muted small' }, 'A candidate whose field stays empty is listed as "needs review" instead of being exported half-filled.'),
      h('ul', { class: 'plain-list' }, checks)),
    errBox,
    h('div', { class: 'form-actions' }, previewButton, save),
    previewBox);
}

/** "rules[2].value" in words: "Team rule 2, value". */
function describeField(path, submitted, editor) {
  const m = /^rules\[(\d+)\]\.?(\w*)$/.exec(path || '');
  if (!m) return path;
  const rule = submitted.rules[Number(m[1])];
  const field = rule && editor.fields.find((f) => f.key === rule.field);
  const what = { matchValue: 'condition', value: 'value', matchOn: 'kind', field: 'field' }[m[2]] || m[2];
  return `${field ? field.label : 'Rule'}${rule && rule.matchOn === 'DEFAULT' ? ' default' : ' rule'}, ${what}`;
}
