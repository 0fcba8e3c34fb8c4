// Export history (admins): every export attempt with outcome filter and pagination.
import { api, qs, enc } from '../api.js';
import { h, mount, badge, fmtDate, dash, pager, errorBox } from '../dom.js';

const STATES = ['IN_PROGRESS', 'CREATED', 'ALREADY_EXISTS', 'FAILED', 'UNFINISHED'];
const PAGE_SIZE = 25;

export async function renderExportHistory(ctx) {
  const { el, query } = ctx;
  const filters = {
    outcome: query.get('outcome') || '',
    candidateId: query.get('candidateId') || '',
    connectorId: query.get('connectorId') || '',
  };
  let page = Math.max(1, parseInt(query.get('page') || '1', 10) || 1);
  const outcomeSel = h('select', { id: 'history-outcome', testid: 'history-filter-outcome' },
    h('option', { value: '' }, 'Any outcome'),
    STATES.map((s) => h('option', { value: s }, s.charAt(0) + s.slice(1).toLowerCase().replace(/_/g, ' '))));
  outcomeSel.value = filters.outcome;
  outcomeSel.addEventListener('change', () => { filters.outcome = outcomeSel.value; page = 1; load(); });
  const area = h('div', null, h('p', { class: 'muted' }, 'Loading export history…'));
  const scoped = filters.candidateId || filters.connectorId
    ? h('p', { class: 'small' }, `Showing ${[filters.candidateId && 'candidate ' + filters.candidateId, filters.connectorId && 'connector ' + filters.connectorId].filter(Boolean).join(', ')}. `,
      h('a', { href: '#/exports' }, 'Show all'))
    : null;
  mount(el,
    h('div', { class: 'page-header' }, h('div', null, h('h1', { testid: 'page-title' }, 'Export history'),
      h('p', { class: 'subtitle' }, 'Every attempt to send a hired candidate to an HR system.'))),
    h('div', { class: 'toolbar' }, h('div', { class: 'field field-inline' }, h('label', { for: 'history-outcome' }, 'Outcome'), outcomeSel)),
    scoped, area);

  let seq = 0;
  async function load() {
    const mine = ++seq;
    ctx.setQuery(Object.assign({}, filters, { page: page > 1 ? page : '' }));
    let data;
    try {
      data = await api('GET', '/exports' + qs(Object.assign({}, filters, { page, pageSize: PAGE_SIZE })));
    } catch (err) {
      if (err.status === 401 || mine !== seq || !ctx.isCurrent()) return;
      mount(area, errorBox(err));
      return;
    }
    if (mine !== seq || !ctx.isCurrent()) return;
    const items = data.items || [];
    mount(area,
      items.length === 0 ? h('div', { class: 'empty' }, 'No export attempts match.') :
        h('div', { class: 'table-wrap' }, h('table', { class: 'table', testid: 'history-table' },
          h('thead', null, h('tr', null, h('th', null, 'Started'), h('th', null, 'Candidate'), h('th', null, 'HR system'),
            h('th', null, 'By'), h('th', null, 'State'), h('th', null, 'Employee'), h('th', null, 'Details'))),
          h('tbody', null, items.map(row)))),
      pager({ page: data.page || page, pageSize: data.pageSize || PAGE_SIZE, total: data.total || 0, onPage: (p) => { page = p; load(); } }));
  }

  function row(a) {
    const draft = Object.entries(a.draft || {}).sort(([x], [y]) => x.localeCompare(y)); // stored as an unordered map
    return h('tr', { testid: 'history-row', class: a.state === 'UNFINISHED' ? 'row-warning' : '', dataset: { attemptId: String(a.id), state: a.state } },
      h('td', null, fmtDate(a.startedAt), a.finishedAt ? h('div', { class: 'muted small' }, 'finished ', fmtDate(a.finishedAt)) : null),
      h('td', null, h('a', { href: `#/candidates/${enc(a.candidateId)}` }, a.candidateName || a.candidateId)),
      h('td', null, dash(a.connectorName || a.connectorId)),
      h('td', null, dash(a.user)),
      h('td', null, badge(a.state),
        a.state === 'UNFINISHED' ? h('div', { class: 'small warning-text' }, 'The host stopped during this export; export again to link or create.') : null),
      h('td', null, a.link ? h('a', { href: a.link, target: '_blank', rel: 'noopener noreferrer' }, dash(a.employeeId)) : dash(a.employeeId)),
      h('td', { class: 'col-details' },
        a.error ? h('div', { class: a.state === 'CREATED' ? 'muted small' : 'error-text small' }, a.error) : null,
        // skipped steps (nothing created, the employee existed) say nothing the state does not
        (a.steps || []).some((s) => s.state !== 'SKIPPED') ? h('ul', { class: 'step-list', testid: 'history-steps' }, a.steps.filter((s) => s.state !== 'SKIPPED').map((s) =>
          h('li', { testid: 'history-step', dataset: { stepId: s.stepId, state: s.state } },
            badge(s.state), ' ', s.label,
            s.message ? h('div', { class: s.state === 'FAILED' ? 'error-text small' : 'muted small' }, s.message) : null))) : null,
        draft.length ? h('details', { testid: 'history-draft' }, h('summary', null, `Draft (${draft.length} fields)`),
          h('dl', { class: 'dl dl-compact' }, draft.map(([k, v]) => [h('dt', null, k), h('dd', null, v === null || v === undefined ? '—' : (typeof v === 'object' ? JSON.stringify(v) : String(v)))]))) : null));
  }
  await load();
}
