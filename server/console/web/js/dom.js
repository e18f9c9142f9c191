// Small DOM helpers: elements are built in code (no innerHTML with data, no inline styles).
import { currentLang, t } from './i18n.js';

/**
 * h('button', { class: 'primary', onclick: fn, 'aria-label': '…' }, 'text', childNode)
 * Keys starting with "on" are listeners; `text` sets textContent; `dataset` sets data-*;
 * booleans set or drop the attribute; `value`, `checked`, `selected` are set as properties.
 */
export function h(tag, props = {}, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
        if (value === undefined || value === null || value === false) continue;
        if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
        else if (key === 'text') el.textContent = value;
        else if (key === 'dataset') Object.assign(el.dataset, value);
        else if (key === 'value' || key === 'checked' || key === 'selected' || key === 'indeterminate') el[key] = value;
        else if (value === true) el.setAttribute(key, '');
        else el.setAttribute(key, String(value));
    }
    append(el, children);
    return el;
}

function append(el, children) {
    for (const child of children.flat(Infinity)) {
        if (child === undefined || child === null || child === false) continue;
        el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
}

export function clear(el) {
    while (el.firstChild) el.firstChild.remove();
    return el;
}

export function replace(el, ...children) {
    clear(el);
    append(el, children);
    return el;
}

let uid = 0;
export function nextId(prefix = 'f') {
    uid += 1;
    return `${prefix}-${uid}`;
}

/** A labelled form field: { label, control, help?, error? } → .field with ids and ARIA wired. */
export function field(label, control, { help, name } = {}) {
    const id = control.id || nextId(name || 'field');
    control.id = id;
    const err = h('div', { class: 'error', id: `${id}-error`, 'aria-live': 'polite' });
    const parts = [h('label', { for: id, text: label }), control];
    const describedBy = [`${id}-error`];
    if (help) {
        parts.push(h('div', { class: 'help', id: `${id}-help`, text: help }));
        describedBy.push(`${id}-help`);
    }
    control.setAttribute('aria-describedby', describedBy.join(' '));
    parts.push(err);
    const wrap = h('div', { class: 'field' }, parts);
    wrap.setError = (message) => {
        err.textContent = message || '';
        if (message) control.setAttribute('aria-invalid', 'true');
        else control.removeAttribute('aria-invalid');
    };
    wrap.control = control;
    return wrap;
}

export function options(list, selected) {
    return list.map(([value, label]) => h('option', { value, selected: value === selected }, label));
}

const dateTime = new Map();
export function formatDateTime(iso) {
    if (!iso) return '—';
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return String(iso);
    const lang = currentLang();
    if (!dateTime.has(lang))
        dateTime.set(lang, new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }));
    return dateTime.get(lang).format(d);
}

/** "3 h ago", "2 d ago" from an ISO time. */
export function formatAge(iso, now = Date.now()) {
    if (!iso) return '—';
    const ms = now - new Date(iso).getTime();
    if (Number.isNaN(ms)) return String(iso);
    const minutes = Math.max(0, Math.round(ms / 60000));
    if (minutes < 1) return t('age.now');
    if (minutes < 60) return t('age.minutes', { n: minutes });
    const hours = Math.round(minutes / 60);
    if (hours < 48) return t('age.hours', { n: hours });
    return t('age.days', { n: Math.round(hours / 24) });
}

/** ISO string → value for <input type="datetime-local"> in local time. */
export function toLocalInput(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return '';
    const pad = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** <input type="datetime-local"> value → ISO 8601 UTC, or null when empty. */
export function fromLocalInput(value) {
    if (!value) return null;
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? null : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function toast(message, kind = '') {
    const box = document.getElementById('toasts');
    const el = h('div', { class: `toast ${kind}`, text: message });
    box.append(el);
    setTimeout(() => el.remove(), 5000);
}

export function chip(text, kind = '') {
    return h('span', { class: `chip ${kind}`, text });
}
