// What a reload asks for first, as early as the page can: index.html loads this module on its own
// (async, no imports), so while the other modules arrive and start, the session check and the first
// page of the screen the address names are already on their way. api.js takes those answers once.
// The screens build their first request with the same functions, so the two never differ.

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

export const CASES_PAGE = 50;
export const CASES_INITIAL = { q: '', status: '', queue: '', assignee: '*', caseType: '', dueFrom: '', dueTo: '', overdue: false, sort: 'updatedAt', order: 'desc', offset: 0 };

/** GET admin/cases for the dispatch list's state. */
export function casesQuery(state) {
    const p = { q: state.q, status: state.status, queue: state.queue, caseType: state.caseType, dueFrom: state.dueFrom ? `${state.dueFrom}T00:00:00Z` : '', dueTo: state.dueTo ? `${state.dueTo}T23:59:59Z` : '', sort: state.sort, order: state.order, offset: state.offset, limit: CASES_PAGE };
    if (state.overdue) p.overdue = 1;
    if (state.assignee !== '*') p.assignee = state.assignee;
    return withQuery('admin/cases', p, ['assignee']);
}

export const DEVICES_PAGE = 50;
export const DEVICES_INITIAL = { q: '', stuckHours: '24', stuckOnly: false, offset: 0 };

/** GET admin/devices for the device list's state (paged on the server, stuck devices first). */
export function devicesQuery({ q, stuckHours, stuckOnly, offset }) {
    return withQuery('admin/devices', { q, stuckHours, stuck: stuckOnly ? 1 : '', offset, limit: DEVICES_PAGE });
}

// Whether this browser signed in and has not signed out (session.js keeps the mark): only then is
// the HttpOnly cookie worth asking about.
export const SIGNED_IN_MARK = 'outpost.console.signedIn';

export function signedInMarked() {
    try {
        return localStorage.getItem(SIGNED_IN_MARK) !== null && localStorage.getItem(SIGNED_IN_MARK) !== '0';
    } catch {
        return true; // private mode: every load asks
    }
}

export function send(method, path, headers, payload) {
    return fetch(`/api/v1/${path}`, { method, headers, body: payload, credentials: 'same-origin', cache: 'no-store' });
}

const early = new Map(); // path → { at, response: Promise<Response> }
const EARLY_FRESH_MS = 5000;

/** Starts GET `path` now; the next api('GET', path) within a few seconds takes its answer. */
export function prefetch(path) {
    if (!early.has(path)) early.set(path, { at: performance.now(), response: send('GET', path, { Accept: 'application/json' }) });
}

/** The answer prefetched for GET `path`, once, while fresh; otherwise null. */
export function takeEarly(method, path) {
    if (method !== 'GET' || !early.has(path)) return null;
    const e = early.get(path);
    early.delete(path);
    return performance.now() - e.at < EARLY_FRESH_MS ? e.response : null;
}

/** Drops every prefetched answer (the session changed: they were asked as someone else). */
export function forgetPrefetched() {
    early.clear();
}

const FIRST_PAGES = { dispatch: () => casesQuery(CASES_INITIAL), devices: () => devicesQuery(DEVICES_INITIAL) };

if (signedInMarked()) {
    prefetch('console/session');
    const id = location.hash.replace(/^#\/?/, '').split('/')[0] || 'dispatch';
    if (FIRST_PAGES[id]) prefetch(FIRST_PAGES[id]());
}
