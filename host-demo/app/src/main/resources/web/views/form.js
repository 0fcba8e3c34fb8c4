// Shared form-field rendering for draft fields (export dialog) and setting fields (connect form).
import { h, nextId } from '../dom.js';

/**
 * Builds one labelled input.
 * spec: {key, label, type, required, value, options:[{value,label}], helpText, helpLink, helpLinkLabel, maxLength}
 * prefix: 'draft-field' | 'setting' -> data-testid of the input is `${prefix}-${key}`.
 * Returns {row, input, error, getValue(), setValue(value), setError(msg)}.
 */
export function buildField(spec, prefix) {
  const id = nextId(`${prefix}-${String(spec.key).replace(/[^A-Za-z0-9_-]/g, '_')}`);
  const errorId = id + '-error';
  const helpId = id + '-help';
  const type = String(spec.type || 'TEXT').toUpperCase();
  const value = spec.value === null || spec.value === undefined ? '' : String(spec.value);
  const common = { id, name: spec.key, testid: `${prefix}-${spec.key}`, 'aria-describedby': `${helpId} ${errorId}` };
  let input;
  let kind = 'text';
  if (type === 'BOOLEAN') {
    kind = 'checkbox';
    input = h('input', Object.assign({ type: 'checkbox', checked: value === 'true' || value === '1' || value === 'yes' }, common));
  } else if (type === 'SELECT' || type === 'CHOICE') {
    kind = 'select';
    const opts = spec.options || [];
    const known = opts.some((o) => String(o.value) === value);
    input = h('select', Object.assign({ required: !!spec.required }, common),
      h('option', { value: '' }, spec.required ? 'Choose…' : '—'),
      (!known && value !== '') ? h('option', { value }, `${value} (current value)`) : null,
      opts.map((o) => h('option', { value: String(o.value) }, o.label === undefined || o.label === null ? String(o.value) : String(o.label))));
    input.value = value;
  } else if (type === 'TEXTAREA' || type === 'LONG_TEXT' || type === 'MULTILINE') {
    input = h('textarea', Object.assign({ rows: 3, required: !!spec.required, maxlength: spec.maxLength > 0 ? spec.maxLength : false }, common));
    input.value = value;
  } else {
    const htmlType = {
      EMAIL: 'email', PHONE: 'tel', DATE: 'date', URL: 'url', SECRET: 'password',
      NUMBER: 'text', DECIMAL: 'text', MONEY: 'text', INTEGER: 'text',
    }[type] || 'text';
    const attrs = { type: htmlType, required: !!spec.required, maxlength: spec.maxLength > 0 ? spec.maxLength : false };
    if (['NUMBER', 'DECIMAL', 'MONEY', 'INTEGER'].includes(type)) attrs.inputmode = 'decimal';
    if (type === 'SECRET') { attrs.autocomplete = 'off'; attrs.spellcheck = 'false'; }
    if (type === 'DATE' && value && !/^\d{4}-\d{2}-\d{2}$/.test(value)) attrs.type = 'text'; // keep odd values visible
    input = h('input', Object.assign(attrs, common));
    input.value = value;
  }
  const label = h('label', { for: id }, spec.label || spec.key, spec.required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null);
  const help = h('div', { class: 'help', id: helpId },
    spec.helpText ? h('span', null, spec.helpText) : null,
    spec.helpLink ? [' ', h('a', { href: spec.helpLink, target: '_blank', rel: 'noopener noreferrer', testid: 'help-link' }, spec.helpLinkLabel || 'Where do I find my API key?')] : null);
  const error = h('div', { class: 'field-error', id: errorId, testid: `field-error-${spec.key}`, hidden: true });
  let row;
  if (kind === 'checkbox') {
    row = h('div', { class: 'field field-checkbox' }, h('div', { class: 'checkbox-line' }, input, label), help, error);
  } else {
    row = h('div', { class: 'field' }, label, input, help, error);
  }
  if (!spec.helpText && !spec.helpLink) help.hidden = true;
  return {
    key: spec.key, row, input, error,
    getValue() { return kind === 'checkbox' ? (input.checked ? 'true' : 'false') : input.value; },
    setValue(value) {
      if (kind === 'checkbox') input.checked = value === 'true'; else input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    setError(msg) {
      error.textContent = msg || '';
      error.hidden = !msg;
      row.classList.toggle('has-error', !!msg);
      if (msg) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
    },
  };
}

/** Applies field errors to the built fields; returns the messages that matched no field. */
export function applyFieldErrors(fields, fieldErrors) {
  fields.forEach((f) => f.setError(null));
  const unmatched = [];
  let first = null;
  for (const fe of fieldErrors || []) {
    const f = fields.find((x) => x.key === fe.field);
    if (f) {
      f.setError(f.error.hidden ? fe.message : `${f.error.textContent} ${fe.message}`);
      if (!first) first = f;
    } else {
      unmatched.push(fe.field ? `${fe.field}: ${fe.message}` : fe.message);
    }
  }
  if (first) first.input.focus();
  return unmatched;
}

/** Human message for an API error, including the retry delay for 429. */
export function errorMessage(err) {
  let msg = err.message || 'Something went wrong.';
  if (err.retryAfterSeconds !== null && err.retryAfterSeconds !== undefined) {
    msg += ` Try again in ${err.retryAfterSeconds} second${err.retryAfterSeconds === 1 ? '' : 's'}.`;
  }
  return msg;
}
