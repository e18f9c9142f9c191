// A data table: caption for screen readers, sortable headers (buttons with aria-sort), an empty
// state, optional row selection with a header checkbox, per-row classes (e.g. "stuck").
import { h, replace } from './dom.js';
import { currentLang, t } from './i18n.js';

/**
 * columns: [{ key, label, render(row) → node|text, sortKey?, className? }]
 * options: { caption, rowKey(row), rowClass(row), selectable, selected: Set, onSelect(),
 *            sort: { key, order }, onSort(key), empty }
 */
export function dataTable(columns, rows, options = {}) {
    const { caption, rowKey = (r) => r.id, rowClass, selectable = false, selected = new Set(), onSelect, sort, onSort, empty } = options;
    const head = [];
    let all = null;
    if (selectable) {
        const keys = rows.map(rowKey);
        const count = keys.filter((k) => selected.has(k)).length;
        all = h('input', { type: 'checkbox', 'aria-label': t('table.selectAll'), checked: count > 0 && count === keys.length, indeterminate: count > 0 && count < keys.length, id: 'select-all' });
        all.addEventListener('change', () => {
            for (const k of keys) {
                if (all.checked) selected.add(k);
                else selected.delete(k);
            }
            syncSelection();
            onSelect && onSelect();
        });
        head.push(h('th', { scope: 'col', class: 'select' }, all));
    }
    for (const col of columns) {
        let content = col.label;
        let ariaSort = false;
        if (col.sortKey && onSort) {
            const dir = sort && sort.key === col.sortKey ? sort.order : '';
            ariaSort = dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none';
            content = h('button', { type: 'button', class: 'sort', dataset: { dir }, onclick: () => onSort(col.sortKey) }, col.label);
        }
        head.push(h('th', { scope: 'col', class: col.className || '', 'aria-sort': ariaSort }, content));
    }
    const body = rows.map((row) => {
        const key = rowKey(row);
        const cells = [];
        if (selectable) {
            const box = h('input', { type: 'checkbox', 'aria-label': t('table.selectRow', { id: key }), checked: selected.has(key), dataset: { key } });
            box.addEventListener('change', () => {
                if (box.checked) selected.add(key);
                else selected.delete(key);
                syncSelection();
                onSelect && onSelect();
            });
            cells.push(h('td', { class: 'select' }, box));
        }
        for (const col of columns) cells.push(h('td', { class: col.className || '' }, col.render ? col.render(row) : row[col.key] ?? '—'));
        const cls = [rowClass ? rowClass(row) : '', selectable && selected.has(key) ? 'selected' : ''].join(' ').trim();
        return h('tr', { class: cls || false, dataset: { key } }, cells);
    });
    // Selecting updates the rows and the header's box in place: no redraw, so the keyboard's focus
    // stays on the box just toggled.
    function syncSelection() {
        let count = 0;
        for (const tr of table.tBodies[0].rows) {
            const on = selected.has(tr.dataset.key);
            tr.classList.toggle('selected', on);
            const box = tr.querySelector('td.select input');
            if (box) box.checked = on;
            if (on) count += 1;
        }
        if (all) {
            all.checked = count > 0 && count === rows.length;
            all.indeterminate = count > 0 && count < rows.length;
        }
    }
    const table = h('table', {},
        caption ? h('caption', { class: 'visually-hidden', text: caption }) : null,
        h('thead', {}, h('tr', {}, head)),
        h('tbody', {}, body));
    const wrap = h('div', { class: 'table-wrap' }, table);
    if (rows.length === 0) wrap.append(h('div', { class: 'empty', text: empty || t('table.empty') }));
    return wrap;
}

/** "1–50 of 50,000" with previous/next buttons. */
export function pager({ offset, limit, total, onPage }) {
    const fmt = new Intl.NumberFormat(currentLang());
    const from = total === 0 ? 0 : offset + 1;
    const to = Math.min(offset + limit, total);
    const prev = h('button', { type: 'button', id: 'page-prev', disabled: offset === 0, onclick: () => onPage(Math.max(0, offset - limit)) }, t('table.previous'));
    const next = h('button', { type: 'button', id: 'page-next', disabled: to >= total, onclick: () => onPage(offset + limit) }, t('table.next'));
    return h('div', { class: 'pager' },
        h('span', { id: 'page-status', 'aria-live': 'polite', text: t('table.range', { from: fmt.format(from), to: fmt.format(to), total: fmt.format(total) }) }),
        h('span', { class: 'spacer' }), prev, next);
}

export function updateInPlace(container, node) {
    replace(container, node);
}
