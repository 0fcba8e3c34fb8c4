// Fetch wrapper for the host-demo JSON API (see host-demo/API.md).
let csrfToken = null;
let onUnauthenticated = () => {};

export function setCsrfToken(token) { csrfToken = token; }
export function setUnauthenticatedHandler(fn) { onUnauthenticated = fn; }

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `Request failed (${status})`);
    this.status = status;
    this.code = (body && body.code) || 'http_' + status;
    this.fieldErrors = (body && Array.isArray(body.fieldErrors)) ? body.fieldErrors : [];
    this.retryAfterSeconds = body ? body.retryAfterSeconds : null;
    this.body = body;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * api(method, path, {body, raw, headers, quiet401})
 * body: JS value sent as JSON, or a Blob/File when raw is true.
 */
export async function api(method, path, opts = {}) {
  const headers = Object.assign({ 'Accept': 'application/json' }, opts.headers || {});
  const init = { method, headers, credentials: 'same-origin' };
  if (opts.body !== undefined) {
    if (opts.raw) {
      init.body = opts.body;
    } else {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(opts.body);
    }
  }
  if (STATE_CHANGING.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res;
  try {
    res = await fetch('/api' + path, init);
  } catch (e) {
    throw new ApiError(0, { code: 'network', message: 'Cannot reach the server. Check your connection and try again.' });
  }
  let data = null;
  if (res.status !== 204) {
    const text = await res.text();
    if (text) {
      try { data = JSON.parse(text); } catch (e) { data = { code: 'http_' + res.status, message: text.slice(0, 300) }; }
    }
  }
  if (!res.ok) {
    const err = new ApiError(res.status, data);
    if (res.status === 401 && !opts.quiet401) onUnauthenticated(err);
    throw err;
  }
  return data;
}

export function qs(params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  }
  const s = u.toString();
  return s ? '?' + s : '';
}

export function enc(s) { return encodeURIComponent(String(s)); }
