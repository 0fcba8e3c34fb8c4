// Candidate documents: the candidate page's Documents card and the export dialog's Documents section.
import { api, enc } from '../api.js';
import { h, mount, fmtDate, dash, humanize } from '../dom.js';
import { errorMessage } from './form.js';

const EDITORS = new Set(['ADMIN', 'HIRING_MANAGER', 'RECRUITER']);
const KINDS = [['CV', 'CV'], ['OFFER_LETTER', 'Offer letter'], ['OTHER', 'Other']];
const ACCEPT = '.pdf,.doc,.docx,.png,.jpg,.jpeg,.gif,.webp';
const MAX_BYTES = 15 * 1024 * 1024;

export function kindLabel(kind) {
  const found = KINDS.find(([k]) => k === kind);
  return found ? found[1] : humanize(kind);
}

export function size(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** The candidate page's Documents card: the list, and the upload form for users who may edit the candidate. */
export function documentsCard(candidateId, user) {
  const list = h('div', { testid: 'documents-list' }, h('p', { class: 'muted' }, 'Loading documents…'));
  const status = h('div', { role: 'status', class: 'small', testid: 'document-upload-status' });
  const card = h('section', { class: 'card', testid: 'candidate-documents' }, h('h2', null, 'Documents'), list);

  async function load() {
    let docs;
    try {
      docs = await api('GET', `/candidates/${enc(candidateId)}/documents`);
    } catch (err) {
      if (err.status === 401) return;
      mount(list, h('div', { class: 'alert alert-error', role: 'alert' }, errorMessage(err)));
      return;
    }
    mount(list, docs.length === 0 ? h('p', { class: 'muted' }, 'No documents yet.')
      : h('div', { class: 'table-wrap' }, h('table', { class: 'table table-cards' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'File'), h('th', { scope: 'col' }, 'Kind'),
          h('th', { scope: 'col' }, 'Size'), h('th', { scope: 'col' }, 'Uploaded by'), h('th', { scope: 'col' }, 'Uploaded'))),
        h('tbody', null, docs.map((d) => h('tr', { testid: 'document-row', dataset: { documentId: d.id } },
          h('td', { class: 'col-main' }, h('a', { href: `/api/candidates/${enc(candidateId)}/documents/${enc(d.id)}/content`, download: d.fileName }, d.fileName)),
          h('td', { 'data-label': 'Kind' }, kindLabel(d.kind)),
          h('td', { 'data-label': 'Size' }, size(d.sizeBytes)),
          h('td', { testid: 'document-uploader', 'data-label': 'Uploaded by' }, dash(d.uploadedBy)),
          h('td', { 'data-label': 'Uploaded' }, fmtDate(d.uploadedAt))))))));
  }

  if (user && EDITORS.has(user.role)) {
    const file = h('input', { type: 'file', id: 'document-file', accept: ACCEPT, testid: 'document-file', required: true });
    const kind = h('select', { id: 'document-kind', testid: 'document-kind' }, KINDS.map(([v, l]) => h('option', { value: v }, l)));
    const button = h('button', { type: 'submit', class: 'btn', testid: 'document-upload' }, 'Upload');
    // Each label wraps with its control, and the file input may shrink: at 360 px the form stays in its card.
    const form = h('form', { class: 'document-upload', testid: 'document-upload-form' },
      h('span', { class: 'document-upload-field' }, h('label', { for: 'document-file' }, 'File'), file),
      h('span', { class: 'document-upload-field' }, h('label', { for: 'document-kind' }, 'Kind'), kind),
      button,
      h('p', { class: 'small muted' }, 'PDF, Word (.doc, .docx) or an image; at most 15 MB.'),
      status);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const chosen = file.files && file.files[0];
      status.className = 'small';
      if (!chosen) { status.textContent = 'Choose a file first.'; return; }
      if (chosen.size > MAX_BYTES) { status.classList.add('text-error'); status.textContent = `${chosen.name} is larger than 15 MB.`; return; }
      button.disabled = true;
      status.textContent = `Uploading ${chosen.name}…`;
      try {
        await api('POST', `/candidates/${enc(candidateId)}/documents?kind=${enc(kind.value)}`, {
          raw: true, body: chosen, headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(chosen.name) },
        });
        status.textContent = `Uploaded ${chosen.name}.`;
        form.reset();
        await load();
      } catch (err) {
        if (err.status === 401) return;
        status.classList.add('text-error');
        status.textContent = errorMessage(err);
      } finally {
        button.disabled = false;
      }
    });
    card.appendChild(form);
  }
  load();
  return card;
}

/**
 * The contents of the export dialog's Documents section (the dialog gives it its heading, labelledById);
 * null when the connector takes no documents.
 */
export function documentsSection(draft, connectorName, labelledById) {
  if (!Array.isArray(draft.documents)) return null;
  const boxes = [];
  const rows = draft.documents.map((d) => {
    const id = `export-document-${d.id}`;
    const box = h('input', { type: 'checkbox', id, testid: 'export-document', dataset: { documentId: d.id, kind: d.kind } });
    box.checked = !!d.preselected;
    box.defaultChecked = !!d.preselected;
    boxes.push(box);
    const standing = d.sent === 'UPLOADED' ? `Already in ${connectorName}`
      : d.sent === 'FAILED' ? `Last upload failed: ${d.sentError || 'unknown reason'}`
        : d.sent === 'PENDING' ? 'Upload in progress' : null;
    return h('li', null, box, ' ', h('label', { for: id }, `${d.fileName} (${kindLabel(d.kind)}, ${size(d.sizeBytes)})`),
      standing ? h('span', { class: 'small muted', testid: 'export-document-standing' }, ` — ${standing}`) : null);
  });
  const el = h('div', { class: 'documents-section', role: 'group', 'aria-labelledby': labelledById, testid: 'export-documents' },
    rows.length ? h('ul', { class: 'plain-list' }, rows) : h('p', { class: 'muted small' }, 'This candidate has no documents.'),
    rows.length ? h('p', { class: 'small muted' }, `Ticked documents go to the employee's file in ${connectorName} after the export, each on its own.`) : null);
  return {
    el,
    selectedIds: () => boxes.filter((b) => b.checked).map((b) => Number(b.dataset.documentId)),
    disable: () => boxes.forEach((b) => { b.disabled = true; }),
    /** Whether the ticks differ from how the dialog opened. */
    changed: () => boxes.some((b) => b.checked !== b.defaultChecked),
  };
}

/** Per-document results after an export, with Retry on the failed ones. */
export function documentResults(outcomes, { candidateId, connectorId }) {
  if (!outcomes || !outcomes.length) return null;
  const label = { UPLOADED: 'Uploaded', ALREADY_THERE: 'Already there', IN_PROGRESS: 'Being sent', FAILED: 'Failed' };
  return h('ul', { class: 'document-results', testid: 'export-document-results' }, outcomes.map((o) => {
    const text = h('span', null, `${o.fileName}: ${label[o.result] || o.result}`, o.result === 'FAILED' ? ` — ${o.message}` : '');
    const li = h('li', { testid: 'export-document-result', dataset: { result: o.result } }, text);
    if (o.result === 'FAILED') {
      const retry = h('button', { type: 'button', class: 'btn btn-small', testid: 'export-document-retry' }, 'Retry');
      retry.addEventListener('click', async () => {
        retry.disabled = true;
        try {
          const sent = await api('POST', `/candidates/${enc(candidateId)}/exports/${enc(connectorId)}/documents`, { body: { documentIds: [Number(o.documentId)] } });
          const again = sent.documents[0];
          li.dataset.result = again.result;
          text.textContent = `${again.fileName}: ${label[again.result] || again.result}${again.result === 'FAILED' ? ' — ' + again.message : ''}`;
          if (again.result !== 'FAILED') retry.remove(); else retry.disabled = false;
        } catch (err) {
          if (err.status === 401) return;
          text.textContent = `${o.fileName}: Failed — ${errorMessage(err)}`;
          retry.disabled = false;
        }
      });
      li.append(' ', retry);
    }
    return li;
  }));
}
