// Settings > Sessions (admins): who is signed in, from where; end one session or every session of a user.
import { api, enc, qs } from '../api.js';
import { h, mount, dash, toast, confirmDialog, errorBox, fmtDate, humanize } from '../dom.js';
import { errorMessage } from './form.js';

export async function renderSessions(ctx) {
  const { el } = ctx;
  const area = h('div', null, h('p', { class: 'muted' }, 'Loading sessions…'));
  mount(el,
    h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, 'Settings › Sessions'),
    h('div', { class: 'page-header' }, h('h1', { testid: 'page-title' }, 'Sessions')),
    h('p', { class: 'muted small' }, 'Everyone signed in now. Ending a session signs that browser out at its next click.'),
    area);

  async function end(session, everyOne, button) {
    const who = session.userName || session.userEmail;
    const ok = await confirmDialog({
      title: everyOne ? `Sign ${who} out everywhere?` : `End this session of ${who}?`,
      message: everyOne
        ? `Every session of ${who} ends${session.current ? ', except the one you are using' : ''}.`
        : `The browser at ${session.clientAddress || 'an unknown address'} is signed out.`,
      confirmLabel: everyOne ? 'Sign out everywhere' : 'End session', danger: true,
      testid: 'confirm-end-session-dialog', confirmTestid: 'confirm-end-session' });
    if (!ok) return;
    button.disabled = true;
    try {
      if (everyOne) {
        const r = await api('DELETE', '/sessions' + qs({ userId: session.userId }));
        toast(`${r.ended} session(s) of ${who} ended`, 'success');
      } else {
        await api('DELETE', `/sessions/${enc(session.id)}`);
        toast(`Session of ${who} ended`, 'success');
      }
      if (session.current && !everyOne) return; // our own session: the next request shows the sign-in page
      load();
    } catch (err) {
      button.disabled = false;
      if (err.status !== 401) toast(errorMessage(err), 'error', 8000);
    }
  }

  async function load() {
    let list;
    try {
      list = await api('GET', '/sessions');
    } catch (err) {
      if (err.status !== 401 && ctx.isCurrent()) mount(area, errorBox(err));
      return;
    }
    if (!ctx.isCurrent()) return;
    mount(area, h('div', { class: 'table-wrap' }, h('table', { class: 'table table-cards cards-below-900', testid: 'session-table' },
      h('thead', null, h('tr', null, h('th', null, 'User'), h('th', null, 'Role'), h('th', null, 'Signed in'),
        h('th', null, 'From'), h('th', null, 'Ends'), h('th', null, h('span', { class: 'sr-only' }, 'Actions')))),
      h('tbody', null, (list || []).map((s) => {
        const endBtn = h('button', { type: 'button', class: 'btn btn-small btn-danger-ghost', testid: 'session-end' }, 'End');
        endBtn.addEventListener('click', () => end(s, false, endBtn));
        const allBtn = h('button', { type: 'button', class: 'btn btn-small', testid: 'session-end-all' }, 'Sign out everywhere');
        allBtn.addEventListener('click', () => end(s, true, allBtn));
        return h('tr', { testid: 'session-row', dataset: { sessionId: s.id, userEmail: s.userEmail } },
          h('td', { class: 'col-main', 'data-label': 'User' }, h('div', { class: 'strong' }, dash(s.userName)), h('div', { class: 'muted small' }, s.userEmail),
            s.current ? h('span', { class: 'badge badge-blue', testid: 'session-current' }, 'This session') : null),
          h('td', { 'data-label': 'Role' }, humanize(s.role)),
          h('td', { 'data-label': 'Signed in' }, fmtDate(s.createdAt)),
          h('td', { 'data-label': 'From' }, h('div', { class: 'mono small' }, dash(s.clientAddress)), h('div', { class: 'muted small' }, dash(s.userAgent))),
          h('td', { 'data-label': 'Ends' }, fmtDate(s.expiresAt)),
          h('td', { class: 'actions' }, endBtn, ' ', allBtn));
      })))));
  }
  await load();
}
