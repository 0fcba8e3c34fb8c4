// An integration's "Automatic exports" section (issue 16): what happens when a candidate reaches Hired, and the
// automatic exports of this integration that stopped without an employee, each with a link to the candidate.
import { api, enc } from '../api.js';
import { h, mount, toast, fmtDate } from '../dom.js';
import { errorMessage } from './form.js';

const CHOICES = [['OFF', 'Off: people export by hand'], ['AUTO', 'Export automatically']];

export async function automationSection(ctx, connectorId, name) {
  const box = h('section', { class: 'card', testid: 'automation' }, h('h2', null, 'Automatic exports'), h('p', { class: 'muted' }, 'Loading…'));
  let settings;
  let failures;
  try {
    [settings, failures] = await Promise.all([
      api('GET', `/integrations/${enc(connectorId)}/automation`),
      api('GET', '/automation/failures'),
    ]);
  } catch (err) {
    if (err.status === 401) return box;
    mount(box, h('h2', null, 'Automatic exports'), h('div', { class: 'alert alert-error', role: 'alert' }, errorMessage(err)));
    return box;
  }
  const select = h('select', { id: 'on-hired', testid: 'on-hired' },
    CHOICES.map(([value, label]) => h('option', { value, selected: value === settings.onHired ? true : null }, label)));
  const save = h('button', { type: 'button', class: 'btn', testid: 'on-hired-save' }, 'Save');
  save.addEventListener('click', async () => {
    save.disabled = true;
    try {
      const saved = await api('PUT', `/integrations/${enc(connectorId)}/automation`, { body: { onHired: select.value } });
      toast(saved.onHired === 'AUTO' ? `Hired candidates are now exported to ${name} automatically` : 'Export on Hired is off', 'success');
    } catch (err) {
      if (err.status !== 401) toast(errorMessage(err), 'error', 8000);
    } finally {
      save.disabled = false;
    }
  });
  const mine = (failures.items || []).filter((f) => f.connectorId === connectorId);
  mount(box,
    h('h2', null, 'Automatic exports'),
    h('p', null, h('label', { for: 'on-hired' }, 'When a candidate reaches Hired: '), select, ' ', save),
    h('p', { class: 'muted small' }, `The export uses the mapping rules and runs as the person who moved the candidate. A failure that may pass is tried again later (up to 5 times); a candidate with fields to fill is listed below instead of being exported half-filled.`),
    h('h3', null, 'Stopped without an employee'),
    mine.length === 0 ? h('p', { class: 'muted', testid: 'automation-failures-empty' }, 'None.') :
      h('div', { class: 'table-wrap' }, h('table', { class: 'table table-cards', testid: 'automation-failures' },
        h('thead', null, h('tr', null, ['Candidate', 'Status', 'Tries', 'Last try', 'Why'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', null, mine.map((f) => h('tr', { testid: 'automation-failure', dataset: { candidateId: String(f.candidateId) } },
          h('td', { class: 'col-main', 'data-label': 'Candidate' }, h('a', { href: `#/candidates/${enc(String(f.candidateId))}` }, f.candidateName || `Candidate ${f.candidateId}`)),
          h('td', { 'data-label': 'Status' }, f.kind === 'NEEDS_REVIEW' ? 'Needs review' : 'Failed'),
          h('td', { 'data-label': 'Tries' }, String(f.tries)),
          h('td', { 'data-label': 'Last try' }, fmtDate(f.failedAt)),
          h('td', { 'data-label': 'Why' }, f.message)))))));
  return box;
}
