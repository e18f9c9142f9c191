// The console session (cookie + CSRF token): sign in, resume after a reload, sign out.
import { api, setCsrfToken } from './api.js';

let current = null; // { user: {id, displayName, roles}, csrfToken, expiresAt }

function adopt(body) {
    current = body;
    setCsrfToken(body ? body.csrfToken : null);
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
    return adopt(await api('POST', 'console/session', { body: { user, password }, quiet401: true }));
}

/** The session the cookie carries, or null (no cookie, expired, revoked). */
export async function resume() {
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
