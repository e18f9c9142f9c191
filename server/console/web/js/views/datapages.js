// Reference data (administrators): each data page with its row count; CSV import with a preview
// and per-row errors (all or nothing), CSV export. Follows live "dataPages" hints.
import { api } from '../api.js';
import { field, h, replace, toast } from '../dom.js';
import { currentLang, t } from '../i18n.js';
import { openDialog, userError } from '../dialog.js';
import { dataTable } from '../table.js';

export async function render(container) {
    let seq = 0;
    let disposed = false;
    const listBox = h('div', { id: 'datapage-list' });
    replace(container, h('div', { class: 'page-head' }, h('h1', { text: t('nav.dataPages') }),
        h('button', { type: 'button', class: 'primary', id: 'import-new', onclick: () => importCsv('') }, t('dataPages.importNew'))), listBox);

    async function load() {
        const mine = ++seq;
        try {
            const answer = await api('GET', 'admin/data-pages');
            if (mine !== seq || disposed) return;
            replace(listBox, dataTable([
                { label: t('dataPages.name'), render: (p) => p.name },
                { label: t('dataPages.rows'), className: 'num', render: (p) => new Intl.NumberFormat(currentLang()).format(p.rows ?? 0) },
                { label: t('common.actions'), className: 'nowrap', render: (p) => [
                    h('button', { type: 'button', class: 'small datapage-import', dataset: { page: p.name }, onclick: () => importCsv(p.name) }, t('dataPages.import')), ' ',
                    h('button', { type: 'button', class: 'small datapage-export', dataset: { page: p.name }, onclick: () => exportCsv(p.name) }, t('dataPages.export'))] },
            ], answer.dataPages || [], { caption: t('nav.dataPages'), rowKey: (p) => p.name }));
        } catch (e) {
            if (mine !== seq || disposed) return;
            replace(listBox, h('div', { class: 'panel', role: 'alert', text: e.message }));
        }
    }

    async function exportCsv(name) {
        try {
            const csv = await api('GET', `admin/data-pages/${encodeURIComponent(name)}/csv`, { text: true });
            const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
            const a = h('a', { href: url, download: `${name}.csv`, class: 'hidden' });
            document.body.append(a);
            a.click();
            a.remove();
            setTimeout(() => URL.revokeObjectURL(url), 1000);
        } catch (e) {
            toast(e.message, 'bad');
        }
    }

    function report(result, header = []) {
        const errors = result.errors || [];
        const preview = result.preview || [];
        // The file's own column order (key and label first when the file has no header to go by).
        let cols = preview.length ? Object.keys(preview[0]) : [];
        if (header.length) cols = header.filter((c) => cols.includes(c)).concat(cols.filter((c) => !header.includes(c)));
        else cols = ['key', 'label'].filter((c) => cols.includes(c)).concat(cols.filter((c) => c !== 'key' && c !== 'label'));
        const columnName = (c) => (typeof c === 'number' && header[c - 1] ? `${c} · ${header[c - 1]}` : c || '—');
        return [
            h('p', { role: 'status', id: 'import-summary', class: errors.length ? 'form-error' : '' },
                errors.length ? t(errors.length === 1 ? 'dataPages.withOneError' : 'dataPages.withErrors', { n: result.rows ?? 0, errors: errors.length }) : t('dataPages.ready', { n: result.rows ?? 0 })),
            errors.length ? dataTable([
                { label: t('dataPages.line'), className: 'num', render: (e) => String(e.line ?? '—') },
                { label: t('dataPages.column'), render: (e) => columnName(e.column) },
                { label: t('dataPages.problem'), render: (e) => e.message },
            ], errors.slice(0, 200), { caption: t('dataPages.errors'), rowKey: (e) => `${e.line}-${e.column}` }) : null,
            preview.length ? h('h3', { text: t('dataPages.preview') }) : null,
            preview.length ? dataTable(cols.map((c) => ({ label: c, render: (r) => (r[c] === null || r[c] === undefined ? '—' : String(r[c])) })), preview, { caption: t('dataPages.preview'), rowKey: (r) => JSON.stringify(r) }) : null,
        ];
    }

    async function importCsv(name) {
        const pageName = h('input', { id: 'import-page', value: name, maxlength: 64, readonly: !!name });
        const file = h('input', { type: 'file', id: 'import-file', accept: '.csv,text/csv' });
        const out = h('div', { id: 'import-report' });
        let checkedFor = null; // { file, page } the dry run was for, when it found no error
        const run = async (dryRun) => {
            const f = file.files[0];
            if (!pageName.value.trim()) throw userError(t('dataPages.noName'));
            if (!f) throw userError(t('dataPages.noFile'));
            const body = await f.text();
            const header = body.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0].split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
            try {
                const result = await api('POST', `admin/data-pages/${encodeURIComponent(pageName.value.trim())}/csv${dryRun ? '?dryRun=1' : ''}`, { body, contentType: 'text/csv; charset=utf-8' });
                replace(out, report(result, header));
                return result;
            } catch (e) {
                if (e.body && e.body.errors) replace(out, report({ rows: e.body.rows, errors: e.body.errors, preview: [] }, header));
                else if (e.body && e.body.fields && e.body.fields.errors) replace(out, report({ errors: e.body.fields.errors }, header));
                throw e;
            }
        };
        const reset = () => {
            checkedFor = null;
            replace(out);
        };
        file.addEventListener('change', async () => {
            reset();
            if (!file.files[0] || !pageName.value.trim()) return;
            try {
                const r = await run(true);
                if (!(r.errors || []).length) checkedFor = file.files[0];
            } catch (e) {
                if (!out.firstChild) replace(out, h('p', { class: 'form-error', role: 'alert', text: e.message }));
            }
        });
        pageName.addEventListener('input', reset);
        const r = await openDialog({
            title: name ? t('dataPages.importTitle', { name }) : t('dataPages.importNew'),
            wide: true,
            body: [field(t('dataPages.name'), pageName), field(t('dataPages.file'), file, { help: t('dataPages.fileHelp') }), out],
            submitLabel: t('dataPages.importSubmit'),
            onSubmit: async () => {
                if (checkedFor !== file.files[0]) {
                    const dry = await run(true);
                    if ((dry.errors || []).length) throw userError(t('dataPages.fixFirst'));
                    checkedFor = file.files[0];
                }
                const result = await run(false);
                if (!result.imported) throw userError(t('dataPages.fixFirst'));
                return result;
            },
        });
        if (r) {
            toast(t('dataPages.imported', { n: r.rows ?? 0, name: pageName.value.trim() }));
            load();
        }
    }

    await load();
    return {
        onTopic(topic) {
            if (topic === 'dataPages') load();
        },
        dispose() {
            disposed = true;
        },
    };
}
