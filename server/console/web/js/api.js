// The console talks only to the documented HTTP API below /api/v1. The session is the HttpOnly
// cookie; every write carries the session's CSRF token (X-CSRF-Token).
import { send, takeEarly } from './early.js';

export { forgetPrefetched, withQuery } from './early.js';

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
        res = await (takeEarly(method, path) || send(method, path, headers, payload));
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
