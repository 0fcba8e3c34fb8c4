/*
 * HireRelay ATS — static web UI for host-demo. Plain ES modules, no build step, CSP-safe
 * (no inline scripts/styles/handlers; server strings are rendered with textContent only).
 *
 * Stable data-testid attributes for browser tests:
 *   Shell:        login-form, login-email, login-password, login-submit, login-error,
 *                 nav-candidates, nav-jobs, nav-review, nav-exports, nav-settings, nav-integrations, nav-plugins,
 *                 current-user, sign-out, toast, load-error, page-title
 *   Candidates:   open-filters, filter-panel, filter-status, filter-job, filter-stage, filter-q, apply-filters,
 *                 clear-filters, candidate-table, candidate-row (data-candidate-id), candidate-link, export-badge
 *                 (data-connector-id), row-menu-button, menu-item (data-menu-id; "open-candidate" for Open candidate),
 *                 bulk-select (row checkbox, data-candidate-id), bulk-select-all, bulk-export (data-connector-id),
 *                 bulk-progress, bulk-result (data-candidate-id, data-state), pager-prev, pager-next, pager-info,
 *                 bulk-update (data-connector-id), bulk-update-dialog, bulk-update-confirm, bulk-update-progress,
 *                 bulk-update-result (data-candidate-id, data-state)
 *   Candidate:    candidate-name, candidate-status, candidate-details, candidate-offer, candidate-address,
 *                 candidate-custom-fields, candidate-exports, candidate-export-row
 *   Jobs:         job-row (data-job-id), job-link, pipeline-board, pipeline-stage (data-stage-name),
 *                 pipeline-card (data-candidate-id)
 *   Export dialog: export-dialog, export-existing, draft-field-<key>, field-error-<key>, export-general-error,
 *                 export-submit, export-cancel, export-result, export-result-link, export-warning, export-error
 *   Integrations: integration-section (data-category), integration-card (data-connector-id), integration-status,
 *                 connect-button, view-button, integration-problem, connect-form, connect-intro, setting-<key>,
 *                 field-error-<key>, more-settings, help-link, connect-submit, connect-cancel, connect-error,
 *                 connection-details, remove-integration, confirm-remove, confirm-cancel, back-to-integrations
 *   Export history: history-filter-outcome, history-table, history-row (data-attempt-id, data-state),
 *                 history-draft, history-steps, history-step (data-step-id, data-state), pager-prev, pager-next
 *   Plugins:      plugin-upload-input, plugin-upload-submit, plugin-upload-error, plugin-table,
 *                 plugin-row (data-plugin-id), plugin-disable, plugin-enable, plugin-remove, confirm-remove
 *   Review list:  review-table, review-row (data-candidate-id, data-connector-id), review-select, review-select-all,
 *                 review-open, review-send (data-connector-id), review-missing, review-empty
 *   Notifications: nav-notifications (top bar, aria-label "Notifications, N unread"), notifications-count,
 *                 notification-list, notification (data-id, data-read, data-candidate-id), notification-read,
 *                 notifications-read-all, notifications-empty
 *   Sessions:     nav-sessions, session-table, session-row (data-session-id, data-user-email), session-current,
 *                 session-end, session-end-all, confirm-end-session; login-end-others on the sign-in form
 */
import { api, setCsrfToken, setUnauthenticatedHandler } from './api.js';
import { h, mount, toast, closeAllModals, closeMenu, humanize } from './dom.js';
import { renderCandidates } from './views/candidates.js';
import { renderCandidate } from './views/candidate.js';
import { renderJobs, renderPipeline } from './views/jobs.js';
import { renderIntegrations, renderIntegrationDetails } from './views/integrations.js';
import { renderExportHistory } from './views/history.js';
import { renderPlugins } from './views/plugins.js';
import { renderSessions } from './views/sessions.js';
import { renderMapping } from './views/mapping.js';
import { renderReview } from './views/review.js';
import { renderNotifications } from './views/notifications.js';

const root = document.getElementById('app');
let user = null;
let renderSeq = 0;
let routedHash = null; // the address the current view shows (views update it with setQuery)

const ROUTES = [
  { re: /^\/candidates$/, view: renderCandidates, nav: 'candidates' },
  { re: /^\/candidates\/([^/]+)$/, view: renderCandidate, nav: 'candidates' },
  { re: /^\/jobs$/, view: renderJobs, nav: 'jobs' },
  { re: /^\/jobs\/([^/]+)(?:\/pipeline)?$/, view: renderPipeline, nav: 'jobs' },
  { re: /^\/settings\/integrations$/, view: renderIntegrations, nav: 'settings', admin: true },
  { re: /^\/settings\/integrations\/([^/]+)$/, view: renderIntegrationDetails, nav: 'settings', admin: true },
  { re: /^\/settings\/integrations\/([^/]+)\/mapping$/, view: renderMapping, nav: 'settings', admin: true },
  { re: /^\/settings\/plugins$/, view: renderPlugins, nav: 'settings', admin: true },
  { re: /^\/settings\/sessions$/, view: renderSessions, nav: 'settings', admin: true },
  { re: /^\/settings$/, redirect: '/settings/integrations' },
  { re: /^\/exports$/, view: renderExportHistory, nav: 'exports', admin: true },
  { re: /^\/review$/, view: renderReview, nav: 'review', exporter: true },
  { re: /^\/notifications$/, view: renderNotifications, nav: 'notifications', exporter: true },
];

function currentPath() {
  const raw = location.hash.replace(/^#/, '') || '/candidates';
  const [path, query] = raw.split('?');
  return { path: path.replace(/\/+$/, '') || '/candidates', query: new URLSearchParams(query || '') };
}

export function navigate(path) {
  if (location.hash === '#' + path) route(); else location.hash = '#' + path;
}

function isAdmin() { return user && user.role === 'ADMIN'; }
// Admins, hiring managers and recruiters may export (the server's Access.requireExporter says the same).
function mayExport() { return user && user.role !== 'INTERVIEWER'; }

function showLogin(message) {
  user = null;
  setCsrfToken(null);
  closeAllModals();
  closeMenu();
  const email = h('input', { id: 'login-email', type: 'email', name: 'email', autocomplete: 'username', required: true, testid: 'login-email' });
  const password = h('input', { id: 'login-password', type: 'password', name: 'password', autocomplete: 'current-password', required: true, testid: 'login-password' });
  const error = h('div', { class: 'alert alert-error', role: 'alert', testid: 'login-error', hidden: !message }, message || '');
  const endOthers = h('input', { id: 'login-end-others', type: 'checkbox', name: 'endOtherSessions', testid: 'login-end-others' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block', testid: 'login-submit' }, 'Sign in');
  const form = h('form', { class: 'login-card', testid: 'login-form', novalidate: true },
    h('div', { class: 'brand brand-large' }, h('img', { src: '/favicon.svg', alt: '', width: 32, height: 32 }), 'HireRelay ATS'),
    h('h1', null, 'Sign in'),
    error,
    h('div', { class: 'field' }, h('label', { for: 'login-email' }, 'Email'), email),
    h('div', { class: 'field' }, h('label', { for: 'login-password' }, 'Password'), password),
    h('div', { class: 'checkbox-line login-option' }, endOthers, h('label', { for: 'login-end-others' }, 'Sign me out everywhere else')),
    submit);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.hidden = true;
    submit.disabled = true;
    try {
      const s = await api('POST', '/session', { body: { email: email.value.trim(), password: password.value, endOtherSessions: endOthers.checked }, quiet401: true });
      startSession(s);
    } catch (err) {
      error.textContent = err.code === 'invalid_login' || err.status === 401
        ? (err.message && err.code === 'invalid_login' ? err.message : 'Wrong email or password.')
        : err.message;
      error.hidden = false;
      submit.disabled = false;
      password.select();
    }
  });
  mount(root, h('main', { class: 'login-page' }, form));
  setTimeout(() => email.focus(), 0);
}

function startSession(s) {
  user = s.user;
  setCsrfToken(s.csrfToken);
  route();
}

async function signOut() {
  try { await api('DELETE', '/session', { quiet401: true }); } catch (e) { /* signed out anyway */ }
  history.replaceState(null, '', '#/candidates');
  showLogin();
}

function navLink(href, label, testid, active) {
  return h('a', { href: '#' + href, testid, class: active ? 'nav-link active' : 'nav-link', 'aria-current': active ? 'page' : false }, label);
}

// The top bar's notifications link: a bell with the unread count, named for assistive technology.
let unreadCount = 0;
function paintUnread(link) {
  const count = link.querySelector('.notif-count');
  count.textContent = unreadCount > 99 ? '99+' : String(unreadCount);
  count.hidden = unreadCount === 0;
  link.setAttribute('aria-label', unreadCount === 1 ? 'Notifications, 1 unread' : `Notifications, ${unreadCount} unread`);
}
function notificationsLink(active) {
  const link = h('a', { href: '#/notifications', class: active ? 'nav-link notif-link active' : 'nav-link notif-link', testid: 'nav-notifications',
    'aria-current': active ? 'page' : false },
  h('span', { class: 'notif-bell', 'aria-hidden': 'true' }, '🔔'), h('span', { class: 'notif-count', testid: 'notifications-count', hidden: true }, '0'));
  paintUnread(link);
  api('GET', '/notifications').then((data) => { unreadCount = data.unread || 0; if (document.contains(link)) paintUnread(link); }).catch(() => {});
  return link;
}
window.addEventListener('notifications-changed', (e) => {
  unreadCount = e.detail.unread || 0;
  const link = document.querySelector('[data-testid="nav-notifications"]');
  if (link) paintUnread(link);
});

function shell(navKey, path) {
  const nav = h('nav', { class: 'main-nav', 'aria-label': 'Main' },
    navLink('/candidates', 'Candidates', 'nav-candidates', navKey === 'candidates'),
    navLink('/jobs', 'Jobs', 'nav-jobs', navKey === 'jobs'),
    mayExport() ? navLink('/review', 'Review', 'nav-review', navKey === 'review') : null,
    isAdmin() ? navLink('/exports', 'Export history', 'nav-exports', navKey === 'exports') : null,
    isAdmin() ? navLink('/settings/integrations', 'Settings', 'nav-settings', navKey === 'settings') : null);
  const header = h('header', { class: 'topbar' },
    h('a', { class: 'brand', href: '#/candidates' }, h('img', { src: '/favicon.svg', alt: '', width: 24, height: 24 }), 'HireRelay ATS'),
    nav,
    h('div', { class: 'user-box' },
      mayExport() ? notificationsLink(navKey === 'notifications') : null,
      h('span', { class: 'user-name', testid: 'current-user' }, user.name || user.email,
        h('span', { class: 'user-role' }, humanize(user.role))),
      h('button', { type: 'button', class: 'btn btn-small btn-ghost', testid: 'sign-out', onclick: signOut }, 'Sign out')));
  const content = h('main', { class: 'content', id: 'content', tabindex: '-1' });
  let layout = content;
  if (navKey === 'settings') {
    const side = h('nav', { class: 'settings-nav', 'aria-label': 'Settings' },
      h('div', { class: 'settings-nav-group' }, 'Account'),
      h('a', { href: '#/settings/integrations', testid: 'nav-integrations', 'aria-current': path.startsWith('/settings/integrations') ? 'page' : false,
        class: path.startsWith('/settings/integrations') ? 'active' : '' }, 'Integrations'),
      h('div', { class: 'settings-nav-group' }, 'Extensions'),
      h('a', { href: '#/settings/plugins', testid: 'nav-plugins', 'aria-current': path.startsWith('/settings/plugins') ? 'page' : false,
        class: path.startsWith('/settings/plugins') ? 'active' : '' }, 'Plugins'),
      h('div', { class: 'settings-nav-group' }, 'Security'),
      h('a', { href: '#/settings/sessions', testid: 'nav-sessions', 'aria-current': path.startsWith('/settings/sessions') ? 'page' : false,
        class: path.startsWith('/settings/sessions') ? 'active' : '' }, 'Sessions'));
    layout = h('div', { class: 'settings-layout' }, side, content);
  }
  const skip = h('a', { class: 'skip-link', href: '#content', onclick: (e) => { e.preventDefault(); content.focus(); } }, 'Skip to content');
  mount(root, skip, header, layout);
  return content;
}

async function route() {
  closeMenu();
  closeAllModals();
  if (!user) return; // sign-in screen is showing (or boot in progress)
  const seq = ++renderSeq;
  routedHash = location.hash;
  const { path, query } = currentPath();
  for (const r of ROUTES) {
    const m = path.match(r.re);
    if (!m) continue;
    if (r.redirect) { navigate(r.redirect); return; }
    if ((r.admin && !isAdmin()) || (r.exporter && !mayExport())) {
      // No settings menu beside the refusal: a non-admin sees no way into pages they cannot open.
      const c = shell(null, path);
      mount(c, h('h1', { testid: 'page-title' }, 'Not available'),
        h('div', { class: 'alert alert-error', role: 'alert', testid: 'load-error' },
          r.admin ? 'Only admins can open this page.' : 'Only admins, hiring managers and recruiters can open this page.'),
        h('p', null, h('a', { href: '#/candidates' }, 'Go to the candidate list')));
      return;
    }
    const el = shell(r.nav, path);
    const ctx = {
      el, user, query, params: m.slice(1).map(decodeURIComponent), navigate,
      isCurrent: () => seq === renderSeq,
      isAdmin: isAdmin(),
      // Updates the address to match the view's state without re-rendering. push: a new history entry, so
      // Back returns to the previous filters; otherwise the current entry is replaced.
      setQuery(q, { push = false } = {}) {
        const s = new URLSearchParams(Object.entries(q).filter(([, v]) => v !== '' && v !== null && v !== undefined)).toString();
        const next = '#' + path + (s ? '?' + s : '');
        if (next === location.hash) return;
        if (push) history.pushState(null, '', next); else history.replaceState(null, '', next);
        routedHash = location.hash;
      },
    };
    try {
      await r.view(ctx);
    } catch (err) {
      if (err && err.status === 401) return;
      if (seq === renderSeq) mount(el, h('div', { class: 'alert alert-error', role: 'alert', testid: 'load-error' }, err.message || String(err)));
    }
    return;
  }
  navigate('/candidates');
}

setUnauthenticatedHandler(() => {
  if (user) toast('Your session has ended. Please sign in again.', 'error');
  showLogin();
});
// Back and Forward between filter states come as popstate, a typed address as hashchange (sometimes both).
const onAddressChange = () => { if (location.hash !== routedHash) route(); };
window.addEventListener('hashchange', onAddressChange);
window.addEventListener('popstate', onAddressChange);

(async function boot() {
  try {
    const s = await api('GET', '/session', { quiet401: true });
    startSession(s);
  } catch (err) {
    if (err.status === 401) showLogin();
    else showLogin(err.message);
  }
})();
