// An integration's "Updates after the export" section (issue 15): whether a change made in the ATS after a
// candidate was exported is sent to the HR system by itself. Off unless an admin turns it on.
import { api, enc } from '../api.js';
import { h, mount, toast } from '../dom.js';
import { errorMessage } from './form.js';

export async function autoUpdatesSection(ctx, connectorId, name) {
  const box = h('section', { class: 'card', testid: 'automatic-updates' }, h('h2', null, 'Updates after the export'), h('p', { class: 'muted' }, 'Loading…'));
  let setting;
  try {
    setting = await api('GET', `/integrations/${enc(connectorId)}/automatic-updates`);
  } catch (err) {
    if (err.status === 401) return box;
    mount(box, h('h2', null, 'Updates after the export'), h('div', { class: 'alert alert-error', role: 'alert' }, errorMessage(err)));
    return box;
  }
  const checkbox = h('input', { type: 'checkbox', id: 'send-updates-automatically', testid: 'send-updates-automatically',
    checked: setting.sendAutomatically ? true : null, 'aria-describedby': 'send-updates-automatically-help' });
  const save = h('button', { type: 'button', class: 'btn', testid: 'automatic-updates-save' }, 'Save');
  save.addEventListener('click', async () => {
    save.disabled = true;
    try {
      const saved = await api('PUT', `/integrations/${enc(connectorId)}/automatic-updates`, { body: { sendAutomatically: checkbox.checked } });
      checkbox.checked = !!saved.sendAutomatically;
      toast(saved.sendAutomatically
        ? `Changes made after an export are now sent to ${name} automatically`
        : `Changes made after an export now wait for someone to send them to ${name}`, 'success');
    } catch (err) {
      if (err.status !== 401) toast(errorMessage(err), 'error', 8000);
    } finally {
      save.disabled = false;
    }
  });
  mount(box,
    h('h2', null, 'Updates after the export'),
    h('p', null, checkbox, ' ', h('label', { for: 'send-updates-automatically' }, `Send updates to ${name} automatically`)),
    h('p', { class: 'muted small', id: 'send-updates-automatically-help' },
      `When a candidate's start date, job title, salary or personal data change after the export, the fields the update dialog would preselect are sent by themselves, as the person who made the change. A field changed in ${name} too is never overwritten: the candidate stays "Changed since export" and admins are notified. A failure that may pass is tried again later (up to 5 times), then listed under "Stopped" above.`),
    h('p', null, save));
  return box;
}
