// Export dialog: the draft for one candidate and one connector, in sections, with the primary action always in
// view and a question before typed edits are thrown away.
import { api, enc } from '../api.js';
import { h, mount, openModal, confirmDialog, fmtDate, nextId } from '../dom.js';
import { buildField, applyFieldErrors, errorMessage } from './form.js';
import { documentsSection, documentResults } from './documents.js';
import { renderUpdateMode } from './updateDialog.js';

// The guide's words for the parts of the form, in the order a recruiter thinks about a hire.
const SECTIONS = [
  { id: 'PERSON', title: 'Person' },
  { id: 'JOB_AND_CONTRACT', title: 'Job and contract' },
  { id: 'PLACEMENT', title: 'Placement in the company' },
  { id: 'DOCUMENTS', title: 'Documents' },
];
// The guide says "Click Export". A candidate exported before opens in update mode instead (updateDialog.js).
const PRIMARY_LABEL = 'Export';

/**
 * openExportDialog({candidateId, connectorId, label, candidateName, onExported})
 */
export async function openExportDialog({ candidateId, connectorId, label, candidateName, onExported }) {
  let exported = false;
  let stale = false; // the menu that opened this dialog no longer applies (integration removed, candidate changed)
  let fields = [];
  const changedFields = () => fields.filter((f) => f.getValue() !== f.initial);
  let docs = null; // the Documents section's choices, when the connector takes documents
  let updateMode = null; // set when the candidate was exported before and the connector takes updates
  const modal = openModal({
    title: label || 'Export',
    testid: 'export-dialog',
    wide: true,
    onClose: () => { if ((exported || stale) && onExported) onExported(); },
    // Escape, the × and a click beside the dialog ask before typed edits are lost.
    beforeClose: async () => {
      if (updateMode) {
        const edits = updateMode.changed();
        if (edits.length === 0) return true;
        return confirmDialog({
          title: 'Discard your changes?',
          message: `You changed ${edits.map((f) => f.label).join(', ')}. Closing throws the changes away; nothing is sent.`,
          confirmLabel: 'Discard changes', cancelLabel: 'Keep editing', danger: true,
          testid: 'discard-dialog', confirmTestid: 'discard-confirm',
        });
      }
      const changed = exported ? [] : changedFields().concat(docs && docs.changed() ? [{ label: 'the documents to send' }] : []);
      if (changed.length === 0) return true;
      return confirmDialog({
        title: 'Discard your changes?',
        message: changed.length === 1
          ? `You changed ${changed[0].label}. Closing throws the change away; nothing more is sent.`
          : `You changed ${changed.length} things (${changed.map((f) => f.label).join(', ')}). Closing throws the changes away; nothing more is sent.`,
        confirmLabel: 'Discard changes', cancelLabel: 'Keep editing', danger: true,
        testid: 'discard-dialog', confirmTestid: 'discard-confirm',
      });
    },
  });
  mount(modal.body, h('p', { class: 'muted' }, 'Loading the draft…'));
  let draft;
  try {
    draft = await api('GET', `/candidates/${enc(candidateId)}/exports/${enc(connectorId)}/draft`);
  } catch (err) {
    if (err.status === 401) return;
    stale = err.status === 403 || err.status === 404 || err.status === 409; // reload the page behind on close
    mount(modal.body, h('div', { class: 'alert alert-error', role: 'alert', testid: 'export-error' }, errorMessage(err)));
    mount(modal.footer, h('div', { class: 'modal-actions' },
      h('button', { type: 'button', class: 'btn', testid: 'export-cancel', onclick: () => modal.close() }, 'Close')));
    modal.footer.hidden = false;
    return;
  }
  // Re-export means update: the employee exists, so the dialog compares and sends only chosen fields.
  if (draft.existing && (draft.capabilities || []).includes('UPDATE_EMPLOYEE')) {
    updateMode = await renderUpdateMode({
      modal, candidateId, connectorId, candidateName,
      onDone: () => { exported = true; },
    });
    return;
  }
  const connectorName = draft.connectorName || connectorId;
  const title = modal.el.querySelector('.modal-header h2');
  title.textContent = `Export ${candidateName ? candidateName + ' ' : ''}to ${connectorName}`;

  const refData = draft.referenceData || {};
  const sectionOf = draft.sections || {};
  fields = (draft.fields || []).map((f) => {
    const options = (f.options && f.options.length) ? f.options : (f.referenceList ? (refData[f.referenceList] || []) : []);
    const built = buildField(Object.assign({}, f, { options }), 'draft-field');
    addSource(built, f);
    return Object.assign(built,
      { section: SECTIONS.some((s) => s.id === sectionOf[f.key]) ? sectionOf[f.key] : 'PERSON' });
  });

  const existing = draft.existing
    ? h('div', { class: 'alert alert-info', testid: 'export-existing' },
      `Already exported to ${draft.existing.connectorName || connectorName} as employee ${draft.existing.employeeId}`,
      draft.existing.exportedAt ? ` on ${fmtDate(draft.existing.exportedAt)}` : '',
      draft.existing.exportedBy ? ` by ${draft.existing.exportedBy}` : '',
      ' — exporting again will link the existing employee.',
      draft.existing.link ? [' ', h('a', { href: draft.existing.link, target: '_blank', rel: 'noopener noreferrer' }, 'Open in ' + (draft.existing.connectorName || connectorName))] : null)
    : null;

  // Only admins get it (the server decides): they can upgrade the connection before the version ends.
  const versionWarning = draft.apiVersionWarning
    ? h('div', { class: 'alert alert-warning', testid: 'export-version-warning' }, draft.apiVersionWarning,
      ' ', h('a', { href: `#/settings/integrations/${enc(connectorId)}`, testid: 'export-version-details', onclick: () => modal.close() }, 'Connection details'))
    : null;
  // Required fields first within each section, then the connector's order.
  const sections = SECTIONS.map((s) => {
    const own = fields.filter((f) => f.section === s.id);
    const ordered = own.filter((f) => f.required).concat(own.filter((f) => !f.required));
    if (ordered.length === 0) return null;
    const headingId = nextId('draft-section');
    return h('section', { class: 'draft-section', testid: 'draft-section', dataset: { section: s.id }, 'aria-labelledby': headingId },
      h('h3', { id: headingId }, s.title),
      h('div', { class: 'form-grid' }, ordered.map((f) => f.row)));
  });
  // A connection that takes documents gets the candidate's documents in the Documents section.
  const documentsHeadingId = nextId('draft-section');
  docs = documentsSection(draft, connectorName, documentsHeadingId);
  const noDocuments = docs
    ? h('section', { class: 'draft-section', testid: 'draft-section', dataset: { section: 'DOCUMENTS' }, 'aria-labelledby': documentsHeadingId },
      h('h3', { id: documentsHeadingId }, 'Documents'), docs.el)
    : fields.some((f) => f.section === 'DOCUMENTS') ? null
    : h('section', { class: 'draft-section draft-section-later', testid: 'draft-section', dataset: { section: 'DOCUMENTS' } },
      h('h3', null, 'Documents'),
      h('p', { class: 'muted small' }, `Documents are not sent yet: add the signed contract and other files in ${connectorName} after the export.`));

  const formId = nextId('export-form');
  const general = h('div', { class: 'alert alert-error', role: 'alert', testid: 'export-general-error', hidden: true });
  const choice = h('div', { class: 'match-choice', testid: 'export-possible-match', hidden: true });
  const errorBox = h('div', { class: 'alert alert-error', role: 'alert', testid: 'export-error', hidden: true });
  const result = h('div', { class: 'alert alert-success', role: 'status', testid: 'export-result', hidden: true });
  const submit = h('button', { type: 'submit', form: formId, class: 'btn btn-primary', testid: 'export-submit' }, PRIMARY_LABEL);
  const cancel = h('button', { type: 'button', class: 'btn', testid: 'export-cancel', onclick: () => modal.requestClose() }, 'Cancel');
  // The user's own failed attempt came back: say so, and offer the ATS's values instead.
  let restored = null;
  if (draft.restoredFromAttempt) {
    const reset = h('button', { type: 'button', class: 'btn btn-small', testid: 'export-reset-ats' }, 'Reset to ATS values');
    restored = h('div', { class: 'alert alert-info', role: 'status', testid: 'export-restored' },
      `Restored from your attempt at ${attemptTime(draft.restoredAt)}. `, reset);
    reset.addEventListener('click', () => {
      const ats = draft.atsValues || {};
      fields.forEach((f) => f.setValue(ats[f.key] === undefined ? '' : ats[f.key]));
      restored.hidden = true;
    });
  }

  const form = h('form', { class: 'draft-form', id: formId, novalidate: true, 'aria-label': `Employee details for ${connectorName}` },
    versionWarning,
    existing,
    restored,
    h('p', { class: 'muted small' }, 'Review and edit the values before they are sent. Fields marked ', h('span', { class: 'required' }, '*'), ' are required.'),
    // A possible match is asked about above the sections, where the dialog's body scrolls to when it appears.
    choice,
    sections, noDocuments);

  let running = false;
  const currentValues = () => {
    const values = {};
    fields.forEach((f) => { values[f.key] = f.getValue(); });
    return values;
  };

  // A possible match: the candidate and the employee side by side, and the user's choice.
  async function showPossibleMatch(err) {
    let view;
    try {
      view = await api('POST', `/candidates/${enc(candidateId)}/exports/${enc(connectorId)}/match`, { body: { values: currentValues() } });
    } catch (lookupErr) {
      errorBox.textContent = errorMessage(err);
      errorBox.hidden = false;
      return;
    }
    if (!view.match) {
      errorBox.textContent = errorMessage(err);
      errorBox.hidden = false;
      return;
    }
    const m = view.match;
    const facts = (list, testid) => h('dl', { class: 'match-facts', testid },
      (list || []).map((f) => [h('dt', null, f.label), h('dd', null, f.value)]));
    mount(choice,
      h('p', { role: 'alert' }, h('strong', null, `${connectorName} may already have this person. `), m.reason, '. Nothing was sent yet.'),
      h('div', { class: 'match-columns' },
        h('div', { class: 'match-column' }, h('h3', null, 'Candidate in the ATS'), facts(view.candidate, 'match-candidate')),
        h('div', { class: 'match-column' }, h('h3', null, `Employee in ${connectorName}`), facts(m.facts, 'match-employee'),
          m.link ? h('a', { href: m.link, target: '_blank', rel: 'noopener noreferrer', testid: 'match-employee-link' }, `Open in ${connectorName}`) : null)),
      h('div', { class: 'form-actions' },
        h('button', { type: 'button', class: 'btn', testid: 'match-create-new', onclick: () => run({ choice: 'CREATE_NEW', employeeId: m.employeeId }) }, 'Create new employee'),
        h('button', { type: 'button', class: 'btn btn-primary', testid: 'match-link', onclick: () => run({ choice: 'LINK', employeeId: m.employeeId }) }, `Link to ${m.fullName}`)));
    choice.hidden = false;
    choice.scrollIntoView({ block: 'nearest' });
    submit.hidden = true;
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run(null);
  });

  async function run(decision) {
    if (running) return;
    // What the browser can already tell (a date, country or phone number it cannot read) is said beside the field.
    const problems = fields.map((f) => [f, f.check ? f.check() : null]).filter(([, p]) => p);
    if (problems.length) {
      fields.forEach((f) => f.setError(null));
      problems.forEach(([f, p]) => f.setError(p));
      problems[0][0].input.focus();
      return;
    }
    running = true;
    submit.disabled = true;
    submit.textContent = 'Exporting…';
    general.hidden = true; errorBox.hidden = true; choice.hidden = true;
    fields.forEach((f) => f.setError(null));
    const values = currentValues();
    try {
      const documentIds = docs ? docs.selectedIds() : [];
      const out = await api('POST', `/candidates/${enc(candidateId)}/exports/${enc(connectorId)}`, { body: { values, decision, documentIds } });
      exported = true;
      submit.hidden = false;
      const text = out.outcome === 'ALREADY_EXISTS'
        ? `Already in ${connectorName}: linked employee ${out.employeeId}`
        : `Exported to ${connectorName}: employee ${out.employeeId}`;
      // A failed document shows once, in the documents list with its Retry, not again among the warnings.
      const failedDocs = new Set((out.documents || []).filter((d) => d.result === 'FAILED').map((d) => `Upload ${d.fileName}`));
      const warnings = (out.warnings || []).filter((w) => !failedDocs.has(w.step));
      mount(result,
        h('strong', null, text),
        out.link ? [' ', h('a', { href: out.link, target: '_blank', rel: 'noopener noreferrer', testid: 'export-result-link' }, `Open in ${connectorName}`)] : null,
        warnings.length ? h('ul', { class: 'warnings' }, warnings.map((w) =>
          h('li', { testid: 'export-warning' }, w.step ? h('strong', null, `${w.step}: `) : null, w.message))) : null,
        documentResults(out.documents, { candidateId, connectorId }));
      if (docs) docs.disable();
      result.hidden = false;
      if (warnings.length || failedDocs.size) result.classList.add('alert-warning');
      // Read-only, not disabled, where the control allows it: the sent values stay reachable and readable by keyboard.
      fields.forEach((f) => { if (f.input.tagName === 'SELECT' || f.input.type === 'checkbox') f.input.disabled = true; else f.input.readOnly = true; });
      submit.hidden = true;
      cancel.textContent = 'Close';
      cancel.focus();
      // No toast: the result box (role=status) already says it, and a toast would sit over the Close button.
    } catch (err) {
      if (err.status === 401) return;
      if (err.code === 'possible_match') {
        await showPossibleMatch(err);
      } else if (err.status === 422 && err.fieldErrors.length) {
        const unmatched = applyFieldErrors(fields, err.fieldErrors);
        const msgs = [err.message].concat(unmatched).filter(Boolean);
        mount(general, msgs.length > 1 ? [h('div', null, msgs[0]), h('ul', null, msgs.slice(1).map((m) => h('li', null, m)))] : msgs[0]);
        general.hidden = false;
      } else {
        errorBox.textContent = errorMessage(err);
        errorBox.hidden = false;
      }
      submit.disabled = false;
      submit.textContent = PRIMARY_LABEL;
    } finally {
      running = false;
    }
  }
  // Only what the user changed is kept for the day (the browser shows some values normalised, such as a phone
  // number, which is no edit); a draft restored from the user's failed attempt sends all, for the server to compare.
  const editedValues = () => (draft.restoredFromAttempt ? currentValues()
    : Object.fromEntries(changedFields().map((f) => [f.key, f.getValue()])));
  mount(modal.body, form, scheduleLater({ candidateId, connectorId, connectorName, fields, draft, editedValues,
    onScheduled: (saved) => {
      mount(result, h('strong', null, `Scheduled: exports to ${saved.connectorName} on ${fmtDate(saved.exportOn)}`),
        (saved.editedFields || []).length
          ? h('p', { testid: 'export-scheduled-edits' }, `Your edits are kept and sent that day: ${saved.editedFields.join(', ')}. The other fields are taken from the ATS on the day.`)
          : h('p', null, 'Every field is taken from the ATS on the day.'));
      result.hidden = false;
      exported = true;
      submit.hidden = true;
      cancel.textContent = 'Close';
      cancel.focus();
    } }));
  // The outcome and the actions sit in the footer, in view however long the form is.
  mount(modal.footer, h('div', { class: 'modal-status' }, general, errorBox, result),
    h('div', { class: 'modal-actions' }, cancel, submit));
  modal.footer.hidden = false;
  const first = form.querySelector('input:not([disabled]), select, textarea');
  if (first) first.focus();
}

/** Shows where a preselected value came from, until the user changes it. */
function addSource(built, spec) {
  if (!spec.source || !spec.source.label) return;
  const original = built.getValue();
  const note = h('div', { class: 'field-source small muted', testid: `field-source-${spec.key}` }, `From: ${spec.source.label}`);
  built.row.insertBefore(note, built.error);
  const update = () => {
    note.textContent = built.getValue() === original ? `From: ${spec.source.label}` : 'Changed by you';
  };
  built.input.addEventListener('input', update);
  built.input.addEventListener('change', update);
}

/** "10:42" for an attempt today, with the date for an older one. */
function attemptTime(s) {
  const d = new Date(s);
  if (isNaN(d.getTime())) return String(s || '');
  const time = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return d.toDateString() === new Date().toDateString() ? time : `${d.toLocaleDateString()} ${time}`;
}

/**
 * "Export later instead": schedules the export on a day, or N days before one of the draft's dates (the edited
 * value when the user changed it, such as a new start date), with the dialog's values; the server keeps the ones the
 * user edited and sends them on the day over the ATS's data of that day.
 */
function scheduleLater({ candidateId, connectorId, connectorName, fields, draft, editedValues, onScheduled }) {
  const dates = (draft.fields || []).filter((f) => String(f.type).toUpperCase() === 'DATE');
  const name = nextId('schedule-mode');
  const dayId = nextId('schedule-day');
  const daysId = nextId('schedule-days');
  const fieldId = nextId('schedule-field');
  const errorId = nextId('schedule-error');
  const onDay = h('input', { type: 'radio', name, value: 'DAY', id: `${name}-day`, checked: true, testid: 'schedule-mode-day' });
  const before = h('input', { type: 'radio', name, value: 'BEFORE', id: `${name}-before`, testid: 'schedule-mode-before', disabled: dates.length === 0 });
  const day = h('input', { type: 'date', id: dayId, testid: 'schedule-day', 'aria-describedby': errorId });
  const days = h('input', { type: 'number', id: daysId, min: '0', max: '365', value: '7', class: 'input-short', inputmode: 'numeric', testid: 'schedule-days', 'aria-describedby': errorId });
  const field = h('select', { id: fieldId, testid: 'schedule-before-field' }, dates.map((f) => h('option', { value: f.key }, f.label)));
  const error = h('p', { class: 'error-text', id: errorId, role: 'alert', testid: 'schedule-dialog-error', hidden: true });
  const button = h('button', { type: 'button', class: 'btn', testid: 'export-schedule' }, 'Schedule export');
  button.addEventListener('click', async () => {
    error.hidden = true;
    button.disabled = true;
    const body = { values: editedValues() };
    if (before.checked) { body.daysBefore = Number(days.value); body.beforeField = field.value; } else { body.exportOn = day.value; }
    try {
      const saved = await api('PUT', `/candidates/${enc(candidateId)}/scheduled-exports/${enc(connectorId)}`, { body });
      onScheduled(saved);
    } catch (err) {
      button.disabled = false;
      if (err.status === 401) return;
      const unmatched = applyFieldErrors(fields, (err.fieldErrors || []).filter((fe) => String(fe.field).startsWith('values.'))
        .map((fe) => ({ field: fe.field.slice('values.'.length), message: fe.message })));
      const own = (err.fieldErrors || []).filter((fe) => !String(fe.field).startsWith('values.')).map((fe) => fe.message);
      error.textContent = [errorMessage(err)].concat(own, unmatched).join(' ');
      error.hidden = false;
    }
  });
  return h('details', { class: 'schedule-later', testid: 'export-later' },
    h('summary', null, `Export to ${connectorName} later instead`),
    h('p', { class: 'muted small' }, 'Your edits above are kept and sent on the day; every other field is taken from the ATS then.'),
    h('fieldset', null, h('legend', { class: 'sr-only' }, 'When'),
      h('div', { class: 'checkbox-line' }, onDay, h('label', { for: `${name}-day` }, 'On a day'), h('label', { for: dayId, class: 'sr-only' }, 'Export on'), day),
      h('div', { class: 'checkbox-line' }, before, h('label', { for: `${name}-before` }, 'Days before a date'),
        h('label', { for: daysId, class: 'sr-only' }, 'Number of days'), days,
        h('label', { for: fieldId }, 'days before'), field)),
    error, h('p', null, button));
}
