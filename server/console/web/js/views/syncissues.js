// Sync issues: the workbasket, open or resolved, newest first; the action's payload beside the
// case's current state; edit and reapply, or discard. Follows live "syncIssues" hints.
import { api } from '../api.js';
import { chip, field, formatDateTime, h, replace, toast } from '../dom.js';
import { t } from '../i18n.js';
import { confirmDialog, openDialog, userError } from '../dialog.js';

const pretty = (v) => JSON.stringify(v ?? null, null, 2);

export async function render(container) {
    let state = 'open';
    let seq = 0;
    let disposed = false;
    const listBox = h('div', { id: 'issue-list' });
    const tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': t('issues.state') });
    const drawTabs = () => replace(tabs, ['open', 'resolved'].map((s) => h('button', { type: 'button', role: 'tab', id: `issues-${s}`, 'aria-selected': String(s === state), onclick: () => {
        state = s;
        drawTabs();
        load();
    } }, t(`issues.${s}`))));
    drawTabs();
    replace(container, h('div', { class: 'page-head' }, h('h1', { text: t('nav.syncIssues') })), tabs, listBox);

    async function load() {
        const mine = ++seq;
        try {
            const answer = await api('GET', `admin/sync-issues?state=${state}`);
            if (mine !== seq || disposed) return;
            const issues = (answer.issues || []).slice().sort((a, b) => String(b.at).localeCompare(String(a.at)) || Number(b.id) - Number(a.id));
            draw(issues);
        } catch (e) {
            if (mine !== seq || disposed) return;
            replace(listBox, h('div', { class: 'panel', role: 'alert', text: e.message }));
        }
    }

    async function reapply(issue) {
        const editor = h('textarea', { class: 'code', id: 'issue-action', value: pretty(issue.action), spellcheck: 'false' });
        const f = field(t('issues.actionJson'), editor, { help: t('issues.editHelp') });
        const r = await openDialog({
            title: t('issues.reapplyTitle', { id: issue.id }),
            wide: true,
            body: [h('div', { class: 'split' }, f, h('div', {}, h('h3', { text: t('issues.current') }), h('pre', { class: 'json', text: pretty(issue.case) })))],
            submitLabel: t('issues.reapply'),
            onSubmit: async () => {
                let action;
                try {
                    action = JSON.parse(editor.value);
                } catch (e) {
                    f.setError(e.message);
                    throw userError(t('issues.badJson'));
                }
                f.setError('');
                const edited = JSON.stringify(action) !== JSON.stringify(issue.action);
                return api('POST', `admin/sync-issues/${encodeURIComponent(issue.id)}/reapply`, { body: edited ? { action } : {} });
            },
        });
        if (r) {
            const status = r.result?.status || r.status || (Array.isArray(r.results) ? r.results[0]?.status : '') || '';
            toast(t('issues.reapplied', { id: issue.id, status }));
            load();
        }
    }

    async function discard(issue) {
        if (!(await confirmDialog({ title: t('issues.discard'), message: t('issues.confirmDiscard', { id: issue.id }), confirmLabel: t('issues.discard'), danger: true }))) return;
        try {
            await api('POST', `admin/sync-issues/${encodeURIComponent(issue.id)}/discard`, { body: {} });
            toast(t('issues.discarded', { id: issue.id }));
            load();
        } catch (e) {
            toast(e.message, 'bad');
        }
    }

    function draw(issues) {
        if (!issues.length) {
            replace(listBox, h('div', { class: 'panel empty', text: state === 'open' ? t('issues.emptyOpen') : t('issues.emptyResolved') }));
            return;
        }
        replace(listBox, issues.map((i) => h('section', { class: 'panel issue', dataset: { id: i.id }, 'aria-labelledby': `issue-${i.id}-title` },
            h('div', { class: 'page-head' },
                h('h2', { id: `issue-${i.id}-title` }, t('issues.heading', { id: i.id, caseId: i.caseId || '—' })),
                chip(i.state === 'open' ? t('issues.open') : i.resolution ? t(`issues.resolution.${i.resolution}`) : t('issues.resolved'), i.state === 'open' ? 'warn' : i.resolution === 'discarded' ? '' : 'ok'),
                i.state === 'open' ? h('button', { type: 'button', class: 'primary small issue-reapply', onclick: () => reapply(i) }, t('issues.reapplyEdit')) : null,
                i.state === 'open' ? h('button', { type: 'button', class: 'small issue-discard', onclick: () => discard(i) }, t('issues.discard')) : null),
            h('p', { class: 'muted' }, t('issues.filed', { user: i.user, device: i.deviceId || '—', at: formatDateTime(i.at) }),
                i.resolvedBy ? ` · ${t('issues.resolvedBy', { user: i.resolvedBy, at: formatDateTime(i.resolvedAt) })}` : ''),
            h('p', {}, h('strong', { text: `${t('issues.reason')}: ` }), i.reason || '—'),
            h('div', { class: 'split' },
                h('div', {}, h('h3', { text: t('issues.payload') }), h('pre', { class: 'json', text: pretty(i.action) })),
                h('div', {}, h('h3', { text: t('issues.current') }), h('pre', { class: 'json', text: i.case === undefined ? t('issues.noCurrent') : i.case === null ? t('issues.caseGone') : pretty(i.case) }))))));
    }

    await load();
    return {
        onTopic(topic) {
            if (topic === 'syncIssues' || topic === 'cases') load();
        },
        dispose() {
            disposed = true;
        },
    };
}
