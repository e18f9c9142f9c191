// Users (administrators): add, disable or enable (revokes sessions at once), reset a password,
// roles and queues. Follows live "users" hints.
import { api } from '../api.js';
import { chip, field, formatDateTime, h, replace, toast } from '../dom.js';
import { t } from '../i18n.js';
import { confirmDialog, openDialog } from '../dialog.js';
import { dataTable } from '../table.js';

const ROLES = ['technician', 'dispatcher', 'admin'];
const list = (s) => s.split(',').map((x) => x.trim()).filter(Boolean);

function roleBoxes(current = []) {
    const boxes = ROLES.map((r) => h('input', { type: 'checkbox', value: r, checked: current.includes(r), id: `role-${r}` }));
    const group = h('fieldset', { class: 'field' }, h('legend', { text: t('users.roles') }),
        boxes.map((b) => h('label', { class: 'check', for: b.id }, b, t(`role.${b.value}`))));
    const err = h('div', { class: 'error', 'aria-live': 'polite' });
    group.append(err);
    group.setError = (m) => (err.textContent = m || '');
    return { node: group, value: () => boxes.filter((b) => b.checked).map((b) => b.value) };
}

export async function render(container) {
    let seq = 0;
    let disposed = false;
    const listBox = h('div', { id: 'user-list' });
    replace(container, h('div', { class: 'page-head' }, h('h1', { text: t('nav.users') }),
        h('button', { type: 'button', class: 'primary', id: 'add-user', onclick: addUser }, t('users.add'))), listBox);

    async function load() {
        const mine = ++seq;
        try {
            const answer = await api('GET', 'admin/users');
            if (mine !== seq || disposed) return;
            draw(answer.users || []);
        } catch (e) {
            if (mine !== seq || disposed) return;
            replace(listBox, h('div', { class: 'panel', role: 'alert', text: e.message }));
        }
    }

    function fieldErrors(map) {
        return (errs) => {
            for (const [k, f] of Object.entries(map)) f.setError(errs[k] || '');
        };
    }

    async function addUser() {
        const id = h('input', { id: 'user-id', autocomplete: 'off', maxlength: 64 });
        const name = h('input', { id: 'user-name', maxlength: 200 });
        const password = h('input', { id: 'user-password', type: 'password', autocomplete: 'new-password' });
        const queues = h('input', { id: 'user-queues', placeholder: 'north, south' });
        const roles = roleBoxes(['technician']);
        const f = { id: field(t('users.id'), id), displayName: field(t('users.displayName'), name), password: field(t('users.password'), password, { help: t('users.passwordHelp') }), queues: field(t('users.queues'), queues, { help: t('users.queuesHelp') }), roles: roles.node };
        const r = await openDialog({
            title: t('users.add'),
            body: [f.id, f.displayName, f.password, roles.node, f.queues],
            submitLabel: t('users.add'),
            showFieldErrors: fieldErrors(f),
            onSubmit: () => api('POST', 'admin/users', { body: { id: id.value.trim(), displayName: name.value.trim(), password: password.value, roles: roles.value(), queues: list(queues.value) } }),
        });
        if (r) {
            toast(t('users.added', { id: id.value.trim() }));
            load();
        }
    }

    async function edit(u) {
        const name = h('input', { id: 'user-name', value: u.displayName || '' });
        const queues = h('input', { id: 'user-queues', value: (u.queues || []).join(', ') });
        const roles = roleBoxes(u.roles || []);
        const f = { displayName: field(t('users.displayName'), name), queues: field(t('users.queues'), queues, { help: t('users.queuesHelp') }), roles: roles.node };
        const r = await openDialog({
            title: t('users.editTitle', { id: u.id }),
            body: [f.displayName, roles.node, f.queues],
            submitLabel: t('common.save'),
            showFieldErrors: fieldErrors(f),
            onSubmit: () => api('PATCH', `admin/users/${encodeURIComponent(u.id)}`, { body: { displayName: name.value.trim(), roles: roles.value(), queues: list(queues.value) } }),
        });
        if (r) load();
    }

    async function resetPassword(u) {
        const password = h('input', { id: 'user-password', type: 'password', autocomplete: 'new-password' });
        const f = { password: field(t('users.newPassword'), password, { help: t('users.passwordHelp') }) };
        const r = await openDialog({
            title: t('users.resetTitle', { id: u.id }),
            body: [f.password, h('p', { class: 'muted', text: t('users.resetNote') })],
            submitLabel: t('users.reset'),
            showFieldErrors: fieldErrors(f),
            onSubmit: () => api('POST', `admin/users/${encodeURIComponent(u.id)}/password`, { body: { password: password.value } }),
        });
        if (r) toast(t('users.resetDone', { id: u.id }));
    }

    async function toggle(u) {
        const disabling = !u.disabled;
        if (disabling && !(await confirmDialog({ title: t('users.disable'), message: t('users.confirmDisable', { id: u.id }), confirmLabel: t('users.disable'), danger: true }))) return;
        try {
            await api('PATCH', `admin/users/${encodeURIComponent(u.id)}`, { body: { disabled: disabling } });
            load();
        } catch (e) {
            toast(e.message, 'bad');
        }
    }

    function draw(users) {
        const columns = [
            { label: t('users.id'), render: (u) => h('span', {}, u.id, h('span', { class: 'sub', text: u.displayName || '' })) },
            { label: t('users.roles'), render: (u) => (u.roles || []).map((r) => chip(t(`role.${r}`), r === 'admin' ? 'warn' : 'info')) },
            { label: t('users.queues'), render: (u) => (u.queues || []).join(', ') || '—' },
            { label: t('users.lastSignIn'), className: 'nowrap', render: (u) => formatDateTime(u.lastSignInAt) },
            { label: t('users.state'), render: (u) => (u.disabled ? chip(t('users.disabled'), 'bad') : chip(t('users.active'), 'ok')) },
            { label: t('common.actions'), className: 'nowrap', render: (u) => [
                h('button', { type: 'button', class: 'small', onclick: () => edit(u), 'aria-label': t('users.editTitle', { id: u.id }) }, t('users.edit')), ' ',
                h('button', { type: 'button', class: 'small', onclick: () => resetPassword(u), 'aria-label': t('users.resetTitle', { id: u.id }) }, t('users.reset')), ' ',
                h('button', { type: 'button', class: 'small user-toggle', dataset: { user: u.id }, onclick: () => toggle(u) }, u.disabled ? t('users.enable') : t('users.disable'))] },
        ];
        replace(listBox, dataTable(columns, users, { caption: t('nav.users'), rowClass: (u) => (u.disabled ? 'muted' : '') }));
    }

    await load();
    return {
        onTopic(topic) {
            if (topic === 'users') load();
        },
        dispose() {
            disposed = true;
        },
    };
}
