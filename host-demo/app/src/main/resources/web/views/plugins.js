// Settings > Plugins (admins): list, upload a jar, enable/disable/remove.
import { api, enc } from '../api.js';
import { h, mount, badge, dash, toast, confirmDialog, errorBox } from '../dom.js';
import { errorMessage } from './form.js';

export async function renderPlugins(ctx) {
  const { el } = ctx;
  const fileInput = h('input', { type: 'file', id: 'plugin-file', accept: '.jar,application/java-archive', testid: 'plugin-upload-input' });
  const uploadBtn = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'plugin-upload-submit' }, 'Upload plugin');
  const uploadErr = h('div', { class: 'alert alert-error', role: 'alert', testid: 'plugin-upload-error', hidden: true });
  const uploadForm = h('form', { class: 'card upload-form' },
    h('h2', null, 'Install a plugin'),
    h('p', { class: 'muted small' }, 'Upload a plugin jar. HireRelay checks it before loading it and tells you why when it refuses.'),
    h('div', { class: 'upload-line' }, h('label', { for: 'plugin-file' }, 'Plugin jar'), fileInput, uploadBtn),
    uploadErr);
  const area = h('div', null, h('p', { class: 'muted' }, 'Loading plugins…'));
  mount(el,
    h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, 'Settings › Plugins'),
    h('div', { class: 'page-header' }, h('h1', { testid: 'page-title' }, 'Plugins')),
    uploadForm, area);

  uploadForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    uploadErr.hidden = true;
    const file = fileInput.files && fileInput.files[0];
    if (!file) { uploadErr.textContent = 'Choose a .jar file first.'; uploadErr.hidden = false; return; }
    uploadBtn.disabled = true; uploadBtn.textContent = 'Uploading…';
    try {
      const p = await api('POST', '/plugins', { body: file, raw: true,
        headers: { 'Content-Type': 'application/java-archive', 'X-File-Name': encodeURIComponent(file.name) } });
      toast(`Plugin ${p && p.id ? p.id : file.name} installed`, 'success');
      fileInput.value = '';
      load();
    } catch (err) {
      if (err.status === 401) return;
      // Each reason once: the server's summary already quotes the reasons, joined with '; '. With one reason the
      // summary says it all; with several, the summary's lead-in and a list read better than one long line.
      const summary = errorMessage(err);
      const reasons = (err.fieldErrors || []).map((fe) => fe.message).filter(Boolean);
      const at = reasons.length ? summary.indexOf(reasons[0]) : -1;
      if (reasons.length > 1 && at > 0) {
        mount(uploadErr, h('div', null, summary.slice(0, at).replace(/[\s:;]+$/, '') + ':'),
          h('ul', null, reasons.map((r) => h('li', null, r))));
      } else {
        const extra = reasons.filter((r) => !summary.includes(r));
        mount(uploadErr, h('div', null, summary), extra.length ? h('ul', null, extra.map((r) => h('li', null, r))) : null);
      }
      uploadErr.hidden = false;
    } finally {
      uploadBtn.disabled = false; uploadBtn.textContent = 'Upload plugin';
    }
  });

  async function act(p, action, button) {
    button.disabled = true;
    try {
      if (action === 'remove') {
        const ok = await confirmDialog({ title: `Remove plugin ${p.id}?`, message: 'The plugin is unloaded and its jar deleted. Connections it provided stop working; export history is kept.',
          confirmLabel: 'Remove', danger: true, testid: 'confirm-remove-dialog', confirmTestid: 'confirm-remove' });
        if (!ok) { button.disabled = false; return; }
        await api('DELETE', `/plugins/${enc(p.id)}`);
        toast(`Plugin ${p.id} removed`, 'success');
      } else {
        await api('POST', `/plugins/${enc(p.id)}/${action}`);
        toast(`Plugin ${p.id} ${action}d`, 'success');
      }
      load();
    } catch (err) {
      button.disabled = false;
      if (err.status !== 401) toast(errorMessage(err), 'error', 8000);
    }
  }

  async function load() {
    let list;
    try {
      list = await api('GET', '/plugins');
    } catch (err) {
      if (err.status !== 401 && ctx.isCurrent()) mount(area, errorBox(err));
      return;
    }
    if (!ctx.isCurrent()) return;
    list = list || [];
    mount(area, list.length === 0 ? h('div', { class: 'empty' }, 'No plugins installed.') :
      h('div', { class: 'table-wrap' }, h('table', { class: 'table table-cards', testid: 'plugin-table' },
        h('thead', null, h('tr', null, h('th', null, 'Plugin'), h('th', null, 'Version'), h('th', null, 'Provider'),
          h('th', null, 'Status'), h('th', null, 'Notes'), h('th', null, h('span', { class: 'sr-only' }, 'Actions')))),
        h('tbody', null, list.map((p) => {
          const disabled = /DISABLED|STOPPED/i.test(String(p.status));
          const rejected = /REJECT|FAIL/i.test(String(p.status));
          const toggleBtn = disabled
            ? h('button', { type: 'button', class: 'btn btn-small', testid: 'plugin-enable' }, 'Enable')
            : h('button', { type: 'button', class: 'btn btn-small', testid: 'plugin-disable', disabled: rejected }, 'Disable');
          toggleBtn.addEventListener('click', () => act(p, disabled ? 'enable' : 'disable', toggleBtn));
          const removeBtn = h('button', { type: 'button', class: 'btn btn-small btn-danger-ghost', testid: 'plugin-remove' }, 'Remove');
          removeBtn.addEventListener('click', () => act(p, 'remove', removeBtn));
          return h('tr', { testid: 'plugin-row', dataset: { pluginId: String(p.id) } },
            h('td', { class: 'col-main' }, h('div', { class: 'strong mono' }, p.id), p.description ? h('div', { class: 'muted small' }, p.description) : null,
              p.file ? h('div', { class: 'muted small mono' }, p.file) : null),
            h('td', { 'data-label': 'Version' }, dash(p.version)),
            h('td', { 'data-label': 'Provider' }, dash(p.provider)),
            h('td', { 'data-label': 'Status' }, badge(p.status)),
            h('td', { 'data-label': 'Notes' },
              p.reason ? h('div', { class: 'small' }, p.reason) : null,
              p.lastError ? h('div', { class: 'small error-text' }, 'Last error: ', p.lastError) : null,
              (p.extensions || []).length ? h('div', { class: 'muted small' }, 'Provides: ', (p.extensions || []).map((x) => typeof x === 'string' ? x : (x.name || x.id || JSON.stringify(x))).join(', ')) : null),
            h('td', { class: 'actions' }, toggleBtn, ' ', removeBtn));
        })))));
  }
  await load();
}
