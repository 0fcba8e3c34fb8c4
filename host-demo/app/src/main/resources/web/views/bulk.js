// A bulk export's progress box, shared by the candidate list and the review list: starts the export, shows each
// candidate's result as it comes, and calls back when it has finished.
import { api, enc } from '../api.js';
import { h, mount, toast, badge } from '../dom.js';
import { errorMessage } from './form.js';

/**
 * Starts a bulk export and follows it in a box prepended to `area`.
 * onStarted runs once the host accepted it, onFinished once every candidate has a result.
 */
export async function runBulkExport({ connectorId, name, candidateIds, button, area, isCurrent, onStarted, onFinished }) {
  button.disabled = true;
  let bulk;
  try {
    bulk = await api('POST', '/exports/bulk', { body: { connectorId, candidateIds } });
  } catch (err) {
    button.disabled = false;
    if (err.status !== 401) toast(errorMessage(err), 'error', 8000);
    return;
  }
  if (onStarted) onStarted();
  const progress = h('progress', { max: String(Math.max(1, bulk.total || candidateIds.length)), value: '0' });
  const summary = h('div', { class: 'bulk-summary' });
  const list = h('ul', { class: 'bulk-results' });
  const box = h('section', { class: 'card bulk-progress', testid: 'bulk-progress', 'aria-live': 'polite' },
    h('div', { class: 'bulk-head' }, h('h2', null, `Exporting to ${name}`),
      h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Dismiss', onclick: () => box.remove() }, '×')),
    progress, summary, list);
  area.prepend(box);
  const show = (b) => {
    progress.max = Math.max(1, b.total || 0);
    progress.value = b.done || 0;
    summary.textContent = `${b.done || 0} of ${b.total || 0} done · ${b.succeeded || 0} succeeded · ${b.failed || 0} failed${b.needsReview ? ` · ${b.needsReview} need review` : ''}${b.finished ? ' · finished' : ''}`;
    mount(list, (b.results || []).map((r) => h('li', { testid: 'bulk-result', dataset: { candidateId: String(r.candidateId), state: r.state } },
      badge(r.state), ' ', h('span', { class: 'strong' }, r.candidateName || r.candidateId),
      r.employeeId ? ` — employee ${r.employeeId}` : '',
      r.link ? [' ', h('a', { href: r.link, target: '_blank', rel: 'noopener noreferrer' }, 'open')] : null,
      r.message ? h('span', { class: r.state === 'FAILED' ? 'error-text' : 'muted' }, ` — ${r.message}`) : null,
      r.state === 'NEEDS_REVIEW' ? [' ', h('a', { href: `#/candidates/${enc(String(r.candidateId))}`, testid: 'bulk-review-link' }, 'Review and export')] : null)));
  };
  show(bulk);
  while (!bulk.finished) {
    await new Promise((r) => setTimeout(r, 500));
    if (!isCurrent() || !document.contains(box)) return;
    try {
      bulk = await api('GET', `/exports/bulk/${enc(bulk.id)}`);
    } catch (err) {
      if (err.status === 401) return;
      summary.textContent = `Lost track of the bulk export: ${err.message}`;
      return;
    }
    show(bulk);
  }
  toast(`Bulk export to ${name} finished: ${bulk.succeeded || 0} succeeded, ${bulk.failed || 0} failed`, bulk.failed ? 'error' : 'success');
  if (onFinished) onFinished();
}
