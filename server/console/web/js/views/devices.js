// Devices: every device that signed in, stuck ones first and marked; per device full sync, sign
// out everywhere, wipe, retire (each confirmed). Follows live "devices" hints.
import { api } from '../api.js';
import { DEVICES_INITIAL, DEVICES_PAGE as PAGE, devicesQuery } from '../early.js';
import { chip, field, formatAge, formatDateTime, h, replace, toast } from '../dom.js';
import { currentLang, t } from '../i18n.js';
import { confirmDialog, openDialog } from '../dialog.js';
import { dataTable, pager } from '../table.js';

// Rows per page (DEVICES_PAGE) are paged on the server, stuck devices first: 5,000 rows would be a
// 1.7 MB answer and seconds of layout.

const ACTIONS = [
    { id: 'full-sync', label: 'devices.fullSync', confirm: 'devices.confirmFullSync', done: 'devices.doneFullSync' },
    { id: 'sign-out', label: 'devices.signOut', confirm: 'devices.confirmSignOut', done: 'devices.doneSignOut' },
    { id: 'retire', label: 'devices.retire', confirm: 'devices.confirmRetire', done: 'devices.doneRetire', danger: true },
    { id: 'wipe', label: 'devices.wipe', confirm: 'devices.confirmWipe', done: 'devices.doneWipe', danger: true },
];

export function deviceState(d) {
    if (d.wipeState) {
        const kind = { wipePending: 'bad', retirePending: 'warn', wiped: '', retired: '' }[d.wipeState] ?? 'bad';
        return chip(t(`devices.state.${d.wipeState}`), kind);
    }
    if (d.stuck) return chip(t('devices.stuck'), 'warn');
    if (d.lastSyncError) return chip(t('devices.error'), 'bad');
    if (!d.lastSyncAt) return chip(t('devices.neverSynced'), '');
    return chip(t('devices.ok'), 'ok');
}

export async function render(container) {
    let devices = [];
    let counts = { total: 0, matching: 0, stuckTotal: 0 };
    let offset = 0;
    let seq = 0;
    let disposed = false;
    const q = h('input', { type: 'search', id: 'device-q', placeholder: t('devices.searchHint') });
    const hours = h('input', { type: 'number', id: 'device-stuck-hours', min: 1, max: 8760, value: DEVICES_INITIAL.stuckHours, size: 5 });
    const stuckOnly = h('input', { type: 'checkbox', id: 'device-stuck-only' });
    const summary = h('span', { id: 'device-summary', class: 'muted', 'aria-live': 'polite' });
    const listBox = h('div', { id: 'device-list' });
    let typing = null;
    q.addEventListener('input', () => {
        clearTimeout(typing);
        offset = 0;
        typing = setTimeout(load, 250);
    });
    hours.addEventListener('change', () => {
        offset = 0;
        load();
    });
    stuckOnly.addEventListener('change', () => {
        offset = 0;
        load();
    });
    replace(container,
        h('div', { class: 'page-head' }, h('h1', { text: t('nav.devices') }), summary),
        h('div', { class: 'toolbar', role: 'search', 'aria-label': t('devices.filters') },
            field(t('devices.search'), q), field(t('devices.stuckHours'), hours),
            h('label', { class: 'check', for: 'device-stuck-only' }, stuckOnly, t('devices.stuckOnly')),
            h('span', { class: 'spacer' }),
            h('button', { type: 'button', onclick: load }, t('common.refresh'))),
        listBox);

    async function load() {
        const mine = ++seq;
        try {
            const answer = await api('GET', devicesQuery({ q: q.value.trim(), stuckHours: hours.value, stuckOnly: stuckOnly.checked, offset }));
            if (mine !== seq || disposed) return;
            devices = answer.devices || [];
            counts = { total: answer.total, matching: answer.matching, stuckTotal: answer.stuckTotal };
            if (devices.length === 0 && offset > 0 && counts.total > 0) {
                offset = 0;
                load();
                return;
            }
            draw();
            listBox.dataset.loads = String(Number(listBox.dataset.loads || 0) + 1); // tests and bench wait on it
        } catch (e) {
            if (mine !== seq || disposed) return;
            replace(listBox, h('div', { class: 'panel', role: 'alert', text: e.status === 404 ? t('common.notAvailable', { message: e.message }) : e.message }));
        }
    }

    async function act(d, action) {
        const ok = await confirmDialog({ title: t(action.label), message: t(action.confirm, { device: d.deviceName || d.deviceId, user: d.user }), confirmLabel: t(action.label), danger: !!action.danger });
        if (!ok) return;
        try {
            await api('POST', `admin/devices/${encodeURIComponent(d.deviceId)}/${action.id}`, { body: {} });
            toast(t(action.done, { device: d.deviceName || d.deviceId }));
            load();
        } catch (e) {
            toast(e.message, 'bad');
        }
    }

    async function openActions(d) {
        const buttons = ACTIONS.map((a) => h('button', { type: 'button', class: a.danger ? 'danger' : '', id: `device-action-${a.id}`, onclick: (ev) => {
            ev.target.closest('dialog').close();
            act(d, a);
        } }, t(a.label)));
        await openDialog({
            title: t('devices.actionsFor', { device: d.deviceName || d.deviceId }),
            body: [h('dl', { class: 'kv' },
                [[t('devices.col.user'), d.user], [t('devices.col.device'), d.deviceId], [t('devices.col.lastSync'), formatDateTime(d.lastSyncAt)], [t('devices.col.pending'), String(d.pendingActions ?? 0)], [t('devices.col.error'), d.lastSyncError || '—']]
                    .flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })])),
            h('div', { class: 'toolbar' }, buttons)],
            submitLabel: t('common.close'),
            cancelLabel: t('common.cancel'),
        });
    }

    function draw() {
        const now = Date.now();
        const fmt = new Intl.NumberFormat(currentLang());
        summary.textContent = t('devices.summary', { n: fmt.format(counts.matching), stuck: fmt.format(counts.stuckTotal) });
        const columns = [
            { label: t('devices.col.user'), render: (d) => d.user },
            { label: t('devices.col.device'), render: (d) => h('span', {}, d.deviceName || '—', h('span', { class: 'sub', text: d.deviceId })) },
            { label: t('devices.col.app'), render: (d) => h('span', {}, d.appVersion || '—', h('span', { class: 'sub', text: d.os || '' })) },
            { label: t('devices.col.lastContact'), className: 'nowrap', render: (d) => formatAge(d.lastContactAt, now) },
            { label: t('devices.col.lastSync'), className: 'nowrap', render: (d) => formatAge(d.lastSyncAt, now) },
            { label: t('devices.col.pending'), className: 'num', render: (d) => h('span', {}, String(d.pendingActions ?? 0), d.oldestPendingAt ? h('span', { class: 'sub', text: t('devices.oldest', { age: formatAge(d.oldestPendingAt, now) }) }) : null) },
            { label: t('devices.col.error'), render: (d) => d.lastSyncError || '—' },
            { label: t('devices.col.schema'), className: 'num', render: (d) => (d.storeSchema ?? '—') },
            { label: t('devices.col.state'), render: deviceState },
            { label: t('common.actions'), render: (d) => h('button', { type: 'button', class: 'small device-actions', dataset: { device: d.deviceId }, 'aria-label': t('devices.actionsFor', { device: d.deviceName || d.deviceId }), onclick: () => openActions(d) }, t('devices.actions')) },
        ];
        replace(listBox,
            dataTable(columns, devices, { caption: t('nav.devices'), rowKey: (d) => d.deviceId, rowClass: (d) => (d.stuck ? 'stuck' : ''), empty: t('devices.empty') }),
            counts.total > PAGE ? pager({ offset, limit: PAGE, total: counts.total, onPage: async (o) => {
                offset = o;
                await load();
                listBox.scrollIntoView({ block: 'start' });
            } }) : null);
    }

    await load();
    return {
        onTopic(topic) {
            if (topic === 'devices') load();
        },
        dispose() {
            disposed = true;
        },
    };
}
