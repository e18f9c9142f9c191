// Case types (administrators): the list; view or edit a type's JSON, or upload a file; the server
// checks it and says before saving whether clients keep working or must run a full sync.
import { api } from '../api.js';
import { field, h, replace, toast } from '../dom.js';
import { t } from '../i18n.js';
import { openDialog, userError } from '../dialog.js';
import { dataTable } from '../table.js';

export async function render(container) {
    let seq = 0;
    let disposed = false;
    const listBox = h('div', { id: 'casetype-list' });
    replace(container, h('div', { class: 'page-head' }, h('h1', { text: t('nav.caseTypes') }),
        h('button', { type: 'button', class: 'primary', id: 'new-casetype', onclick: () => editor(null) }, t('caseTypes.new'))), listBox);

    async function load() {
        const mine = ++seq;
        try {
            const answer = await api('GET', 'admin/case-types');
            if (mine !== seq || disposed) return;
            replace(listBox, dataTable([
                { label: t('caseTypes.name'), render: (c) => h('button', { type: 'button', class: 'linklike open-casetype', onclick: () => editor(c.name) }, c.name) },
                { label: t('caseTypes.title'), render: (c) => c.title || '—' },
                { label: t('caseTypes.version'), className: 'num', render: (c) => String(c.version) },
            ], answer.caseTypes || [], { caption: t('nav.caseTypes'), rowKey: (c) => c.name }));
        } catch (e) {
            if (mine !== seq || disposed) return;
            replace(listBox, h('div', { class: 'panel', role: 'alert', text: e.message }));
        }
    }

    function verdictBox(check) {
        if (!check.valid) {
            return h('div', { class: 'verdict bad', role: 'alert' }, t('caseTypes.invalid'),
                h('ul', {}, (check.errors || []).map((e) => h('li', { text: `${e.path ? `${e.path}: ` : ''}${e.message}` }))));
        }
        const kind = check.verdict === 'fullSync' ? 'warn' : 'ok';
        return h('div', { class: `verdict ${kind}`, role: 'status', id: 'casetype-verdict' }, t(`caseTypes.verdict.${check.verdict}`),
            (check.reasons || []).length ? h('ul', {}, check.reasons.map((r) => h('li', { text: typeof r === 'string' ? r : r.message || JSON.stringify(r) }))) : null);
    }

    async function editor(name) {
        let text = '';
        if (name) {
            const doc = await api('GET', `admin/case-types/${encodeURIComponent(name)}`);
            text = JSON.stringify(doc.caseType || doc, null, 2);
        } else {
            text = JSON.stringify({ name: '', version: 1, title: '', statuses: ['New', 'InProgress', 'Resolved-Completed'], fields: [], flowActions: [] }, null, 2);
        }
        const area = h('textarea', { class: 'code', id: 'casetype-json', spellcheck: 'false', value: text });
        const file = h('input', { type: 'file', id: 'casetype-file', accept: '.json,application/json' });
        file.addEventListener('change', async () => {
            if (file.files[0]) area.value = await file.files[0].text();
            checked = null;
            replace(verdict);
        });
        area.addEventListener('input', () => {
            checked = null;
            replace(verdict);
        });
        const jsonField = field(t('caseTypes.json'), area);
        const verdict = h('div', { id: 'casetype-check' });
        let checked = null; // the text the verdict was given for
        const checkButton = h('button', { type: 'button', id: 'casetype-check-button', onclick: () => check().catch((e) => replace(verdict, h('div', { class: 'verdict bad', role: 'alert', text: e.message }))) }, t('caseTypes.check'));
        async function check() {
            let doc;
            try {
                doc = JSON.parse(area.value);
            } catch (e) {
                jsonField.setError(e.message);
                throw userError(t('caseTypes.badJson'));
            }
            jsonField.setError('');
            const target = doc.name || name;
            if (!target) throw userError(t('caseTypes.noName'));
            const result = await api('POST', `admin/case-types/${encodeURIComponent(target)}/check`, { body: doc });
            replace(verdict, verdictBox(result));
            checked = result.valid ? area.value : null;
            return { doc, target, result };
        }
        const r = await openDialog({
            title: name ? t('caseTypes.editTitle', { name }) : t('caseTypes.new'),
            wide: true,
            body: [field(t('caseTypes.upload'), file), jsonField, h('div', { class: 'toolbar' }, checkButton, h('span', { class: 'muted', text: t('caseTypes.checkHelp') })), verdict],
            submitLabel: t('caseTypes.save'),
            onSubmit: async () => {
                // Saving always shows the verdict first: an unchecked text is checked, and a change
                // that forces a full sync needs a second press with that verdict on screen.
                const wasChecked = checked === area.value;
                const { doc, target, result } = await check();
                if (!result.valid) throw userError(t('caseTypes.invalid'));
                if (!wasChecked && result.verdict === 'fullSync') throw userError(t('caseTypes.confirmFullSync'));
                return api('PUT', `admin/case-types/${encodeURIComponent(target)}`, { body: doc });
            },
        });
        if (r) {
            toast(t('caseTypes.saved'));
            load();
        }
    }

    await load();
    return {
        onTopic(topic) {
            if (topic === 'caseTypes') load();
        },
        dispose() {
            disposed = true;
        },
    };
}
