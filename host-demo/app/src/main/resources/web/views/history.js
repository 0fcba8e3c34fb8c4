// Export history (admins): every export attempt, or every update sent to an exported employee (issue 15), with
// outcome filter and pagination.
import { api, qs, enc } from '../api.js';
import { h, mount, badge, fmtDate, fmtCountry, dash, pager, errorBox } from '../dom.js';

const STATES = ['IN_PROGRESS', 'CREATED', 'ALREADY_EXISTS', 'FAILED', 'UNFINISHED'];
const STATE_LABEL = { IN_PROGRESS: 'In progress', CREATED: 'Created', ALREADY_EXISTS: 'Linked to existing', FAILED: 'Failed', UNFINISHED: 'Unfinished' };
const STEP_LABEL = { PENDING: 'Pending', RUNNING: 'Running', DONE: 'Done', FAILED: 'Failed', SKIPPED: 'Skipped' };
const UPDATE_STATES = ['IN_PROGRESS', 'UPDATED', 'PARTIAL', 'FAILED'];
const UPDATE_LABEL = { IN_PROGRESS: 'In progress', UPDATED: 'Updated', PARTIAL: 'Partly updated', FAILED: 'Failed' };
const PAGE_SIZE = 25;

export async function renderExportHistory(ctx) {
  const { el, query } = ctx;
  const filters = {
    kind: query.get('kind') === 'updates' ? 'updates' : '',
    automatic: query.get('automatic') || '',
    outcome: query.get('outcome') || '',
    candidateId: query.get('candidateId') || '',
    connectorId: query.get('connectorId') || '',
  };
  let page = Math.max(1, parseInt(query.get('page') || '1', 10) || 1);
  const updates = filters.kind === 'updates';
  const kindSel = h('select', { id: 'history-kind', testid: 'history-filter-kind' },
    h('option', { value: '' }, 'Exports'), h('option', { value: 'updates' }, 'Updates of exported employees'));
  kindSel.value = filters.kind;
  // the outcomes differ between the two lists: start the other one unfiltered
  kindSel.addEventListener('change', () => { ctx.navigate('/exports' + qs(kindSel.value ? { kind: kindSel.value } : {})); });
  const outcomeSel = h('select', { id: 'history-outcome', testid: 'history-filter-outcome' },
    h('option', { value: '' }, 'Any outcome'),
    (updates ? UPDATE_STATES : STATES).map((s) => h('option', { value: s }, (updates ? UPDATE_LABEL : STATE_LABEL)[s])));
  outcomeSel.value = filters.outcome;
  outcomeSel.addEventListener('change', () => { filters.outcome = outcomeSel.value; page = 1; load({ push: true }); });
  const sentBySel = h('select', { id: 'history-sent-by', testid: 'history-filter-sent-by' },
    h('option', { value: '' }, 'Anyone'), h('option', { value: 'false' }, 'A person'), h('option', { value: 'true' }, 'Sent automatically'));
  sentBySel.value = filters.automatic;
  sentBySel.addEventListener('change', () => { filters.automatic = sentBySel.value; page = 1; load({ push: true }); });
  const area = h('div', null, h('p', { class: 'muted' }, 'Loading export history…'));
  const scoped = filters.candidateId || filters.connectorId
    ? h('p', { class: 'small', testid: 'history-scope' }, h('span', null, 'Showing only some attempts. '), h('a', { href: '#/exports' }, 'Show all'))
    : null;
  mount(el,
    h('div', { class: 'page-header' }, h('div', null, h('h1', { testid: 'page-title' }, 'Export history'),
      h('p', { class: 'subtitle' }, updates
        ? 'Every update sent to an employee after the export: who, when, and each field from what to what.'
        : 'Every attempt to send a hired candidate to an HR system.'))),
    h('div', { class: 'toolbar toolbar-wrap' },
      h('div', { class: 'field field-inline' }, h('label', { for: 'history-kind' }, 'Show'), kindSel),
      h('div', { class: 'field field-inline' }, h('label', { for: 'history-outcome' }, 'Outcome'), outcomeSel),
      updates ? h('div', { class: 'field field-inline' }, h('label', { for: 'history-sent-by' }, 'Sent by'), sentBySel) : null),
    scoped, area);

  let seq = 0;
  async function load({ push = false } = {}) {
    const mine = ++seq;
    ctx.setQuery(Object.assign({}, filters, { page: page > 1 ? page : '' }), { push });
    let data;
    try {
      const { kind, automatic, ...common } = filters;
      data = await api('GET', (updates ? '/exports/updates' : '/exports')
        + qs(Object.assign(common, updates ? { automatic } : {}, { page, pageSize: PAGE_SIZE })));
    } catch (err) {
      if (err.status === 401 || mine !== seq || !ctx.isCurrent()) return;
      mount(area, errorBox(err));
      return;
    }
    if (mine !== seq || !ctx.isCurrent()) return;
    const items = data.items || [];
    if (scoped && items.length) {
      // Name what the list is narrowed to, as the rows do, instead of an id.
      const who = filters.candidateId ? `of ${items[0].candidateName}` : '';
      const where = filters.connectorId ? `with ${items[0].connectorName || filters.connectorId}` : '';
      scoped.firstChild.textContent = `Showing the ${updates ? 'updates' : 'attempts'} ${[who, where].filter(Boolean).join(' ')}. `;
    }
    if (updates) {
      mount(area,
        items.length === 0 ? h('div', { class: 'empty' }, 'No updates match.') :
          h('div', { class: 'table-wrap' }, h('table', { class: 'table table-cards', testid: 'update-history-table' },
            h('thead', null, h('tr', null, ['Started', 'Candidate', 'HR system', 'By', 'Outcome', 'Employee', 'Fields'].map((t) => h('th', { scope: 'col' }, t)))),
            h('tbody', null, items.map(updateRow)))),
        pager({ page: data.page || page, pageSize: data.pageSize || PAGE_SIZE, total: data.total || 0, onPage: (p) => { page = p; load(); } }));
      return;
    }
    mount(area,
      items.length === 0 ? h('div', { class: 'empty' }, 'No export attempts match.') :
        h('div', { class: 'table-wrap' }, h('table', { class: 'table table-cards', testid: 'history-table' },
          h('thead', null, h('tr', null, h('th', null, 'Started'), h('th', null, 'Candidate'), h('th', null, 'HR system'),
            h('th', null, 'By'), h('th', null, 'State'), h('th', null, 'Employee'), h('th', null, 'Details'))),
          h('tbody', null, items.map(row)))),
      pager({ page: data.page || page, pageSize: data.pageSize || PAGE_SIZE, total: data.total || 0, onPage: (p) => { page = p; load(); } }));
  }

  function row(a) {
    const lines = draftLines(a);
    return h('tr', { testid: 'history-row', class: a.state === 'UNFINISHED' ? 'row-warning' : '', dataset: { attemptId: String(a.id), state: a.state } },
      h('td', { 'data-label': 'Started', class: 'col-main' }, fmtDate(a.startedAt), a.finishedAt ? h('div', { class: 'muted small' }, 'Finished ', fmtDate(a.finishedAt)) : null),
      h('td', { 'data-label': 'Candidate' }, h('a', { href: `#/candidates/${enc(a.candidateId)}` }, a.candidateName || `Candidate ${a.candidateId}`)),
      h('td', { 'data-label': 'HR system' }, dash(a.connectorName || a.connectorId)),
      h('td', { 'data-label': 'By' }, dash(a.user)),
      h('td', { 'data-label': 'State' }, badge(a.state, STATE_LABEL[a.state]),
        a.state === 'UNFINISHED' ? h('div', { class: 'small warning-text' }, 'The host stopped during this export; export again to link or create.') : null),
      h('td', { 'data-label': 'Employee' }, a.link ? h('a', { href: a.link, target: '_blank', rel: 'noopener noreferrer' }, dash(a.employeeId)) : dash(a.employeeId)),
      h('td', { class: 'col-details', 'data-label': 'Details' },
        a.error ? h('div', { class: a.state === 'CREATED' ? 'muted small' : 'error-text small', testid: 'history-error' }, a.error) : null,
        // skipped steps (nothing created, the employee existed) say nothing the state does not
        (a.steps || []).some((s) => s.state !== 'SKIPPED') ? h('ul', { class: 'step-list', testid: 'history-steps' }, a.steps.filter((s) => s.state !== 'SKIPPED').map((s) =>
          h('li', { testid: 'history-step', dataset: { stepId: s.stepId, state: s.state } },
            badge(s.state, STEP_LABEL[s.state]), ' ', s.label,
            s.message ? h('div', { class: s.state === 'FAILED' ? 'error-text small' : 'muted small' }, s.message) : null))) : null,
        (a.warnings || []).length ? h('ul', { class: 'warnings small' }, a.warnings.map((w) => h('li', null, w.message))) : null,
        lines.length ? h('details', { testid: 'history-draft' }, h('summary', null, `What was sent (${lines.length} fields)`),
          h('dl', { class: 'dl dl-compact' }, lines.map(([label, value]) => [h('dt', null, label), h('dd', null, value)]))) : null));
  }

  function updateRow(u) {
    return h('tr', { testid: 'update-history-row', dataset: { updateId: String(u.id), state: u.state } },
      h('td', { 'data-label': 'Started', class: 'col-main' }, fmtDate(u.startedAt), u.finishedAt ? h('div', { class: 'muted small' }, 'Finished ', fmtDate(u.finishedAt)) : null),
      h('td', { 'data-label': 'Candidate' }, h('a', { href: `#/candidates/${enc(u.candidateId)}` }, u.candidateName || `Candidate ${u.candidateId}`)),
      h('td', { 'data-label': 'HR system' }, dash(u.connectorName || u.connectorId)),
      h('td', { 'data-label': 'By' }, dash(u.user), u.automatic ? h('div', { class: 'muted small', testid: 'update-automatic' }, 'Sent automatically after their edit') : null),
      h('td', { 'data-label': 'Outcome' }, badge(u.state, UPDATE_LABEL[u.state]),
        u.contractChange ? h('div', { class: 'muted small' }, u.contractChange === 'NEW_VERSION'
          ? `New contract version from ${fmtDate(u.effectiveOn)}` : 'Current contract version corrected') : null),
      h('td', { 'data-label': 'Employee' }, dash(u.employeeId)),
      h('td', { class: 'col-details', 'data-label': 'Fields' },
        u.error ? h('div', { class: 'error-text small', testid: 'update-error' }, u.error) : null,
        h('ul', { class: 'step-list update-fields', testid: 'update-fields' }, (u.fields || []).map((f) =>
          h('li', { testid: 'update-field', dataset: { key: f.key } },
            f.status ? badge(f.status, UPDATE_LABEL[f.status] || f.status) : null, ' ', h('strong', null, f.label || f.key), ': ',
            h('span', { class: 'muted' }, f.before === null || f.before === undefined || f.before === '' ? '(empty)' : fieldValue(f.before)), ' → ', fieldValue(f.value),
            f.message ? h('div', { class: f.status === 'FAILED' ? 'error-text small' : 'muted small' }, f.message) : null)))));
  }

  /** A day (YYYY-MM-DD) as the rest of the page shows days; any other value as sent. */
  function fieldValue(v) {
    return /^\d{4}-\d{2}-\d{2}$/.test(String(v)) ? fmtDate(v) : String(v);
  }

  /** The values sent with their labels and meanings then; attempts from before the host kept labels show keys. */
  function draftLines(a) {
    if ((a.draftLines || []).length) {
      return a.draftLines.map((l) => [l.label || l.key, shownValue(l)]);
    }
    return Object.entries(a.draft || {}).sort(([x], [y]) => x.localeCompare(y)) // stored as an unordered map
      .map(([k, v]) => [k, v === null || v === undefined ? '—' : (typeof v === 'object' ? JSON.stringify(v) : String(v))]);
  }

  function shownValue(l) {
    if (l.type === 'COUNTRY') return fmtCountry(l.value);
    if (l.type === 'DATE') return fmtDate(l.value);
    if (l.type === 'BOOLEAN') return l.value === 'true' ? 'Yes' : 'No';
    return dash(l.shown || l.value);
  }
  await load();
}
