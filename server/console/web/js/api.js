// The console talks only to the documented HTTP API below /api/v1. The session is the HttpOnly
// cookie; every write carries the session's CSRF token (X-CSRF-Token).
let csrfToken = null;
let onUnauthenticated = () => {};

export class ApiError extends Error {
    constructor(status, code, message, fields = {}) {
        super(message);
        this.status = status;
        this.code = code;
        this.fields = fields || {};
    }
}

export function setCsrfToken(token) {
    csrfToken = token;
}

export function setUnauthenticatedHandler(fn) {
    onUnauthenticated = fn;
}

/** Builds "admin/cases?status=Open&…" leaving out empty values (but keeping '' where asked). */
export function withQuery(path, params, keepEmpty = []) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
        if (v === undefined || v === null) continue;
        if (v === '' && !keepEmpty.includes(k)) continue;
        q.set(k, String(v));
    }
    const s = q.toString();
    return s ? `${path}?${s}` : path;
}

/**
 * api('GET', 'admin/devices') → parsed JSON. Options: { body, text: true (answer as text),
 * contentType (body sent as is), quiet401 }.
 */
export async function api(method, path, { body, text = false, contentType, quiet401 = false } = {}) {
    const headers = { Accept: text ? 'text/csv, */*' : 'application/json' };
    let payload;
    if (body !== undefined) {
        if (contentType) {
            headers['Content-Type'] = contentType;
            payload = body;
        } else {
            headers['Content-Type'] = 'application/json';
            payload = JSON.stringify(body);
        }
    }
    if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
    let res;
    try {
        res = await fetch(`/api/v1/${path}`, { method, headers, body: payload, credentials: 'same-origin', cache: 'no-store' });
    } catch (e) {
        throw new ApiError(0, 'unreachable', e.message || 'The server cannot be reached.');
    }
    if (res.ok) {
        if (res.status === 204) return null;
        return text ? res.text() : res.json();
    }
    let err = { code: `http_${res.status}`, message: res.statusText || `HTTP ${res.status}` };
    try {
        const parsed = await res.json();
        if (parsed && parsed.error) err = parsed.error;
        else if (parsed && parsed.errors) err = { ...err, errors: parsed.errors };
    } catch {
        /* not JSON */
    }
    const error = new ApiError(res.status, err.code, err.message, err.fields);
    error.body = err;
    if (res.status === 401 && !quiet401) onUnauthenticated(error);
    throw error;
}
