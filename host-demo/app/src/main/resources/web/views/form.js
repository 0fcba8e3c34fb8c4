// Shared form-field rendering for draft fields (export dialog) and setting fields (connect form).
import { h, nextId } from '../dom.js';
import { formatDate, exampleDate, parseDate, countryName, countryFromText, searchCountries, normalisePhone } from '../locale.js';

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
  } else if (type === 'COUNTRY') {
    kind = 'country';
    input = countryCombobox(Object.assign({ required: !!spec.required }, common), value);
  } else if (type === 'TEXTAREA' || type === 'LONG_TEXT' || type === 'MULTILINE') {
    input = h('textarea', Object.assign({ rows: 3, required: !!spec.required, maxlength: spec.maxLength > 0 ? spec.maxLength : false }, common));
    input.value = value;
  } else if (type === 'DATE') {
    // A text box in the app's own date format (the native date input would show a third format).
    kind = 'date';
    input = h('input', Object.assign({ type: 'text', required: !!spec.required, autocomplete: 'off', inputmode: 'text' }, common));
    input.value = value && parseDate(value) ? formatDate(value) : value;
  } else {
    const htmlType = {
      EMAIL: 'email', PHONE: 'tel', URL: 'url', SECRET: 'password',
      NUMBER: 'text', DECIMAL: 'text', MONEY: 'text', INTEGER: 'text',
    }[type] || 'text';
    const attrs = { type: htmlType, required: !!spec.required, maxlength: spec.maxLength > 0 ? spec.maxLength : false };
    if (['NUMBER', 'DECIMAL', 'MONEY', 'INTEGER'].includes(type)) attrs.inputmode = 'decimal';
    if (type === 'SECRET') { attrs.autocomplete = 'off'; attrs.spellcheck = 'false'; }
    if (type === 'EMAIL') attrs.spellcheck = 'false';
    if (type === 'PHONE') { kind = 'phone'; attrs.autocomplete = 'tel'; }
    input = h('input', Object.assign(attrs, common));
    // A phone number is shown as it will be sent (E.164) when it can be read without a country.
    const e164 = kind === 'phone' ? normalisePhone(value) : null;
    input.value = e164 && e164.startsWith('+') ? e164 : value;
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
    row = h('div', { class: 'field' + (kind === 'country' ? ' field-combo' : '') }, label, input, input.comboList || null, help, error);
  }
  const hint = KIND_HINTS[kind] ? h('span', { class: 'kind-hint' }, KIND_HINTS[kind]()) : null;
  if (hint) help.prepend(hint, spec.helpText ? ' ' : '');
  if (!spec.helpText && !spec.helpLink && !hint) help.hidden = true;
  const field = {
    key: spec.key, kind, row, input, error, label: spec.label || spec.key, required: !!spec.required,
    initial: null,
    getValue() {
      if (kind === 'checkbox') return input.checked ? 'true' : 'false';
      if (kind === 'country') return input.dataset.code || '';
      if (kind === 'date') { const iso = parseDate(input.value); return iso === null ? input.value.trim() : iso; }
      if (kind === 'phone') { const p = normalisePhone(input.value); return p === null ? input.value.trim() : p; }
      return input.value;
    },
    /** What the browser can tell before anything is sent, as a sentence; null when the value looks right. */
    check() {
      const raw = kind === 'checkbox' ? '' : String(input.value || '').trim();
      if (kind === 'date' && raw && parseDate(raw) === null) return `Enter a date such as ${exampleDate()}.`;
      if (kind === 'country' && raw && !input.dataset.code) return 'Choose a country from the list.';
      if (kind === 'phone' && raw && normalisePhone(raw) === null) return 'Enter a phone number with its country code, such as +34 600 000 000.';
      return null;
    },
    /** Puts a value (as the API has it) back into the control, as if typed: "Reset to ATS values". */
    setValue(value) {
      const v = value === null || value === undefined ? '' : String(value);
      if (kind === 'checkbox') input.checked = v === 'true';
      else if (kind === 'country') {
        const known = countryFromText(v);
        input.value = known ? countryName(known) : v;
        if (known) input.dataset.code = known; else delete input.dataset.code;
      } else if (kind === 'date') input.value = v && parseDate(v) ? formatDate(v) : v;
      else input.value = v;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
      if (kind === 'country') { if (countryFromText(v)) input.dataset.code = countryFromText(v); }
    },
    setError(msg) {
      error.textContent = msg || '';
      error.hidden = !msg;
      row.classList.toggle('has-error', !!msg);
      if (msg) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
    },
  };
  // Dates and phone numbers are shown in their clean form as soon as the person leaves the box.
  if (kind === 'date' || kind === 'phone') {
    input.addEventListener('blur', () => {
      const problem = field.check();
      field.setError(problem);
      if (problem || !input.value.trim()) return;
      input.value = kind === 'date' ? formatDate(parseDate(input.value)) : field.getValue();
    });
  }
  field.initial = field.getValue();
  return field;
}

const KIND_HINTS = {
  date: () => `For example ${exampleDate()}.`,
  phone: () => 'With the country code, such as +34 600 000 000.',
  country: () => 'Type to search, then choose from the list.',
};

/**
 * A searchable list of countries (ARIA 1.2 combobox): the box shows the name in the browser's language,
 * the value sent is the ISO code (kept in data-code).
 */
function countryCombobox(attrs, code) {
  const listId = attrs.id + '-list';
  const input = h('input', Object.assign({ type: 'text', role: 'combobox', autocomplete: 'off', spellcheck: 'false',
    'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId }, attrs));
  const list = h('ul', { class: 'combo-list', id: listId, role: 'listbox', hidden: true, 'aria-label': 'Countries',
    testid: `${attrs['data-testid'] || attrs.testid}-options` });
  let shown = [];
  let active = -1;
  const set = (c) => {
    if (c) { input.value = c.name || countryName(c.code); input.dataset.code = c.code; } else { delete input.dataset.code; }
  };
  if (code) {
    const known = countryFromText(code);
    input.value = known ? countryName(known) : code;
    if (known) input.dataset.code = known;
  }
  const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); active = -1; };
  const highlight = (i) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0 && list.children[i]) {
      input.setAttribute('aria-activedescendant', list.children[i].id);
      list.children[i].scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const open = (text) => {
    shown = searchCountries(text).slice(0, 60);
    list.replaceChildren(...shown.map((c, i) => h('li', { role: 'option', id: `${listId}-${c.code}`, 'aria-selected': 'false',
      dataset: { code: c.code }, onmousedown: (e) => { e.preventDefault(); set(c); close(); input.dispatchEvent(new Event('change', { bubbles: true })); } },
    c.name, h('span', { class: 'muted' }, ` ${c.code}`))));
    if (shown.length === 0) list.replaceChildren(h('li', { class: 'muted combo-empty', role: 'presentation' }, 'No country matches.'));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight(shown.length && text ? 0 : -1);
  };
  input.addEventListener('input', () => { delete input.dataset.code; const exact = countryFromText(input.value); if (exact) input.dataset.code = exact; open(input.value); });
  input.addEventListener('keydown', (e) => {
    if (input.readOnly || input.disabled) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (list.hidden) { open(input.dataset.code ? '' : input.value); return; }
      const n = shown.length;
      if (n) highlight(e.key === 'ArrowDown' ? (active + 1) % n : (active - 1 + n) % n);
    } else if (e.key === 'Enter' && !list.hidden && active >= 0) {
      e.preventDefault();
      set(shown[active]); close();
      input.dispatchEvent(new Event('change', { bubbles: true }));
    } else if (e.key === 'Escape' && !list.hidden) {
      e.preventDefault(); e.stopPropagation(); close();
    }
  });
  input.addEventListener('blur', () => {
    close();
    const exact = countryFromText(input.value);
    if (exact) set({ code: exact });
  });
  input.comboList = list;
  return input;
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
