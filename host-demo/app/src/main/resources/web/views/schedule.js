// Scheduled exports (issue 16): a candidate's "export on <day>" section on the candidate page, and the upcoming list
// on the Review screen. Both cancel through DELETE /candidates/{id}/scheduled-exports/{connectorId}.
import { api, enc } from '../api.js';
import { h, mount, toast, fmtDate, nextId, errorBox } from '../dom.js';
import { errorMessage } from './form.js';

function why(item) {
  const reason = item.origin === 'BEFORE_START' ? 'before the start date (set on the integration)' : `chosen by ${item.scheduledBy || 'a former user'}`;
  // The user's edits are sent as typed even if the ATS's data changes meanwhile; the other fields are taken fresh.
  const edits = (item.editedFields || []).length ? `; sends these edits, other fields as in the ATS on the day: ${item.editedFields.join(', ')}` : '';
  return reason + edits;
}

async function cancel(item, button, onChanged) {
  button.disabled = true;
  try {
    await api('DELETE', `/candidates/${enc(item.candidateId)}/scheduled-exports/${enc(item.connectorId)}`);
    toast(`The export of ${item.candidateName} to ${item.connectorName} on ${fmtDate(item.exportOn)} is cancelled`, 'success');
  } catch (err) {
    if (err.status === 401) return;
    toast(errorMessage(err), 'error', 8000);
  }
  await onChanged();
}

function cancelButton(item, onChanged, testid) {
  const button = h('button', { type: 'button', class: 'btn btn-small', testid,
    'aria-label': `Cancel export: ${item.candidateName} to ${item.connectorName} on ${fmtDate(item.exportOn)}` }, 'Cancel export');
  button.addEventListener('click', () => cancel(item, button, onChanged));
  return button;
}

/** Today in the browser, as yyyy-mm-dd, for the date input's lower bound. */
function todayIso() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The candidate page's "Scheduled export" section. connectors: [{connectorId, name}] the candidate may be exported to
 * now (from its menu); schedules: the candidate's upcoming exports.
 */
export function scheduleSection(c, connectors, schedules, onChanged) {
  const box = h('section', { class: 'card', testid: 'candidate-schedule' }, h('h2', null, 'Scheduled export'));
  const rows = schedules.map((s) => h('li', { testid: 'schedule-row', dataset: { connectorId: s.connectorId } },
    h('span', null, `Exports to ${s.connectorName} on `, h('strong', null, fmtDate(s.exportOn)), ` (${why(s)}) `),
    cancelButton(s, onChanged, 'schedule-cancel')));
  const parts = [rows.length ? h('ul', { class: 'plain-list' }, rows) : h('p', { class: 'muted' }, 'No export is scheduled.')];
  if (connectors.length > 0) {
    const dateId = nextId('export-on');
    const errorId = nextId('export-on-error');
    const connectorId = nextId('schedule-connector');
    const date = h('input', { id: dateId, type: 'date', min: todayIso(), required: true, testid: 'schedule-date', 'aria-describedby': errorId });
    const connector = h('select', { id: connectorId, testid: 'schedule-connector' },
      connectors.map((x) => h('option', { value: x.connectorId }, x.name)));
    const error = h('p', { class: 'error-text', id: errorId, testid: 'schedule-error', hidden: true });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-small', testid: 'schedule-submit' }, 'Schedule export');
    const form = h('form', { class: 'schedule-form', novalidate: true },
      h('div', { class: 'field' }, h('label', { for: connectorId }, 'HR system'), connector),
      h('div', { class: 'field' }, h('label', { for: dateId }, 'Export on'), date),
      h('div', { class: 'field' }, submit), error);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      error.hidden = true;
      date.removeAttribute('aria-invalid');
      submit.disabled = true;
      try {
        const saved = await api('PUT', `/candidates/${enc(c.id)}/scheduled-exports/${enc(connector.value)}`, { body: { exportOn: date.value } });
        toast(`${saved.candidateName} will be exported to ${saved.connectorName} on ${fmtDate(saved.exportOn)}`, 'success');
        await onChanged();
      } catch (err) {
        submit.disabled = false;
        if (err.status === 401) return;
        const field = (err.fieldErrors || []).find((f) => f.field === 'exportOn');
        error.textContent = field ? field.message : errorMessage(err);
        error.hidden = false;
        if (field) { date.setAttribute('aria-invalid', 'true'); date.focus(); }
      }
    });
    parts.push(h('p', { class: 'muted small' }, 'The export runs at the start of that day, as you, with the mapping rules; a failure is retried and then listed for admins.'), form);
  }
  mount(box, h('h2', null, 'Scheduled export'), parts);
  return box;
}

/** The Review screen's "Upcoming exports" section. */
export async function upcomingSection(ctx) {
  const box = h('section', { class: 'card', testid: 'upcoming' }, h('h2', null, 'Upcoming exports'), h('p', { class: 'muted' }, 'Loading…'));
  const load = async () => {
    let data;
    try {
      data = await api('GET', '/scheduled-exports');
    } catch (err) {
      if (err.status === 401) return;
      mount(box, h('h2', null, 'Upcoming exports'), errorBox(err));
      return;
    }
    if (!ctx.isCurrent()) return;
    const items = data.items || [];
    mount(box, h('h2', null, 'Upcoming exports'),
      items.length === 0 ? h('p', { class: 'muted', testid: 'upcoming-empty' }, 'No exports are scheduled.')
        : h('div', { class: 'table-wrap' }, h('table', { class: 'table table-cards', testid: 'upcoming-table' },
          h('thead', null, h('tr', null, ['Candidate', 'HR system', 'Export on', 'Why'].map((t) => h('th', { scope: 'col' }, t)),
            h('th', null, h('span', { class: 'sr-only' }, 'Actions')))),
          h('tbody', null, items.map((item) => h('tr', { testid: 'upcoming-row', dataset: { candidateId: String(item.candidateId), connectorId: item.connectorId } },
            h('td', { class: 'col-main' }, h('a', { href: `#/candidates/${enc(item.candidateId)}`, class: 'strong' }, item.candidateName)),
            h('td', { 'data-label': 'HR system' }, item.connectorName),
            h('td', { 'data-label': 'Export on' }, fmtDate(item.exportOn)),
            h('td', { 'data-label': 'Why' }, why(item)),
            h('td', null, cancelButton(item, load, 'upcoming-cancel'))))))));
  };
  await load();
  return box;
}
