// DOM helpers. Server strings only ever go through textContent / attributes, never innerHTML.

/**
 * h('div', {class:'x', dataset:{testid:'y'}, onclick: fn}, 'text', child, [more])
 * Attributes starting with "on" become event listeners (no inline handlers; CSP-safe).
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'dataset') Object.assign(el.dataset, v);
      else if (k === 'testid') el.setAttribute('data-testid', v);
      else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
      else if (k === 'value') el.value = v;
      else if (k === 'checked') el.checked = !!v;
      else if (k === 'disabled') el.disabled = !!v;
      else if (k === 'selected') el.selected = !!v;
      else if (v === true) el.setAttribute(k, '');
      else el.setAttribute(k, String(v));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

export function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }
export function mount(el, ...children) { clear(el); append(el, children); return el; }

let uid = 0;
export function nextId(prefix) { uid += 1; return `${prefix}-${uid}`; }

// ---- toasts ----
export function toast(message, kind = 'info', ms = 4000) {
  const area = document.getElementById('toasts');
  if (!area) return;
  const t = h('div', { class: `toast toast-${kind}`, testid: 'toast', role: kind === 'error' ? 'alert' : 'status' }, message);
  area.appendChild(t);
  setTimeout(() => t.remove(), ms);
}

// ---- formatting ----
export function fmtDate(s) {
  if (!s) return '—';
  const d = new Date(s);
  if (isNaN(d.getTime())) return String(s);
  if (/^\d{4}-\d{2}-\d{2}$/.test(String(s))) return String(s);
  return d.toLocaleString();
}
export function fullName(c) {
  return [c.firstName, c.lastName].filter(Boolean).join(' ') || c.name || c.email || `#${c.id}`;
}
export function dash(v) { return (v === null || v === undefined || v === '') ? '—' : String(v); }

const BADGE_CLASS = {
  ACTIVE: 'blue', HIRED: 'green', REJECTED: 'red', WITHDRAWN: 'grey',
  CONNECTED: 'green', NOT_CONNECTED: 'grey', NEEDS_RECONNECTION: 'amber', NEEDS_ATTENTION: 'amber',
  CREATED: 'green', ALREADY_EXISTS: 'teal', FAILED: 'red', UNFINISHED: 'amber', IN_PROGRESS: 'blue',
  PENDING: 'grey', RUNNING: 'blue',
  STARTED: 'green', ENABLED: 'green', RESOLVED: 'blue', DISABLED: 'grey', STOPPED: 'grey', FAILED_TO_LOAD: 'red', REJECTED_PLUGIN: 'red',
};
export function humanize(s) {
  if (s === null || s === undefined) return '';
  const t = String(s).replace(/_/g, ' ').toLowerCase();
  return t.charAt(0).toUpperCase() + t.slice(1);
}
export function badge(status, label) {
  const cls = BADGE_CLASS[String(status).toUpperCase()] || 'grey';
  return h('span', { class: `badge badge-${cls}`, dataset: { status: String(status) } }, label || humanize(status));
}

// ---- modal dialogs ----
const openModals = [];
/**
 * Opens a modal; returns {el, body, close, requestClose}. onClose called once when closed (Escape, backdrop,
 * close()). beforeClose, when given, is asked (it may return a promise) before the user closes it with ×,
 * Escape, the backdrop or requestClose(); false keeps it open. close() never asks.
 */
export function openModal({ title, testid, onClose, wide, beforeClose }) {
  const titleId = nextId('dlg-title');
  const body = h('div', { class: 'modal-body' });
  const closeBtn = h('button', { type: 'button', class: 'icon-button modal-close', 'aria-label': 'Close' }, '×');
  const dialog = h('div', { class: 'modal' + (wide ? ' modal-wide' : ''), role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId, testid },
    h('div', { class: 'modal-header' }, h('h2', { id: titleId }, title), closeBtn),
    body);
  const backdrop = h('div', { class: 'modal-backdrop' }, dialog);
  const previousFocus = document.activeElement;
  let closed = false;
  const entry = {
    el: dialog, body,
    close() {
      if (closed) return;
      closed = true;
      backdrop.remove();
      const i = openModals.indexOf(entry);
      if (i >= 0) openModals.splice(i, 1);
      if (previousFocus && previousFocus.focus && document.contains(previousFocus)) previousFocus.focus();
      if (onClose) onClose();
    },
    async requestClose() {
      if (closed) return;
      if (beforeClose && !(await beforeClose())) return;
      entry.close();
    },
  };
  closeBtn.addEventListener('click', () => entry.requestClose());
  backdrop.addEventListener('mousedown', (e) => { if (e.target === backdrop) entry.requestClose(); });
  document.body.appendChild(backdrop);
  openModals.push(entry);
  setTimeout(() => {
    const f = dialog.querySelector('input:not([type=hidden]):not([disabled]), select, textarea, button:not(.modal-close)');
    (f || closeBtn).focus();
  }, 0);
  return entry;
}
export function closeAllModals() { [...openModals].reverse().forEach((m) => m.close()); }

/** Confirmation in our own modal. Resolves true/false. */
export function confirmDialog({ title, message, confirmLabel = 'Confirm', danger = false, testid = 'confirm-dialog', confirmTestid = 'confirm' }) {
  return new Promise((resolve) => {
    let answered = false;
    const m = openModal({ title, testid, onClose: () => { if (!answered) resolve(false); } });
    const ok = h('button', { type: 'button', class: danger ? 'btn btn-danger' : 'btn btn-primary', testid: confirmTestid,
      onclick: () => { answered = true; m.close(); resolve(true); } }, confirmLabel);
    const cancel = h('button', { type: 'button', class: 'btn', testid: 'confirm-cancel', onclick: () => m.close() }, 'Cancel');
    mount(m.body, h('p', null, message), h('div', { class: 'form-actions' }, cancel, ok));
    setTimeout(() => cancel.focus(), 0);
  });
}

// ---- ellipsis menus ----
let openMenu = null;
export function closeMenu() {
  if (openMenu) {
    const m = openMenu; openMenu = null;
    m.panel.remove();
    m.button.setAttribute('aria-expanded', 'false');
  }
}
/**
 * items: [{id, label, onSelect}] ; returns the "⋯" button (or null when items is empty).
 */
export function ellipsisMenu(items, { label = 'More actions' } = {}) {
  if (!items || items.length === 0) return null;
  const button = h('button', { type: 'button', class: 'icon-button ellipsis', testid: 'row-menu-button',
    'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-label': label }, '⋯');
  button.addEventListener('click', (e) => {
    e.stopPropagation();
    if (openMenu && openMenu.button === button) { closeMenu(); return; }
    closeMenu();
    const panel = h('div', { class: 'menu', role: 'menu' },
      items.map((it) => h('button', { type: 'button', class: 'menu-item', role: 'menuitem', testid: 'menu-item',
        dataset: { menuId: it.id },
        onclick: (ev) => { ev.stopPropagation(); closeMenu(); it.onSelect(); } }, it.label)));
    panel.addEventListener('keydown', (ev) => {
      const btns = [...panel.querySelectorAll('.menu-item')];
      const i = btns.indexOf(document.activeElement);
      if (ev.key === 'ArrowDown') { ev.preventDefault(); btns[(i + 1) % btns.length].focus(); }
      if (ev.key === 'ArrowUp') { ev.preventDefault(); btns[(i - 1 + btns.length) % btns.length].focus(); }
    });
    document.body.appendChild(panel);
    const r = button.getBoundingClientRect();
    const left = Math.max(8, Math.min(window.scrollX + r.right - 220, window.scrollX + document.documentElement.clientWidth - 228));
    panel.style.setProperty('left', `${left}px`);
    panel.style.setProperty('top', `${window.scrollY + r.bottom + 4}px`);
    button.setAttribute('aria-expanded', 'true');
    openMenu = { button, panel };
    const first = panel.querySelector('.menu-item');
    if (first) first.focus();
  });
  return button;
}

document.addEventListener('click', (e) => {
  if (openMenu && !openMenu.panel.contains(e.target) && e.target !== openMenu.button) closeMenu();
});
document.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape') return;
  if (openMenu) { const b = openMenu.button; closeMenu(); b.focus(); return; }
  if (openModals.length) openModals[openModals.length - 1].requestClose();
});
window.addEventListener('resize', closeMenu);

/** Simple pager: page X of Y with prev/next. */
export function pager({ page, pageSize, total, onPage }) {
  const pages = Math.max(1, Math.ceil((total || 0) / (pageSize || 25)));
  return h('nav', { class: 'pager', 'aria-label': 'Pagination' },
    h('button', { type: 'button', class: 'btn btn-small', testid: 'pager-prev', disabled: page <= 1, onclick: () => onPage(page - 1) }, '‹ Previous'),
    h('span', { class: 'pager-info', testid: 'pager-info' }, `Page ${page} of ${pages}`, h('span', { class: 'muted' }, ` · ${total || 0} total`)),
    h('button', { type: 'button', class: 'btn btn-small', testid: 'pager-next', disabled: page >= pages, onclick: () => onPage(page + 1) }, 'Next ›'));
}

/** Error box for a failed load. */
export function errorBox(err, testid = 'load-error') {
  return h('div', { class: 'alert alert-error', role: 'alert', testid }, err && err.message ? err.message : String(err));
}
