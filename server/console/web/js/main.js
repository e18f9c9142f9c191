// The console's shell: sign-in, navigation by role, language, live status; one view at a time.
import { ApiError, setUnauthenticatedHandler } from './api.js';
import { clear, h, replace, toast } from './dom.js';
import { LANGUAGES, currentLang, initI18n, onLanguageChange, setLanguage, t, translateStatic } from './i18n.js';
import { isLive, onLiveStatus, onTopic, startLive, stopLive } from './live.js';
import { forget, resume, session, signOut } from './session.js';
import { renderSignIn } from './views/signin.js';

/** Screens in navigation order; `admin` ones are hidden from dispatchers. */
const SCREENS = [
    { id: 'dispatch', label: 'nav.dispatch', load: () => import('./views/dispatch.js') },
    { id: 'devices', label: 'nav.devices', load: () => import('./views/devices.js') },
    { id: 'sync-issues', label: 'nav.syncIssues', load: () => import('./views/syncissues.js') },
    { id: 'users', label: 'nav.users', admin: true, load: () => import('./views/users.js') },
    { id: 'case-types', label: 'nav.caseTypes', admin: true, load: () => import('./views/casetypes.js') },
    { id: 'data-pages', label: 'nav.dataPages', admin: true, load: () => import('./views/datapages.js') },
];

const view = document.getElementById('view');
const nav = document.getElementById('nav');
const sessionBox = document.getElementById('session');
let active = null; // { id, instance }
let renderToken = 0;

function allowedScreens() {
    const s = session();
    if (!s) return [];
    const roles = s.user.roles || [];
    return SCREENS.filter((sc) => (sc.admin ? roles.includes('admin') : roles.includes('admin') || roles.includes('dispatcher')));
}

function screenFromHash() {
    const id = location.hash.replace(/^#\/?/, '').split('/')[0];
    const allowed = allowedScreens();
    return allowed.find((s) => s.id === id) || allowed[0] || null;
}

function languagePicker() {
    const select = h('select', { 'aria-label': t('shell.language'), id: 'language' },
        LANGUAGES.map(([code, name]) => h('option', { value: code, selected: code === currentLang() }, name)));
    select.addEventListener('change', () => setLanguage(select.value));
    return select;
}

function renderChrome() {
    document.title = t('shell.title');
    translateStatic();
    document.getElementById('skip-link').textContent = t('shell.skip');
    document.getElementById('brand-name').textContent = t('shell.brand');
    nav.setAttribute('aria-label', t('shell.mainNav'));
    const s = session();
    const current = active ? active.id : null;
    replace(nav, allowedScreens().map((sc) => h('a', { href: `#/${sc.id}`, 'aria-current': sc.id === current ? 'page' : false, id: `nav-${sc.id}` }, t(sc.label))));
    if (!s) {
        replace(sessionBox);
        return;
    }
    const dot = h('span', { class: `live-dot ${isLive() ? 'on' : ''}`, role: 'img', 'aria-label': isLive() ? t('shell.live') : t('shell.notLive'), title: isLive() ? t('shell.live') : t('shell.notLive') });
    const roles = (s.user.roles || []).map((r) => t(`role.${r}`)).join(', ');
    replace(sessionBox,
        dot,
        h('span', { class: 'who' }, s.user.displayName || s.user.id, h('span', { class: 'muted' }, ` · ${roles}`)),
        languagePicker(),
        h('button', { type: 'button', class: 'small link', id: 'sign-out', onclick: doSignOut }, t('shell.signOut')));
}

async function doSignOut() {
    try {
        await signOut();
    } catch (e) {
        toast(e.message, 'bad');
    }
    stopLive();
    showSignIn();
}

function disposeActive() {
    if (active && active.instance && active.instance.dispose) active.instance.dispose();
    active = null;
}

function showSignIn(message) {
    disposeActive();
    forget();
    stopLive();
    document.body.classList.add('signed-out');
    renderChrome();
    renderSignIn(view, {
        message,
        languagePicker,
        onSignedIn: () => {
            document.body.classList.remove('signed-out');
            startLive();
            if (!screenFromHash() || !location.hash) location.hash = `#/${allowedScreens()[0].id}`;
            route();
        },
    });
}

async function route() {
    if (!session()) return;
    const screen = screenFromHash();
    if (!screen) {
        replace(view, h('p', { class: 'panel' }, t('shell.noAccess')));
        return;
    }
    if (location.hash !== `#/${screen.id}` && !location.hash.startsWith(`#/${screen.id}/`)) {
        history.replaceState(null, '', `#/${screen.id}`);
    }
    const token = ++renderToken;
    disposeActive();
    active = { id: screen.id, instance: null };
    renderChrome();
    replace(view, h('p', { class: 'loading', text: t('common.loading') }));
    try {
        const mod = await screen.load();
        if (token !== renderToken) return;
        clear(view);
        active.instance = (await mod.render(view, { params: location.hash.split('/').slice(2) })) || null;
    } catch (e) {
        if (token !== renderToken) return;
        replace(view, h('div', { class: 'panel', role: 'alert' }, e instanceof ApiError ? e.message : String(e)));
    }
}

async function boot() {
    // The catalog and the session are fetched side by side (early.js asked for the session, and the
    // first page of the screen the address names, before these modules started).
    const resumed = resume().then((s) => ({ s }), (e) => ({ e }));
    // The screen the address names starts loading too (route() then finds its module ready).
    const named = SCREENS.find((sc) => sc.id === location.hash.replace(/^#\/?/, '').split('/')[0]) || SCREENS[0];
    named.load().catch(() => {});
    await initI18n();
    setUnauthenticatedHandler(() => showSignIn(t('signin.expired')));
    onLanguageChange(() => {
        if (!session()) {
            showSignIn();
            return;
        }
        route();
    });
    onLiveStatus(() => renderChrome());
    onTopic((topic) => {
        if (active && active.instance && active.instance.onTopic) active.instance.onTopic(topic);
    });
    window.addEventListener('hashchange', () => {
        if (session()) route();
    });
    const { s, e } = await resumed;
    if (e) {
        showSignIn(e.message);
        return;
    }
    if (!s || allowedScreens().length === 0) {
        showSignIn();
        return;
    }
    startLive();
    route();
}

boot();
