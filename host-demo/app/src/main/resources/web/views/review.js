// The review list (issue 16): hired candidates that an integration set to "queue for review" holds for a person.
// Each one opens the export dialog with everything prefilled; several are sent at once with a bulk export. An item
// leaves the list once the candidate has been exported, by whichever path, or when a person dismisses it with a
// reason; "Show dismissed" lists those, each with who dismissed it, when and why, and a Restore button.
import { api, enc } from '../api.js';
import { h, mount, clear, fmtDate, errorBox, restoreFocus, openModal, nextId, toast } from '../dom.js';
import { errorMessage } from './form.js';
import { openExportDialog } from './exportDialog.js';
import { runBulkExport } from './bulk.js';
import { upcomingSection } from './schedule.js';

function missingText(item) {
  if (item.checkProblem) return h('span', { class: 'error-text' }, `Could not check the draft: ${item.checkProblem}`);
  if (item.missingFields === null || item.missingFields === undefined) return h('span', { class: 'muted' }, 'Checking the draft…');
  if (item.missingFields.length === 0) return h('span', null, 'None: ready to send');
  return h('span', { class: 'warning-text' }, `To fill: ${item.missingFields.join(', ')}`);
}

export async function renderReview(ctx) {
  const { el } = ctx;
  const selected = new Set(); // "candidateId/connectorId"
  let items = [];
  const bulkBar = h('div', { class: 'bulk-bar', hidden: true });
  const bulkArea = h('div', { class: 'bulk-area' });
  const listArea = h('div', { class: 'list-area' }, h('p', { class: 'muted' }, 'Loading the review list…'));
  let showDismissed = false;
  const toggle = h('input', { type: 'checkbox', id: 'review-show-dismissed', testid: 'review-show-dismissed' });
  toggle.addEventListener('change', () => { showDismissed = toggle.checked; selected.clear(); load(); });
  mount(el,
    h('div', { class: 'page-header' }, h('h1', { testid: 'page-title' }, 'Review and upcoming exports')),
    h('p', { class: 'muted' }, 'Hired candidates waiting for a person to check them before they are exported. Open one to see its draft with everything prefilled, or select several and send them together. A dismissed candidate is not exported automatically until restored.'),
    h('p', { class: 'checkbox-line' }, toggle, ' ', h('label', { for: 'review-show-dismissed' }, 'Show dismissed')),
    bulkBar, bulkArea, listArea);
  const upcoming = h('div');
  el.appendChild(upcoming);

  const key = (item) => `${item.candidateId}/${item.connectorId}`;

  async function load() {
    let data;
    try {
      data = await api('GET', showDismissed ? '/review?dismissed=true' : '/review');
    } catch (err) {
      if (err.status === 401 || !ctx.isCurrent()) return;
      mount(listArea, errorBox(err));
      return;
    }
    if (!ctx.isCurrent()) return;
    items = data.items || [];
    for (const k of [...selected]) if (!items.some((i) => key(i) === k)) selected.delete(k);
    render();
    restoreFocus();
  }

  function render() {
    if (showDismissed) { renderDismissed(); return; }
    if (items.length === 0) {
      mount(listArea, h('div', { class: 'empty', testid: 'review-empty' }, 'No hired candidates are waiting for review.'));
      updateBulkBar();
      return;
    }
    const checkboxes = [];
    const selectAll = h('input', { type: 'checkbox', id: 'review-select-all', testid: 'review-select-all', 'aria-label': 'Select every candidate on the list' });
    const body = h('tbody', null, items.map((item) => {
      const name = item.candidateName || `Candidate ${item.candidateId}`;
      const cb = h('input', { type: 'checkbox', testid: 'review-select', dataset: { candidateId: String(item.candidateId) },
        checked: selected.has(key(item)), 'aria-label': `Select ${name} for ${item.connectorName}` });
      cb.addEventListener('change', () => {
        if (cb.checked) selected.add(key(item)); else selected.delete(key(item));
        selectAll.checked = checkboxes.every((x) => x.checked);
        updateBulkBar();
      });
      checkboxes.push(cb);
      const open = h('button', { type: 'button', class: 'btn btn-small', testid: 'review-open', 'aria-label': `Review and export ${name} to ${item.connectorName}` }, 'Review and export');
      open.addEventListener('click', () => openExportDialog({
        candidateId: item.candidateId, connectorId: item.connectorId, label: `Export to ${item.connectorName}`,
        candidateName: name, onExported: () => load().catch(() => {}),
      }));
      const dismiss = h('button', { type: 'button', class: 'btn btn-small btn-danger-ghost', testid: 'review-dismiss',
        id: `review-dismiss-${item.candidateId}-${item.connectorId}`, 'aria-label': `Dismiss ${name} from the review list` }, 'Dismiss');
      dismiss.addEventListener('click', () => askDismissal(item, name));
      return h('tr', { testid: 'review-row', dataset: { candidateId: String(item.candidateId), connectorId: item.connectorId } },
        h('td', { class: 'col-check' }, cb),
        h('td', { class: 'col-main' }, h('a', { href: `#/candidates/${enc(item.candidateId)}`, class: 'strong' }, name)),
        h('td', { 'data-label': 'Job' }, item.jobName || '—'),
        h('td', { 'data-label': 'HR system' }, item.connectorName),
        h('td', { 'data-label': 'Fields to fill', testid: 'review-missing' }, missingText(item)),
        h('td', { 'data-label': 'Hired' }, `${fmtDate(item.queuedAt)}${item.queuedBy ? ` by ${item.queuedBy}` : ''}`),
        h('td', null, open, ' ', dismiss));
    }));
    selectAll.checked = checkboxes.length > 0 && checkboxes.every((x) => x.checked);
    selectAll.addEventListener('change', () => {
      checkboxes.forEach((x) => { x.checked = selectAll.checked; x.dispatchEvent(new Event('change')); });
    });
    mount(listArea, h('div', { class: 'table-wrap' }, h('table', { class: 'table table-cards', testid: 'review-table' },
      h('thead', null, h('tr', null, h('th', { class: 'col-check' }, selectAll),
        ['Candidate', 'Job', 'HR system', 'Fields to fill', 'Hired'].map((t) => h('th', { scope: 'col' }, t)),
        h('th', null, h('span', { class: 'sr-only' }, 'Actions')))),
      body)));
    updateBulkBar();
  }

  function renderDismissed() {
    updateBulkBar();
    if (items.length === 0) {
      mount(listArea, h('div', { class: 'empty', testid: 'review-empty' }, 'No dismissed candidates.'));
      return;
    }
    mount(listArea, h('div', { class: 'table-wrap' }, h('table', { class: 'table table-cards', testid: 'review-dismissed-table' },
      h('thead', null, h('tr', null, ['Candidate', 'Job', 'HR system', 'Dismissed', 'Reason'].map((t) => h('th', { scope: 'col' }, t)),
        h('th', null, h('span', { class: 'sr-only' }, 'Actions')))),
      h('tbody', null, items.map((item) => {
        const name = item.candidateName || `Candidate ${item.candidateId}`;
        const restore = h('button', { type: 'button', class: 'btn btn-small', testid: 'review-restore', 'aria-label': `Restore ${name} to the review list` }, 'Restore');
        restore.addEventListener('click', async () => {
          restore.disabled = true;
          try {
            await api('DELETE', `/review/${enc(item.candidateId)}/${enc(item.connectorId)}/dismissal`);
            toast(`${name} is back on the review list`, 'success');
          } catch (err) {
            if (err.status === 401) return;
            toast(errorMessage(err), 'error', 8000);
          }
          await load();
        });
        return h('tr', { testid: 'review-dismissed-row', dataset: { candidateId: String(item.candidateId), connectorId: item.connectorId } },
          h('td', { class: 'col-main' }, h('a', { href: `#/candidates/${enc(item.candidateId)}`, class: 'strong' }, name)),
          h('td', { 'data-label': 'Job' }, item.jobName || '—'),
          h('td', { 'data-label': 'HR system' }, item.connectorName),
          h('td', { 'data-label': 'Dismissed' }, `${fmtDate(item.dismissedAt)}${item.dismissedBy ? ` by ${item.dismissedBy}` : ''}`),
          h('td', { 'data-label': 'Reason', testid: 'review-dismiss-reason' }, item.dismissReason),
          h('td', null, restore));
      })))));
  }

  /** Asks for the reason in a dialog, then dismisses; a refusal is shown in the dialog and nothing changes. */
  function askDismissal(item, name) {
    const m = openModal({ title: `Dismiss ${name}?`, testid: 'dismiss-dialog' });
    const reasonId = nextId('dismiss-reason');
    const reason = h('textarea', { id: reasonId, rows: 3, maxlength: 500, required: true, testid: 'dismiss-reason',
      'aria-describedby': `${reasonId}-help ${reasonId}-error` });
    const problem = h('div', { class: 'field-error', id: `${reasonId}-error`, role: 'alert', hidden: true, testid: 'dismiss-error' });
    const confirm = h('button', { type: 'submit', class: 'btn btn-danger', testid: 'dismiss-confirm' }, 'Dismiss');
    const form = h('form', { novalidate: true },
      h('div', { class: 'field' }, h('label', { for: reasonId }, 'Reason', h('span', { class: 'required', 'aria-hidden': 'true' }, ' *')), reason,
        h('div', { class: 'help', id: `${reasonId}-help` }, `Kept with the dismissal. ${name} leaves the review list and is not exported to ${item.connectorName} automatically until restored.`),
        problem),
      h('div', { class: 'form-actions' }, h('button', { type: 'button', class: 'btn', testid: 'dismiss-cancel', onclick: () => m.close() }, 'Cancel'), confirm));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      confirm.disabled = true;
      try {
        await api('POST', `/review/${enc(item.candidateId)}/${enc(item.connectorId)}/dismissal`, { body: { reason: reason.value } });
        m.close();
        toast(`${name} dismissed from the review list`, 'success');
        await load();
      } catch (err) {
        confirm.disabled = false;
        if (err.status === 401) return;
        const fe = (err.fieldErrors || []).find((f) => f.field === 'reason');
        mount(problem, fe ? fe.message : errorMessage(err));
        problem.hidden = false;
        reason.focus();
      }
    });
    mount(m.body, form);
  }

  function updateBulkBar() {
    const chosen = items.filter((i) => selected.has(key(i)));
    if (chosen.length === 0) { bulkBar.hidden = true; clear(bulkBar); return; }
    const byConnector = new Map();
    for (const i of chosen) {
      if (!byConnector.has(i.connectorId)) byConnector.set(i.connectorId, { name: i.connectorName, ids: [] });
      byConnector.get(i.connectorId).ids.push(i.candidateId);
    }
    mount(bulkBar,
      h('span', { class: 'bulk-count' }, `${chosen.length} selected`),
      [...byConnector].map(([connectorId, { name, ids }]) => h('button', {
        type: 'button', class: 'btn btn-primary btn-small', testid: 'review-send', dataset: { connectorId },
        onclick: (e) => runBulkExport({ connectorId, name, candidateIds: ids, button: e.currentTarget, area: bulkArea,
          isCurrent: ctx.isCurrent, onStarted: () => ids.forEach((id) => selected.delete(`${id}/${connectorId}`)), onFinished: load }),
      }, `Export ${ids.length} to ${name}`)));
    bulkBar.hidden = false;
  }

  await load();
  const section = await upcomingSection(ctx);
  if (ctx.isCurrent()) upcoming.replaceWith(section);
}
