// DOM helpers. Server strings only ever go through textContent / attributes, never innerHTML.
import { formatDate, countryName } from './locale.js';

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
/** One date format across the app, in the browser's language (see locale.js). */
export const fmtDate = formatDate;
export const fmtCountry = countryName;
export function fullName(c) {
  return [c.firstName, c.lastName].filter(Boolean).join(' ') || c.name || c.email || `#${c.id}`;
}
/** An e-mail that wraps only after the @ or before a dot (never inside a word), as typography books ask. */
export function emailText(email) {
  if (!email) return '—';
  const parts = String(email).split(/(?<=@)|(?=\.)/);
  return h('span', { class: 'email' }, parts.map((p, i) => (i ? [h('wbr'), p] : p)));
}
export function dash(v) { return (v === null || v === undefined || v === '') ? '—' : String(v); }

const BADGE_CLASS = {
  ACTIVE: 'blue', HIRED: 'green', REJECTED: 'red', WITHDRAWN: 'grey',
  CONNECTED: 'green', NOT_CONNECTED: 'grey', NEEDS_RECONNECTION: 'amber', NEEDS_ATTENTION: 'amber',
  CREATED: 'green', ALREADY_EXISTS: 'teal', FAILED: 'red', UNFINISHED: 'amber', IN_PROGRESS: 'blue',
  PENDING: 'grey', RUNNING: 'blue', DONE: 'green', SKIPPED: 'grey', NEEDS_REVIEW: 'amber',
  UPDATED: 'green', PARTIAL: 'amber', NOT_SENT: 'amber',
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
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
let focusAfterRender = null; // the id of the control to focus again once a view has re-rendered

function visibleFocusables(el) {
  return [...el.querySelectorAll(FOCUSABLE)].filter((x) => !x.closest('[hidden]') && x.getClientRects().length > 0);
}

/**
 * Opens a modal; returns {el, body, footer, close, requestClose}.
 * onClose is called once when closed. beforeClose (optional) is asked when the person closes it with
 * Escape, the × or a click beside it, and may answer false (or a promise of false) to keep it open.
 * Focus stays inside while it is open and goes back to the control that opened it.
 */
export function openModal({ title, testid, onClose, beforeClose, wide }) {
  const titleId = nextId('dlg-title');
  const body = h('div', { class: 'modal-body' });
  const footer = h('div', { class: 'modal-footer', hidden: true });
  const closeBtn = h('button', { type: 'button', class: 'icon-button modal-close', 'aria-label': 'Close' }, '×');
  const dialog = h('div', { class: 'modal' + (wide ? ' modal-wide' : ''), role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId, testid },
    h('div', { class: 'modal-header' }, h('h2', { id: titleId }, title), closeBtn),
    body, footer);
  const backdrop = h('div', { class: 'modal-backdrop' }, dialog);
  const previousFocus = document.activeElement;
  let closed = false;
  let asking = false;
  const entry = {
    el: dialog, body, footer,
    close() {
      if (closed) return;
      closed = true;
      backdrop.remove();
      const i = openModals.indexOf(entry);
      if (i >= 0) openModals.splice(i, 1);
      if (openModals.length === 0) document.body.classList.remove('modal-open');
      if (previousFocus && previousFocus.focus && document.contains(previousFocus)) {
        previousFocus.focus();
        if (previousFocus.id) focusAfterRender = previousFocus.id; // the view may re-render on close
      }
      if (onClose) onClose();
    },
    /** Closing as the person asked: beforeClose may keep the dialog open. */
    async requestClose() {
      if (closed || asking) return;
      if (beforeClose) {
        asking = true;
        try { if ((await beforeClose()) === false) return; } finally { asking = false; }
      }
      entry.close();
    },
    /** Whether it is the dialog on top (Escape and the focus trap act on that one only). */
    isTop() { return openModals[openModals.length - 1] === entry; },
  };
  closeBtn.addEventListener('click', () => entry.requestClose());
  backdrop.addEventListener('mousedown', (e) => { if (e.target === backdrop) entry.requestClose(); });
  // Focus trap: Tab from the last control goes to the first, Shift+Tab from the first to the last.
  dialog.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab' || !entry.isTop()) return;
    const items = visibleFocusables(dialog);
    if (items.length === 0) { e.preventDefault(); return; }
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && (document.activeElement === first || !dialog.contains(document.activeElement))) { e.preventDefault(); last.focus(); }
    else if (!e.shiftKey && (document.activeElement === last || !dialog.contains(document.activeElement))) { e.preventDefault(); first.focus(); }
  });
  document.body.appendChild(backdrop);
  document.body.classList.add('modal-open');
  openModals.push(entry);
  setTimeout(() => {
    if (dialog.contains(document.activeElement)) return;
    const f = dialog.querySelector('input:not([type=hidden]):not([disabled]), select, textarea, button:not(.modal-close)');
    (f || closeBtn).focus();
  }, 0);
  return entry;
}
export function closeAllModals() { [...openModals].reverse().forEach((m) => m.close()); }

// Focus that left with a dialog comes back when the page behind re-renders (the ⋯ is a new element then).
document.addEventListener('focusin', () => { if (document.activeElement && document.activeElement !== document.body) focusAfterRender = null; }, true);
/** Called by views after they re-render: puts the focus back on the control a closed dialog returned it to. */
export function restoreFocus() {
  if (!focusAfterRender || (document.activeElement && document.activeElement !== document.body)) return;
  const el = document.getElementById(focusAfterRender);
  if (el) el.focus();
}

/** Confirmation in our own modal. Resolves true/false. */
export function confirmDialog({ title, message, confirmLabel = 'Confirm', cancelLabel = 'Cancel', danger = false, testid = 'confirm-dialog', confirmTestid = 'confirm' }) {
  return new Promise((resolve) => {
    let answered = false;
    const m = openModal({ title, testid, onClose: () => { if (!answered) resolve(false); } });
    m.el.setAttribute('role', 'alertdialog');
    const messageId = nextId('dlg-message');
    m.el.setAttribute('aria-describedby', messageId);
    const ok = h('button', { type: 'button', class: danger ? 'btn btn-danger' : 'btn btn-primary', testid: confirmTestid,
      onclick: () => { answered = true; m.close(); resolve(true); } }, confirmLabel);
    const cancel = h('button', { type: 'button', class: 'btn', testid: 'confirm-cancel', onclick: () => m.close() }, cancelLabel);
    mount(m.body, h('p', { id: messageId }, message), h('div', { class: 'form-actions' }, cancel, ok));
    setTimeout(() => cancel.focus(), 0);
  });
}

// ---- ellipsis menus (WAI-ARIA menu button) ----
let openMenu = null;
export function closeMenu({ returnFocus = false } = {}) {
  if (openMenu) {
    const m = openMenu; openMenu = null;
    m.panel.remove();
    m.button.setAttribute('aria-expanded', 'false');
    if (returnFocus && document.contains(m.button)) m.button.focus();
  }
}
/**
 * items: [{id, label, onSelect}]; returns the "⋯" button (or null when items is empty), or a button reading
 * `text` when given (the pipeline's "Move to…").
 * key: a stable name for the button (such as the candidate id and where it sits), so that focus can come
 * back to it after the page behind a dialog re-renders.
 */
export function ellipsisMenu(items, { label = 'More actions', key, text, testid = 'row-menu-button' } = {}) {
  if (!items || items.length === 0) return null;
  const buttonId = key ? `menu-button-${String(key).replace(/[^A-Za-z0-9_-]/g, '_')}` : nextId('menu-button');
  const menuId = buttonId + '-menu';
  const button = h('button', { type: 'button', id: buttonId, class: text ? 'btn btn-small' : 'icon-button ellipsis', testid,
    'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-controls': menuId, 'aria-label': label }, text || h('span', { 'aria-hidden': 'true' }, '⋯'));
  const show = (focusLast) => {
    closeMenu();
    const panel = h('div', { class: 'menu', role: 'menu', id: menuId, 'aria-labelledby': buttonId },
      items.map((it) => h('button', { type: 'button', class: 'menu-item', role: 'menuitem', tabindex: '-1', testid: 'menu-item',
        dataset: { menuId: it.id },
        onclick: (ev) => { ev.stopPropagation(); closeMenu({ returnFocus: true }); it.onSelect(); } }, it.label)));
    panel.addEventListener('keydown', (ev) => {
      const btns = [...panel.querySelectorAll('.menu-item')];
      const i = btns.indexOf(document.activeElement);
      const go = (j) => { ev.preventDefault(); btns[(j + btns.length) % btns.length].focus(); };
      if (ev.key === 'ArrowDown') go(i + 1);
      else if (ev.key === 'ArrowUp') go(i - 1);
      else if (ev.key === 'Home') go(0);
      else if (ev.key === 'End') go(btns.length - 1);
      else if (ev.key === 'Tab') closeMenu({ returnFocus: true });
    });
    document.body.appendChild(panel);
    const r = button.getBoundingClientRect();
    const left = Math.max(8, Math.min(window.scrollX + r.right - 220, window.scrollX + document.documentElement.clientWidth - 228));
    panel.style.setProperty('left', `${left}px`);
    panel.style.setProperty('top', `${window.scrollY + r.bottom + 4}px`);
    button.setAttribute('aria-expanded', 'true');
    openMenu = { button, panel };
    const all = panel.querySelectorAll('.menu-item');
    const target = focusLast ? all[all.length - 1] : all[0];
    if (target) target.focus();
  };
  button.addEventListener('click', (e) => {
    e.stopPropagation();
    if (openMenu && openMenu.button === button) { closeMenu(); return; }
    show(false);
  });
  button.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') { e.preventDefault(); show(e.key === 'ArrowUp'); }
  });
  return button;
}

document.addEventListener('click', (e) => {
  if (openMenu && !openMenu.panel.contains(e.target) && !openMenu.button.contains(e.target)) closeMenu();
});
document.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape') return;
  if (openMenu) { closeMenu({ returnFocus: true }); return; }
  if (openModals.length) { e.preventDefault(); openModals[openModals.length - 1].requestClose(); }
});
window.addEventListener('resize', () => closeMenu());

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
