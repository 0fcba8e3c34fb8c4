// A bulk export's progress box, shared by the candidate list and the review list: starts the export, shows each
// candidate's result as it comes, and calls back when it has finished. Also the bulk update of "Changed since
// export" candidates, confirmed first, with each candidate's outcome listed.
import { api, enc } from '../api.js';
import { h, mount, toast, badge, confirmDialog } from '../dom.js';
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

/**
 * Asks, then sends the "Changed since export" updates of the candidates with the connector and lists each one's
 * outcome in a box prepended to `area` (the host answers when all are done). onFinished runs after a sent update.
 */
export async function runBulkUpdate({ connectorId, name, candidateIds, button, area, isCurrent, onFinished }) {
  const n = candidateIds.length;
  const ok = await confirmDialog({
    title: `Send updates to ${name}?`,
    message: `${n} candidate${n === 1 ? '' : 's'} changed since the export. For each, exactly the fields changed in the ATS `
      + `are sent to ${name} (contract fields correct the current contract version); a field also changed in ${name} `
      + 'is left for you to choose in its update dialog.',
    confirmLabel: `Send updates for ${n} candidate${n === 1 ? '' : 's'}`,
    testid: 'bulk-update-dialog', confirmTestid: 'bulk-update-confirm',
  });
  if (!ok) return;
  button.disabled = true;
  const summary = h('div', { class: 'bulk-summary' }, `Sending updates for ${n} candidate${n === 1 ? '' : 's'}…`);
  const list = h('ul', { class: 'bulk-results' });
  const box = h('section', { class: 'card bulk-progress', testid: 'bulk-update-progress', 'aria-live': 'polite', 'aria-busy': 'true' },
    h('div', { class: 'bulk-head' }, h('h2', null, `Updates to ${name}`),
      h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Dismiss', onclick: () => box.remove() }, '×')),
    summary, list);
  area.prepend(box);
  let bulk;
  try {
    bulk = await api('POST', '/exports/bulk-update', { body: { connectorId, candidateIds } });
  } catch (err) {
    button.disabled = false;
    box.setAttribute('aria-busy', 'false');
    if (err.status === 401) { box.remove(); return; }
    // A refusal (4xx, or 503 busy) comes before anything is sent; a lost answer may come after some updates went.
    summary.textContent = err.status && (err.status < 500 || err.status === 503)
      ? `Nothing was sent: ${errorMessage(err)}`
      : `No answer from the host (${errorMessage(err)}); some updates may have gone. Each candidate's page shows its updates.`;
    summary.classList.add('error-text');
    return;
  }
  box.setAttribute('aria-busy', 'false');
  if (!isCurrent()) return;
  summary.textContent = `${bulk.total} candidate${bulk.total === 1 ? '' : 's'} · ${bulk.updated} updated`
    + `${bulk.partial ? ` · ${bulk.partial} partly` : ''} · ${bulk.failed} failed · ${bulk.skipped} skipped`
    + (bulk.notSent ? ` · ${bulk.notSent} not sent: time ran out before them; they are still "Changed since export", send them again` : '');
  mount(list, (bulk.results || []).map((r) => h('li', { testid: 'bulk-update-result', dataset: { candidateId: String(r.candidateId), state: r.state } },
    badge(r.state, r.state === 'NOT_SENT' ? 'Not sent' : undefined), ' ', h('a', { href: `#/candidates/${enc(String(r.candidateId))}`, class: 'strong' }, r.candidateName || r.candidateId),
    (r.fields || []).length ? ` — ${r.fields.map((f) => `${f.label}${f.status === 'UPDATED' ? '' : ' (failed)'}`).join(', ')}` : '',
    r.message ? h('span', { class: r.state === 'FAILED' ? 'error-text' : 'muted' }, ` — ${r.message}`) : null)));
  toast(`Updates to ${name}: ${bulk.updated} updated, ${bulk.failed} failed, ${bulk.skipped} skipped`
    + (bulk.notSent ? `, ${bulk.notSent} not sent` : ''), bulk.failed || bulk.partial || bulk.notSent ? 'error' : 'success');
  if (onFinished) onFinished();
}
