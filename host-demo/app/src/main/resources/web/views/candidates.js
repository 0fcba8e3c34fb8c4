// Candidates list: filters, pagination, ellipsis export menu, bulk export, bulk update of changed candidates.
import { api, qs, enc } from '../api.js';
import { h, mount, clear, emailText, badge, fullName, ellipsisMenu, pager, toast, errorBox, fmtDate, humanize, restoreFocus } from '../dom.js';
import { openExportDialog } from './exportDialog.js';
import { runBulkExport, runBulkUpdate } from './bulk.js';

export const STATUSES = ['ACTIVE', 'HIRED', 'REJECTED', 'WITHDRAWN'];
const PAGE_SIZE = 25;
const SEARCH_DELAY_MS = 350;

export function exportBadges(exports) {
  return (exports || []).map((x) => {
    const title = `Exported to ${x.connectorName || x.connectorId}${x.employeeId ? ' as employee ' + x.employeeId : ''}${x.exportedAt ? ' on ' + fmtDate(x.exportedAt) : ''}`;
    const label = `${x.connectorName || x.connectorId}${x.employeeId ? ' #' + x.employeeId : ''}`;
    return x.link
      ? h('a', { class: 'badge badge-export', href: x.link, target: '_blank', rel: 'noopener noreferrer', title, testid: 'export-badge', dataset: { connectorId: x.connectorId } }, '✓ ', label)
      : h('span', { class: 'badge badge-export', title, testid: 'export-badge', dataset: { connectorId: x.connectorId } }, '✓ ', label);
  });
}

/** "Changed since export" per HR system the candidate was sent to, with the facts that changed since (issue 15). */
export function changedBadges(c) {
  return (c.changedSinceExport || []).map((x) => h('span', {
    class: 'badge badge-changed', testid: 'changed-since-export', dataset: { connectorId: x.connectorId },
  }, `Changed since export to ${x.connectorName || x.connectorId}: ${x.fields.join(', ')}`));
}

/** Menu items for a candidate: its server-computed export items, plus "Open candidate" when asked. */
export function candidateMenu(c, { openCandidate, navigate, onExported, where = 'list' }) {
  const menu = c.menu || [];
  if (menu.length === 0) return null;
  const items = menu.map((m) => ({
    id: m.id, label: m.label,
    onSelect: () => openExportDialog({ candidateId: c.id, connectorId: m.connectorId, label: m.label, candidateName: fullName(c), onExported }),
  }));
  if (openCandidate) items.push({ id: 'open-candidate', label: 'Open candidate', onSelect: () => navigate(`/candidates/${enc(c.id)}`) });
  return ellipsisMenu(items, { label: `Actions for ${fullName(c)}`, key: `${where}-${c.id}` });
}

function connectorNameFrom(rows, connectorId, menuLabel) {
  for (const r of rows) for (const x of r.exports || []) if (x.connectorId === connectorId && x.connectorName) return x.connectorName;
  const m = /^(?:export|send)\s+(?:to|in)\s+(.+)$/i.exec(menuLabel || '');
  return m ? m[1] : connectorId;
}

export async function renderCandidates(ctx) {
  const { el, query } = ctx;
  const filters = {
    status: query.get('status') || '',
    jobId: query.get('jobId') || '',
    stageId: query.get('stageId') || '',
    q: query.get('q') || '',
  };
  let page = Math.max(1, parseInt(query.get('page') || '1', 10) || 1);
  const selected = new Set();

  const title = h('h1', { testid: 'page-title' }, 'Candidates');
  const openFilters = h('button', { type: 'button', class: 'btn', testid: 'open-filters', 'aria-expanded': 'false', 'aria-controls': 'filter-panel' }, 'Open Filters');
  const bulkBar = h('div', { class: 'bulk-bar', hidden: true });
  const bulkArea = h('div', { class: 'bulk-area' });
  const listArea = h('div', { class: 'list-area' }, h('p', { class: 'muted' }, 'Loading candidates…'));

  // ---- filter panel: the selects apply on change, the search box after a pause in typing (or Enter) ----
  const statusSel = h('select', { id: 'filter-status', testid: 'filter-status' },
    h('option', { value: '' }, 'Any status'),
    STATUSES.map((s) => h('option', { value: s }, humanize(s))));
  statusSel.value = filters.status;
  const jobSel = h('select', { id: 'filter-job', testid: 'filter-job' }, h('option', { value: '' }, 'Any job'));
  const stageSel = h('select', { id: 'filter-stage', testid: 'filter-stage', disabled: true, 'aria-describedby': 'filter-stage-help' },
    h('option', { value: '' }, 'Any stage'));
  const qInput = h('input', { id: 'filter-q', type: 'search', testid: 'filter-q', placeholder: 'Name or email', value: filters.q,
    'aria-describedby': 'filter-q-help' });
  const clearBtn = h('button', { type: 'button', class: 'btn btn-ghost', testid: 'clear-filters' }, 'Clear filters');
  const panel = h('form', { class: 'filter-panel', id: 'filter-panel', testid: 'filter-panel', hidden: true, role: 'search', 'aria-label': 'Filter candidates' },
    h('div', { class: 'field' }, h('label', { for: 'filter-status' }, 'Status'), statusSel),
    h('div', { class: 'field' }, h('label', { for: 'filter-job' }, 'Job'), jobSel),
    h('div', { class: 'field' }, h('label', { for: 'filter-stage' }, 'Stage'), stageSel,
      h('span', { class: 'sr-only', id: 'filter-stage-help' }, 'Choose a job first to filter by its stages.')),
    h('div', { class: 'field field-grow' }, h('label', { for: 'filter-q' }, 'Search'), qInput,
      h('span', { class: 'sr-only', id: 'filter-q-help' }, 'The list updates as you type.')),
    h('div', { class: 'filter-actions' }, clearBtn));
  const resultCount = h('p', { class: 'sr-only', role: 'status', testid: 'result-count' });

  const setPanel = (open) => {
    panel.hidden = !open;
    openFilters.setAttribute('aria-expanded', String(open));
    openFilters.textContent = open ? 'Hide Filters' : 'Open Filters';
  };
  openFilters.addEventListener('click', () => { setPanel(panel.hidden); if (!panel.hidden) statusSel.focus(); });
  if (filters.status || filters.jobId || filters.stageId || filters.q) setPanel(true);

  async function loadStages(jobId, keep) {
    mount(stageSel, h('option', { value: '' }, 'Any stage'));
    stageSel.disabled = true;
    if (!jobId) return;
    try {
      const job = await api('GET', `/jobs/${enc(jobId)}`);
      if (jobSel.value !== jobId) return; // another job was chosen meanwhile
      (job.stages || []).slice().sort((a, b) => (a.position || 0) - (b.position || 0))
        .forEach((s) => stageSel.appendChild(h('option', { value: String(s.id) }, s.name)));
      stageSel.disabled = false;
      if (keep) stageSel.value = keep;
    } catch (err) {
      if (err.status !== 401) toast(`Could not load the job's stages: ${err.message}`, 'error');
    }
  }

  /** Reads the panel into the filters and reloads the list; the address follows, so the list can be bookmarked. */
  function applyFilters() {
    const next = { status: statusSel.value, jobId: jobSel.value, stageId: stageSel.disabled ? '' : stageSel.value, q: qInput.value.trim() };
    if (Object.keys(next).every((k) => next[k] === filters[k])) return;
    Object.assign(filters, next);
    page = 1; selected.clear();
    load({ push: true });
  }
  statusSel.addEventListener('change', applyFilters);
  stageSel.addEventListener('change', applyFilters);
  jobSel.addEventListener('change', () => { loadStages(jobSel.value, ''); applyFilters(); });
  let typing = null;
  qInput.addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(applyFilters, SEARCH_DELAY_MS); });
  panel.addEventListener('submit', (e) => { e.preventDefault(); clearTimeout(typing); applyFilters(); });
  clearBtn.addEventListener('click', () => {
    clearTimeout(typing);
    statusSel.value = ''; jobSel.value = ''; qInput.value = '';
    loadStages('', '');
    applyFilters();
    statusSel.focus();
  });

  mount(el,
    h('div', { class: 'page-header' }, title, h('div', { class: 'page-actions' }, openFilters)),
    panel, resultCount, bulkBar, bulkArea, listArea);

  api('GET', '/jobs').then((jobs) => {
    (jobs || []).forEach((j) => jobSel.appendChild(h('option', { value: String(j.id) }, j.name)));
    jobSel.value = filters.jobId;
    if (filters.jobId) loadStages(filters.jobId, filters.stageId);
  }).catch((err) => { if (err.status !== 401) toast(`Could not load jobs: ${err.message}`, 'error'); });

  let rows = [];
  let loadSeq = 0;

  async function load({ push = false } = {}) {
    const mine = ++loadSeq;
    ctx.setQuery(Object.assign({}, filters, { page: page > 1 ? page : '' }), { push });
    let data;
    try {
      data = await api('GET', '/candidates' + qs(Object.assign({}, filters, { page, pageSize: PAGE_SIZE })));
    } catch (err) {
      if (err.status === 401 || !ctx.isCurrent() || mine !== loadSeq) return;
      mount(listArea, errorBox(err));
      return;
    }
    if (!ctx.isCurrent() || mine !== loadSeq) return;
    rows = data.items || [];
    const total = data.total || 0;
    const pages = Math.max(1, Math.ceil(total / (data.pageSize || PAGE_SIZE)));
    if (page > pages && total > 0) { page = pages; load(); return; }
    renderTable(data);
    restoreFocus();
    resultCount.textContent = `${total} candidate${total === 1 ? '' : 's'} found`;
  }

  function renderTable(data) {
    const bulkPossible = rows.some((r) => (r.menu || []).length > 0);
    const selectAll = bulkPossible ? h('input', { type: 'checkbox', id: 'bulk-select-all', testid: 'bulk-select-all', 'aria-label': 'Select all exportable candidates on this page' }) : null;
    const checkboxes = [];
    const body = h('tbody', null, rows.map((c) => {
      const name = fullName(c);
      let cb = null;
      if (bulkPossible) {
        const exportable = (c.menu || []).length > 0;
        cb = h('input', { type: 'checkbox', testid: 'bulk-select', dataset: { candidateId: String(c.id) },
          disabled: !exportable, checked: selected.has(String(c.id)),
          'aria-label': exportable ? `Select ${name}` : `${name} cannot be exported` });
        cb.addEventListener('change', () => {
          if (cb.checked) selected.add(String(c.id)); else selected.delete(String(c.id));
          updateBulkBar();
        });
        if (exportable) checkboxes.push(cb);
      }
      const menuBtn = candidateMenu(c, { openCandidate: true, navigate: ctx.navigate, onExported: load });
      return h('tr', { testid: 'candidate-row', dataset: { candidateId: String(c.id) } },
        bulkPossible ? h('td', { class: 'col-check' }, cb) : null,
        h('td', { class: 'col-main' }, h('a', { href: `#/candidates/${enc(c.id)}`, testid: 'candidate-link', class: 'strong' }, name)),
        h('td', { 'data-label': 'Email' }, emailText(c.email)),
        h('td', { 'data-label': 'Job' }, c.job ? c.job.name : '—'),
        h('td', { 'data-label': 'Stage' }, c.stage ? c.stage.name : '—'),
        h('td', { 'data-label': 'Status' }, badge(c.status)),
        h('td', { 'data-label': 'Exported to' }, (c.exports || []).length ? h('div', { class: 'badge-list' }, exportBadges(c.exports), changedBadges(c)) : h('span', { class: 'muted' }, '—')),
        h('td', { class: 'col-menu' }, menuBtn));
    }));
    if (selectAll) {
      selectAll.checked = checkboxes.length > 0 && checkboxes.every((x) => x.checked);
      selectAll.addEventListener('change', () => {
        checkboxes.forEach((x) => { x.checked = selectAll.checked; x.dispatchEvent(new Event('change')); });
      });
    }
    const table = rows.length === 0
      ? h('div', { class: 'empty' }, 'No candidates match these filters.')
      : h('div', { class: 'table-wrap' }, h('table', { class: 'table table-cards', testid: 'candidate-table' },
        h('thead', null, h('tr', null,
          bulkPossible ? h('th', { class: 'col-check' }, selectAll) : null,
          h('th', null, 'Name'), h('th', null, 'Email'), h('th', null, 'Job'), h('th', null, 'Stage'),
          h('th', null, 'Status'), h('th', null, 'Exported to'), h('th', { class: 'col-menu' }, h('span', { class: 'sr-only' }, 'Actions')))),
        body));
    mount(listArea, table, pager({ page: data.page || page, pageSize: data.pageSize || PAGE_SIZE, total: data.total || 0,
      onPage: (p) => { page = p; load({ push: true }); } }));
    updateBulkBar();
  }

  function updateBulkBar() {
    const connectors = new Map();
    for (const r of rows) for (const m of r.menu || []) {
      if (!connectors.has(m.connectorId)) connectors.set(m.connectorId, connectorNameFrom(rows, m.connectorId, m.label));
    }
    const ids = [...selected];
    if (connectors.size === 0 || ids.length === 0) { bulkBar.hidden = true; clear(bulkBar); return; }
    mount(bulkBar,
      h('span', { class: 'bulk-count' }, `${ids.length} selected`),
      [...connectors].map(([connectorId, name]) => {
        const eligible = ids.filter((id) => {
          const r = rows.find((x) => String(x.id) === id);
          return !r || (r.menu || []).some((m) => m.connectorId === connectorId);
        });
        // Only rows of this page are known to have changed; the host skips any other id anyway.
        const changed = ids.filter((id) => {
          const r = rows.find((x) => String(x.id) === id);
          return r && (r.changedSinceExport || []).some((x) => x.connectorId === connectorId);
        });
        return [
          h('button', { type: 'button', class: 'btn btn-primary btn-small', testid: 'bulk-export', dataset: { connectorId },
            disabled: eligible.length === 0, onclick: (e) => startBulk(connectorId, name, eligible, e.currentTarget) },
          `Export selected to ${name}`),
          changed.length === 0 ? null : h('button', { type: 'button', class: 'btn btn-small', testid: 'bulk-update', dataset: { connectorId },
            onclick: (e) => runBulkUpdate({ connectorId, name, candidateIds: changed, button: e.currentTarget, area: bulkArea,
              isCurrent: ctx.isCurrent, onFinished: () => { selected.clear(); load(); } }) },
          `Send updates to ${name} (${changed.length})`),
        ];
      }));
    bulkBar.hidden = false;
  }

  async function startBulk(connectorId, name, candidateIds, button) {
    await runBulkExport({ connectorId, name, candidateIds, button, area: bulkArea, isCurrent: ctx.isCurrent,
      onStarted: () => selected.clear(), onFinished: load });
  }

  await load();
}
