// Dispatch: every case, paged on the server, with filters and search; create, assign, bulk assign,
// details. The list follows live "cases" hints.
import { api } from '../api.js';
import { CASES_INITIAL, CASES_PAGE as LIMIT, casesQuery } from '../early.js';
import { chip, field, formatDateTime, h, replace, toast } from '../dom.js';
import { t } from '../i18n.js';
import { dataTable, pager } from '../table.js';
import { caseTypeTitle, forgetCaseTypes, loadAssignees, loadCaseTypes, openAssignDialog, openCaseDetails, openCreateCase, statusKind, statusLabel } from './casedialogs.js';

export async function render(container) {
    const state = { ...CASES_INITIAL };
    const selected = new Set();
    let data = { cases: [], total: 0 };
    let seq = 0;
    let disposed = false;
    const seen = { statuses: new Set(), caseTypes: new Set() };

    const listBox = h('div', { id: 'case-list', 'aria-busy': 'true' });
    const selectionBar = h('div', { class: 'selection-bar hidden', id: 'selection-bar' });
    const statusList = h('datalist', { id: 'status-options' });
    const typeList = h('datalist', { id: 'casetype-options' });

    const q = h('input', { type: 'search', id: 'filter-q', placeholder: t('dispatch.searchHint') });
    const status = h('input', { id: 'filter-status', list: 'status-options', size: 12 });
    const caseType = h('input', { id: 'filter-casetype', list: 'casetype-options', size: 12 });
    const queue = h('select', { id: 'filter-queue' }, h('option', { value: '' }, t('common.any')));
    const assignee = h('select', { id: 'filter-assignee' },
        h('option', { value: '*' }, t('common.any')), h('option', { value: '' }, t('dispatch.unassigned')));
    const dueFrom = h('input', { type: 'date', id: 'filter-due-from' });
    const dueTo = h('input', { type: 'date', id: 'filter-due-to' });
    const overdue = h('input', { type: 'checkbox', id: 'filter-overdue' });

    // The pickers fill in when the assignees arrive; the first page of cases does not wait for them.
    const people = { users: [], queues: [] };
    const pickers = loadAssignees().then((p) => {
        Object.assign(people, p);
        for (const qu of people.queues) queue.append(h('option', { value: qu }, qu));
        for (const u of people.users) assignee.append(h('option', { value: u.id }, `${u.displayName} (${u.id})`));
    }).catch(() => {});

    // Case type titles and status labels in the console's language: the rows show names until
    // they arrive, then are drawn again.
    let types = null;
    const loadTypes = () => loadCaseTypes().then((m) => {
        types = m;
        if (!disposed && data.cases.length) {
            drawOptions();
            draw();
        }
    }).catch(() => {});
    loadTypes();

    let typing = null;
    const changed = (immediate) => {
        clearTimeout(typing);
        const apply = () => {
            Object.assign(state, { q: q.value.trim(), status: status.value.trim(), caseType: caseType.value.trim(), queue: queue.value, assignee: assignee.value, dueFrom: dueFrom.value, dueTo: dueTo.value, overdue: overdue.checked, offset: 0 });
            selected.clear();
            load();
        };
        if (immediate) apply();
        else typing = setTimeout(apply, 250);
    };
    q.addEventListener('input', () => changed(false));
    q.addEventListener('keydown', (e) => e.key === 'Enter' && changed(true));
    for (const el of [status, caseType]) el.addEventListener('change', () => changed(true));
    for (const el of [queue, assignee, dueFrom, dueTo, overdue]) el.addEventListener('change', () => changed(true));

    const toolbar = h('div', { class: 'toolbar', role: 'search', 'aria-label': t('dispatch.filters') },
        field(t('dispatch.search'), q),
        field(t('dispatch.status'), status),
        field(t('dispatch.queue'), queue),
        field(t('dispatch.assignee'), assignee),
        field(t('dispatch.caseType'), caseType),
        field(t('dispatch.dueFrom'), dueFrom),
        field(t('dispatch.dueTo'), dueTo),
        h('label', { class: 'check', for: 'filter-overdue' }, overdue, t('dispatch.overdueOnly')),
        h('span', { class: 'spacer' }),
        h('button', { type: 'button', id: 'filter-clear', onclick: clearFilters }, t('dispatch.clearFilters')));

    function clearFilters() {
        for (const el of [q, status, caseType, dueFrom, dueTo]) el.value = '';
        queue.value = '';
        assignee.value = '*';
        overdue.checked = false;
        changed(true);
    }

    const newCase = h('button', { type: 'button', class: 'primary', id: 'new-case', onclick: async () => {
        const created = await openCreateCase(people);
        if (created) {
            toast(t('dispatch.created', { id: created.id }));
            load();
        }
    } }, t('dispatch.newCase'));

    replace(container,
        h('div', { class: 'page-head' }, h('h1', { text: t('nav.dispatch') }), newCase),
        toolbar, statusList, typeList, selectionBar, listBox);

    async function load() {
        const mine = ++seq;
        listBox.setAttribute('aria-busy', 'true');
        try {
            const answer = await api('GET', casesQuery(state));
            if (mine !== seq || disposed) return;
            data = answer;
            for (const c of data.cases) {
                seen.statuses.add(c.status);
                seen.caseTypes.add(c.caseType);
            }
            drawOptions();
            draw();
            listBox.dataset.loads = String(Number(listBox.dataset.loads || 0) + 1); // tests and bench wait on it
        } catch (e) {
            if (mine !== seq || disposed) return;
            replace(listBox, h('div', { class: 'panel', role: 'alert', text: e.status === 404 ? t('common.notAvailable', { message: e.message }) : e.message }));
        } finally {
            if (mine === seq) listBox.setAttribute('aria-busy', 'false');
        }
    }

    // The filters take names; the options show them in people's words too.
    function drawOptions() {
        const typeOf = (s) => [...seen.caseTypes].find((ct) => types && types.get(ct)?.statusLabels?.[s]) || '';
        replace(statusList, [...seen.statuses].sort().map((s) => h('option', { value: s }, statusLabel(types, typeOf(s), s))));
        replace(typeList, [...seen.caseTypes].sort().map((s) => h('option', { value: s }, caseTypeTitle(types, s))));
    }

    function drawSelection() {
        selectionBar.classList.toggle('hidden', selected.size === 0);
        replace(selectionBar,
            h('span', { id: 'selection-count', text: t('dispatch.selected', { n: selected.size }) }),
            h('button', { type: 'button', class: 'primary small', id: 'assign-selected', onclick: async () => {
                const r = await openAssignDialog(people, [...selected]);
                if (r) {
                    toast(t('dispatch.assignedMany', { n: r.updated ?? selected.size }));
                    selected.clear();
                    load();
                }
            } }, t('dispatch.assignSelected')),
            h('button', { type: 'button', class: 'small', onclick: () => {
                selected.clear();
                draw();
            } }, t('dispatch.clearSelection')));
    }

    function who(c) {
        if (c.assignee) return c.assignee;
        if (c.queue) return h('span', {}, chip(t('dispatch.queueChip', { queue: c.queue }), 'info'));
        return h('span', { class: 'muted', text: t('dispatch.unassigned') });
    }

    function draw() {
        const columns = [
            { label: t('dispatch.col.id'), sortKey: 'id', className: 'nowrap', render: (c) => h('button', { type: 'button', class: 'linklike open-case', dataset: { id: c.id }, onclick: () => openCaseDetails(c.id, people, load) }, c.id) },
            { label: t('dispatch.col.title'), sortKey: 'title', render: (c) => h('span', {}, c.title || '—', c.instructions ? h('span', { class: 'sub', text: c.instructions }) : null) },
            { label: t('dispatch.col.caseType'), render: (c) => h('span', { title: c.caseType }, caseTypeTitle(types, c.caseType)) },
            { label: t('dispatch.col.status'), sortKey: 'status', render: (c) => h('span', { title: c.status }, chip(statusLabel(types, c.caseType, c.status), statusKind(c.status))) },
            { label: t('dispatch.col.assignee'), render: who },
            { label: t('dispatch.col.due'), sortKey: 'dueAt', className: 'nowrap', render: (c) => (c.dueAt ? h('span', { class: c.overdue ? 'overdue' : '' }, formatDateTime(c.dueAt), c.overdue ? h('span', { class: 'sub', text: t('dispatch.overdue') }) : null) : '—') },
            { label: t('dispatch.col.updated'), sortKey: 'updatedAt', className: 'nowrap', render: (c) => formatDateTime(c.updatedAt) },
            { label: t('common.actions'), render: (c) => h('button', { type: 'button', class: 'small assign-one', dataset: { id: c.id }, onclick: async () => {
                const r = await openAssignDialog(people, [c.id], c);
                if (r) {
                    toast(t('dispatch.assigned', { id: c.id }));
                    load();
                }
            } }, c.assignee || c.queue ? t('dispatch.reassign') : t('dispatch.assign')) },
        ];
        replace(listBox,
            dataTable(columns, data.cases, {
                caption: t('nav.dispatch'),
                selectable: true,
                selected,
                onSelect: drawSelection,
                sort: { key: state.sort, order: state.order },
                onSort: (key) => {
                    if (state.sort === key) state.order = state.order === 'asc' ? 'desc' : 'asc';
                    else Object.assign(state, { sort: key, order: key === 'updatedAt' || key === 'dueAt' ? 'desc' : 'asc' });
                    state.offset = 0;
                    load();
                },
                empty: t('dispatch.empty'),
            }),
            pager({ offset: state.offset, limit: LIMIT, total: data.total, onPage: (o) => {
                state.offset = o;
                load();
            } }));
        drawSelection();
    }

    await Promise.all([load(), pickers]);
    return {
        onTopic(topic) {
            if (topic === 'cases') load();
            if (topic === 'caseTypes') {
                forgetCaseTypes();
                loadTypes();
            }
        },
        dispose() {
            disposed = true;
        },
    };
}
