// Translations: flat JSON catalogs (i18n/en.json, de.json, fr.json), chosen from the saved choice
// or the browser's languages, switchable at any time. English is the fallback for a missing key.
export const LANGUAGES = [
    ['en', 'English'],
    ['de', 'Deutsch'],
    ['fr', 'Français'],
];
const STORAGE_KEY = 'outpost.console.lang';
let lang = 'en';
let catalog = {};
let fallback = {};
const listeners = new Set();

async function load(code) {
    // Beside the modules (below /console/v/<version>/ when index.html named them so): cached with them.
    const res = await fetch(new URL(`../i18n/${code}.json`, import.meta.url), { credentials: 'same-origin' });
    if (!res.ok) throw new Error(`catalog ${code}: HTTP ${res.status}`);
    return res.json();
}

export function preferredLanguage() {
    let saved = null;
    try {
        saved = localStorage.getItem(STORAGE_KEY);
    } catch {
        saved = null;
    }
    const codes = LANGUAGES.map(([c]) => c);
    if (saved && codes.includes(saved)) return saved;
    for (const l of navigator.languages || [navigator.language || 'en']) {
        const base = String(l).toLowerCase().split('-')[0];
        if (codes.includes(base)) return base;
    }
    return 'en';
}

export async function initI18n() {
    fallback = await load('en');
    await setLanguage(preferredLanguage(), { save: false });
}

export async function setLanguage(code, { save = true } = {}) {
    catalog = code === 'en' ? fallback : await load(code);
    lang = code;
    document.documentElement.lang = code;
    if (save) {
        try {
            localStorage.setItem(STORAGE_KEY, code);
        } catch {
            /* private mode: the choice lasts for this page */
        }
    }
    for (const fn of listeners) fn(code);
}

export function onLanguageChange(fn) {
    listeners.add(fn);
    return () => listeners.delete(fn);
}

export function currentLang() {
    return lang;
}

/** t('devices.count', { n: 3 }) → catalog text with {n} filled in; the key itself if unknown. */
export function t(key, params = {}) {
    let text = catalog[key] ?? fallback[key] ?? key;
    for (const [name, value] of Object.entries(params)) text = text.split(`{${name}}`).join(String(value));
    return text;
}

/** Elements with data-i18n="key" get their text from the catalog (static parts of index.html). */
export function translateStatic(root = document) {
    for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
}
