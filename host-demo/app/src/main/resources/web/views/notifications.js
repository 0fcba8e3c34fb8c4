// The signed-in user's notifications (issue 16): automatic or scheduled exports that failed or need review, each with
// a link to the candidate; marked as read one by one or all at once. The top bar's badge follows through the
// 'notifications-changed' event.
import { api, enc } from '../api.js';
import { h, mount, toast, fmtDate, errorBox, restoreFocus, badge } from '../dom.js';
import { errorMessage } from './form.js';

const KIND_LABEL = { FAILED: 'Failed', NEEDS_REVIEW: 'Needs review' };

/** Tells the top bar how many notifications are unread now. */
export function announceUnread(unread) {
  window.dispatchEvent(new CustomEvent('notifications-changed', { detail: { unread } }));
}

export async function renderNotifications(ctx) {
  const { el } = ctx;
  const listArea = h('div', null, h('p', { class: 'muted' }, 'Loading notifications…'));
  const markAll = h('button', { type: 'button', class: 'btn btn-small', testid: 'notifications-read-all', hidden: true }, 'Mark all as read');
  mount(el, h('div', { class: 'page-header' }, h('h1', { testid: 'page-title' }, 'Notifications'), h('div', { class: 'page-actions' }, markAll)),
    h('p', { class: 'muted' }, 'Automatic and scheduled exports that failed or wait for a person.'), listArea);

  const show = (data) => {
    announceUnread(data.unread);
    const items = data.items || [];
    markAll.hidden = !data.unread;
    if (items.length === 0) {
      mount(listArea, h('div', { class: 'empty', testid: 'notifications-empty' }, 'No notifications.'));
      return;
    }
    mount(listArea, h('ul', { class: 'notification-list', testid: 'notification-list' }, items.map((n) => {
      const name = n.candidateName || `Candidate ${n.candidateId}`;
      const read = h('button', { type: 'button', class: 'btn btn-small', testid: 'notification-read', id: `notification-read-${n.id}`,
        'aria-label': `Mark as read: ${KIND_LABEL[n.kind] || n.kind}, ${name}` }, 'Mark as read');
      read.addEventListener('click', () => post(`/notifications/${enc(n.id)}/read`, read));
      const link = h('a', { href: `#/candidates/${enc(n.candidateId)}`, class: 'strong' }, name);
      if (!n.read) link.addEventListener('click', () => { api('POST', `/notifications/${enc(n.id)}/read`).then(show).catch(() => {}); });
      return h('li', { class: 'notification' + (n.read ? ' notification-read' : ''), testid: 'notification', dataset: { id: String(n.id), read: String(n.read), candidateId: String(n.candidateId) } },
        h('div', { class: 'notification-head' },
          badge(n.kind, KIND_LABEL[n.kind]), ' ', link,
          n.read ? h('span', { class: 'muted small' }, ' · read') : h('span', { class: 'sr-only' }, ' (unread)')),
        h('p', { class: 'notification-message' }, n.message),
        h('div', { class: 'muted small' }, fmtDate(n.createdAt), ' ', n.read ? null : read));
    })));
  };
  async function post(path, button) {
    if (button) button.disabled = true;
    try {
      show(await api('POST', path));
      // The button is gone with the re-render: keep the focus in the list rather than losing it to the page.
      const next = el.querySelector('[data-testid="notification-read"]') || markAll;
      if (next && !next.hidden) next.focus();
    } catch (err) {
      if (button) button.disabled = false;
      if (err.status !== 401) toast(errorMessage(err), 'error', 8000);
    }
  }
  markAll.addEventListener('click', () => post('/notifications/read-all', markAll));
  try {
    const data = await api('GET', '/notifications');
    if (!ctx.isCurrent()) return;
    show(data);
    restoreFocus();
  } catch (err) {
    if (err.status === 401 || !ctx.isCurrent()) return;
    mount(listArea, errorBox(err));
  }
}
