// The export dialog's update mode: the candidate was exported before, so exporting again means updating the
// employee. Per field: what the HR system holds now (read live), what was sent last time, and the ATS's value
// now (editable); changed fields are marked in words and preselected; the button says how many fields go.
import { api, enc } from '../api.js';
import { h, mount, fmtDate, nextId } from '../dom.js';
import { formatDate, parseDate, countryName } from '../locale.js';
import { buildField, applyFieldErrors, errorMessage } from './form.js';

/** A value as people read it: a choice by its label, a date in the app's format, a country by its name. */
function shown(field, options, value) {
  if (value === null || value === undefined || value === '') return '—';
  const type = String(field.type || '').toUpperCase();
  if (type === 'SELECT') {
    const o = (options || []).find((x) => String(x.value) === String(value));
    return o ? String(o.label) : String(value);
  }
  if (type === 'DATE' && parseDate(value)) return formatDate(value);
  if (type === 'COUNTRY') return countryName(String(value).toUpperCase()) || String(value);
  return String(value);
}

function plural(n, one, many) { return n === 1 ? `${n} ${one}` : `${n} ${many}`; }

/**
 * Renders update mode into an open export dialog.
 * Returns {changed(): [{label}]} for the dialog's "discard your changes?" question.
 */
export async function renderUpdateMode({ modal, candidateId, connectorId, candidateName, onDone }) {
  mount(modal.body, h('p', { class: 'muted' }, 'Reading the employee from the HR system…'));
  let view;
  try {
    view = await api('GET', `/candidates/${enc(candidateId)}/exports/${enc(connectorId)}/update`);
  } catch (err) {
    if (err.status === 401) return { changed: () => [] };
    mount(modal.body, h('div', { class: 'alert alert-error', role: 'alert', testid: 'update-error' }, errorMessage(err)));
    mount(modal.footer, h('div', { class: 'modal-actions' },
      h('button', { type: 'button', class: 'btn', testid: 'export-cancel', onclick: () => modal.close() }, 'Close')));
    modal.footer.hidden = false;
    return { changed: () => [] };
  }
  const hr = view.connectorName || connectorId;
  modal.el.querySelector('.modal-header h2').textContent = `Update ${candidateName ? candidateName + ' ' : ''}in ${hr}`;
  const refData = view.referenceData || {};
  let sent = false;

  const rows = (view.fields || []).map((line) => {
    const f = line.field;
    const options = (f.options && f.options.length) ? f.options : (f.referenceList ? (refData[f.referenceList] || []) : []);
    const built = buildField(Object.assign({}, f, { options, label: `${f.label}: ATS now`, required: false }), 'update-field');
    const readOnly = line.route === 'READ_ONLY';
    const boxId = nextId('update-choose');
    const box = h('input', { type: 'checkbox', id: boxId, testid: `update-choose-${f.key}`, checked: !!line.preselected, disabled: readOnly });
    const tags = [];
    if (line.changedInAts) tags.push(h('span', { class: 'badge badge-amber', testid: 'update-tag' }, 'Changed in the ATS'));
    if (line.changedInHr) tags.push(h('span', { class: 'badge badge-blue', testid: 'update-tag' }, `Changed in ${hr}`));
    if (line.differs && !line.changedInAts && !line.changedInHr) tags.push(h('span', { class: 'badge badge-grey', testid: 'update-tag' }, 'Differs'));
    if (readOnly) tags.push(h('span', { class: 'badge badge-grey', testid: 'update-tag' }, 'Cannot be changed here'));
    const el = h('div', {
      class: 'update-row' + (line.differs ? ' update-row-differs' : '') + (readOnly ? ' update-row-readonly' : ''),
      testid: 'update-row', dataset: { key: f.key, differs: String(!!line.differs) },
    },
    h('div', { class: 'update-row-head' },
      h('div', { class: 'checkbox-line' }, box, h('label', { for: boxId }, h('strong', null, f.label))),
      tags.length ? h('span', { class: 'badge-list' }, tags) : null),
    h('dl', { class: 'update-values' },
      h('div', null, h('dt', null, `In ${hr} now`), h('dd', { testid: `update-hr-${f.key}` }, shown(f, options, line.inHrNow))),
      h('div', null, h('dt', null, 'Sent last time'), h('dd', { testid: `update-sent-${f.key}` }, shown(f, options, line.sentLastTime)))),
    readOnly ? h('p', { class: 'small muted', testid: `update-readonly-${f.key}` }, line.readOnlyReason) : built.row);
    if (readOnly) built.input.disabled = true;
    // Editing a value means sending it: the box follows the edit (and can still be unticked).
    const follow = () => { if (!readOnly && built.getValue() !== built.initial) box.checked = true; count(); };
    built.input.addEventListener('input', follow);
    built.input.addEventListener('change', follow);
    box.addEventListener('change', () => count());
    return Object.assign(built, { line, box, el, readOnly });
  });

  const contractRows = rows.filter((r) => r.line.route === 'CONTRACT_FIELD');
  let contract = null;
  if (contractRows.length) {
    const name = nextId('contract-change');
    const correct = h('input', { type: 'radio', name, id: name + '-correct', value: 'CORRECT_CURRENT', checked: true, testid: 'update-contract-correct' });
    const fresh = h('input', { type: 'radio', name, id: name + '-new', value: 'NEW_VERSION', testid: 'update-contract-new' });
    const date = buildField({ key: 'effectiveOn', label: 'New version applies from', type: 'DATE', value: '' }, 'update');
    date.row.hidden = true;
    const toggle = () => { date.row.hidden = !fresh.checked; };
    correct.addEventListener('change', toggle);
    fresh.addEventListener('change', toggle);
    contract = {
      el: h('fieldset', { class: 'update-contract', testid: 'update-contract' },
        h('legend', null, 'Start date, job title and salary live on the contract'),
        h('div', { class: 'checkbox-line' }, correct, h('label', { for: correct.id },
          'Correct the current contract version', h('span', { class: 'muted small' }, ' (a postponed start date, a typo; no history kept)'))),
        h('div', { class: 'checkbox-line' }, fresh, h('label', { for: fresh.id },
          'Start a new contract version from a date', h('span', { class: 'muted small' }, ' (a raise or promotion; the old version stays as history)'))),
        view.contractFrom ? h('p', { class: 'small muted' }, `The current version applies from ${fmtDate(view.contractFrom)}.`) : null,
        date.row),
      body() {
        return fresh.checked ? { contractChange: 'NEW_VERSION', effectiveOn: date.getValue() } : { contractChange: 'CORRECT_CURRENT' };
      },
      date,
    };
  }

  const general = h('div', { class: 'alert alert-error', role: 'alert', testid: 'export-general-error', hidden: true });
  const result = h('div', { class: 'alert alert-success', role: 'status', testid: 'update-result', hidden: true });
  const formId = nextId('update-form');
  const submit = h('button', { type: 'submit', form: formId, class: 'btn btn-primary', testid: 'update-submit' });
  const linkOnly = h('button', { type: 'button', class: 'btn', testid: 'update-link-only' }, 'Link only');
  const cancel = h('button', { type: 'button', class: 'btn', testid: 'export-cancel', onclick: () => modal.requestClose() }, 'Cancel');
  const chosen = () => rows.filter((r) => !r.readOnly && r.box.checked);
  function count() {
    const n = chosen().length;
    submit.textContent = n ? `Update ${plural(n, 'field', 'fields')} in ${hr}` : `Choose fields to update in ${hr}`;
    submit.disabled = n === 0;
  }
  count();

  const changedFacts = (view.changedSinceExport || []).length
    ? h('div', { class: 'alert alert-warning', testid: 'update-changed-since-export' },
      h('strong', null, 'Changed since export: '), view.changedSinceExport.join(', '), '.')
    : null;
  const differing = rows.filter((r) => r.line.differs).length;
  const form = h('form', { class: 'draft-form', id: formId, novalidate: true, 'aria-label': `Update the employee in ${hr}` },
    h('div', { class: 'alert alert-info', testid: 'export-existing' },
      `Exported to ${hr} as employee ${view.employeeId}`, view.exportedAt ? ` on ${fmtDate(view.exportedAt)}` : '',
      '. Exporting again updates that employee; the values in ', hr, ' were read just now.',
      view.link ? [' ', h('a', { href: view.link, target: '_blank', rel: 'noopener noreferrer' }, `Open in ${hr}`)] : null),
    changedFacts,
    h('p', { class: 'muted small', testid: 'update-summary' },
      differing ? `${plural(differing, 'field differs', 'fields differ')} from ${hr}. Ticked fields are sent; the others stay as ${hr} has them.`
        : `${hr} holds what the ATS says. Nothing needs updating.`),
    h('div', { class: 'update-rows' }, rows.map((r) => r.el)),
    contract ? contract.el : null);

  let running = false;
  async function send() {
    if (running) return;
    const picked = chosen();
    const problems = picked.map((r) => [r, r.check ? r.check() : null]).filter(([, p]) => p);
    rows.forEach((r) => r.setError(null));
    if (contract) contract.date.setError(null);
    if (problems.length) {
      problems.forEach(([r, p]) => r.setError(p));
      problems[0][0].input.focus();
      return;
    }
    running = true;
    submit.disabled = true;
    submit.textContent = 'Updating…';
    general.hidden = true;
    const values = {};
    rows.forEach((r) => { if (!r.readOnly) values[r.key] = r.getValue(); });
    const usesContract = picked.some((r) => r.line.route === 'CONTRACT_FIELD');
    const body = Object.assign({ values, fields: picked.map((r) => r.key) }, usesContract && contract ? contract.body() : {});
    try {
      const out = await api('POST', `/candidates/${enc(candidateId)}/exports/${enc(connectorId)}/update`, { body });
      sent = true;
      const done = out.fields.filter((f) => f.status === 'UPDATED');
      const failed = out.fields.filter((f) => f.status !== 'UPDATED');
      mount(result,
        h('strong', null, failed.length === 0 ? `Updated ${plural(done.length, 'field', 'fields')} in ${hr}` : `Updated ${done.length} of ${out.fields.length} fields in ${hr}`),
        h('ul', { class: 'warnings' }, out.fields.map((f) => h('li', { testid: 'update-outcome', dataset: { key: f.key, status: f.status } },
          h('strong', null, `${f.label}: `), f.status === 'UPDATED' ? `now ${f.value}` : `not updated. ${f.message || ''}`))));
      if (failed.length) result.classList.add('alert-warning');
      result.hidden = false;
      rows.forEach((r) => { r.box.disabled = true; if (r.input.tagName === 'SELECT') r.input.disabled = true; else r.input.readOnly = true; });
      submit.hidden = true;
      linkOnly.hidden = true;
      cancel.textContent = 'Close';
      cancel.focus();
      if (onDone) onDone();
    } catch (err) {
      if (err.status === 401) return;
      const fieldErrors = (err.fieldErrors || []).filter((e) => e.field !== 'effectiveOn');
      const unmatched = applyFieldErrors(rows, fieldErrors);
      const dateError = (err.fieldErrors || []).find((e) => e.field === 'effectiveOn');
      if (dateError && contract) contract.date.setError(dateError.message);
      const msgs = [errorMessage(err)].concat(unmatched).filter(Boolean);
      mount(general, msgs.length > 1 ? [h('div', null, msgs[0]), h('ul', null, msgs.slice(1).map((m) => h('li', null, m)))] : msgs[0]);
      general.hidden = false;
      count();
    } finally {
      running = false;
    }
  }
  form.addEventListener('submit', (e) => { e.preventDefault(); send(); });
  // Link only: confirm the link to the employee and send nothing else (the export finds the same person).
  linkOnly.addEventListener('click', async () => {
    if (running) return;
    running = true;
    general.hidden = true;
    try {
      const out = await api('POST', `/candidates/${enc(candidateId)}/exports/${enc(connectorId)}`, { body: { values: {} } });
      sent = true;
      mount(result, h('strong', null, `Kept the link to employee ${out.employeeId} in ${hr}; nothing was changed there.`));
      result.hidden = false;
      submit.hidden = true;
      linkOnly.hidden = true;
      cancel.textContent = 'Close';
      cancel.focus();
      if (onDone) onDone();
    } catch (err) {
      if (err.status === 401) return;
      mount(general, errorMessage(err));
      general.hidden = false;
    } finally {
      running = false;
    }
  });
  mount(modal.body, form);
  mount(modal.footer, h('div', { class: 'modal-status' }, general, result),
    h('div', { class: 'modal-actions' }, cancel, linkOnly, submit));
  modal.footer.hidden = false;
  const first = rows.find((r) => r.box.checked) || rows.find((r) => !r.readOnly);
  if (first) first.box.focus();
  return {
    changed: () => (sent ? [] : rows.filter((r) => !r.readOnly && r.getValue() !== r.initial)),
  };
}
