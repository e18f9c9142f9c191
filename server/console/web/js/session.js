// The console session (cookie + CSRF token): sign in, resume after a reload, sign out.
import { api, forgetPrefetched, setCsrfToken } from './api.js';
import { SIGNED_IN_MARK as MARK, signedInMarked as marked } from './early.js';

let current = null; // { user: {id, displayName, roles}, csrfToken, expiresAt }

function mark(on) {
    try {
        if (on) localStorage.setItem(MARK, '1');
        else localStorage.removeItem(MARK);
    } catch {
        /* private mode: every load asks */
    }
}

function adopt(body) {
    // Answers prefetched on a reload were asked with the cookie being resumed: keep them only then.
    if (!body || (current && body.user.id !== current.user.id)) forgetPrefetched();
    current = body;
    setCsrfToken(body ? body.csrfToken : null);
    mark(!!body);
    return current;
}

export function session() {
    return current;
}

export function hasRole(role) {
    return !!current && (current.user.roles || []).includes(role);
}

export function isAdmin() {
    return hasRole('admin');
}

export async function signIn(user, password) {
    forgetPrefetched();
    return adopt(await api('POST', 'console/session', { body: { user, password }, quiet401: true }));
}

/** The session the cookie carries, or null (no cookie, expired, revoked). */
export async function resume() {
    if (!marked()) return null;
    try {
        return adopt(await api('GET', 'console/session', { quiet401: true }));
    } catch (e) {
        if (e.status === 401 || e.status === 403 || e.status === 404) return adopt(null);
        throw e;
    }
}

export async function signOut() {
    try {
        await api('DELETE', 'console/session', { quiet401: true });
    } finally {
        adopt(null);
    }
}

export function forget() {
    adopt(null);
}
