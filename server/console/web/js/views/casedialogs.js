// Dispatch's dialogs: create a case from its case type's fields, assign one case or a selection
// (technician or queue, instructions, due date), and a case's details.
import { api } from '../api.js';
import { chip, field, formatDateTime, fromLocalInput, h, nextId, replace, toLocalInput } from '../dom.js';
import { currentLang, t } from '../i18n.js';
import { openDialog, userError } from '../dialog.js';

let assigneesCache = null;
export async function loadAssignees() {
    if (!assigneesCache) assigneesCache = api('GET', 'admin/assignees').catch((e) => {
        assigneesCache = null;
        throw e;
    });
    return assigneesCache;
}

let caseTypesCache = null;

/** Every case type's name, title and texts (GET admin/case-types), by name; asked once per page. */
export function loadCaseTypes() {
    if (!caseTypesCache) caseTypesCache = api('GET', 'admin/case-types').then((r) => new Map((r.caseTypes || []).map((ct) => [ct.name, ct]))).catch((e) => {
        caseTypesCache = null;
        throw e;
    });
    return caseTypesCache;
}

/** A case type changed (live hint): the next loadCaseTypes() asks again. */
export function forgetCaseTypes() {
    caseTypesCache = null;
}

/** The text for the console's language in a { de: …, fr: … } object ("de" also serves "de-AT"). */
function pick(translations) {
    if (!translations) return '';
    const lang = currentLang();
    return translations[lang] || translations[lang.split(/[-_]/)[0]] || '';
}

/** A case type's title in the console's language, else its title, else its name. */
export function caseTypeTitle(types, name) {
    const ct = types && types.get(name);
    return ct ? pick(ct.titles) || ct.title || name : name;
}

/** A status as the case type words it in the console's language, else in people's words. */
export function statusLabel(types, caseType, status) {
    const ct = types && types.get(caseType);
    return localText(ct && ct.statusLabels && ct.statusLabels[status], statusText(status));
}

/** "InProgress" → "In progress", "Resolved-Completed" → "Resolved: completed" (as the app's humanizeStatus). */
export function statusText(status) {
    const s = String(status || '');
    const words = (x) => x.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().replace(/^./, (c) => c.toUpperCase());
    const dash = s.indexOf('-');
    return dash > 0 ? `${words(s.slice(0, dash))}: ${words(s.slice(dash + 1)).toLowerCase()}` : words(s);
}

export function statusKind(status) {
    const s = String(status || '');
    if (s.startsWith('Resolved-')) return /Withdrawn|Cancel|Rejected/.test(s) ? '' : 'ok';
    if (s === 'Done' || s === 'Closed') return 'ok';
    if (s === 'New' || s === 'Open') return 'info';
    if (/Hold|Wait|Blocked|Escalat/i.test(s)) return 'warn';
    return 'info';
}

/** Technician-or-queue picker: { node, value() → {assignee}|{queue}, focus } */
function targetPicker(people, current = {}) {
    const kind = h('select', { id: 'assign-kind' },
        h('option', { value: 'assignee', selected: !current.queue || !!current.assignee }, t('assign.toTechnician')),
        h('option', { value: 'queue', selected: !!current.queue && !current.assignee }, t('assign.toQueue')));
    const techs = people.users.filter((u) => (u.roles || []).includes('technician'));
    const who = h('select', { id: 'assign-assignee' }, techs.map((u) => h('option', { value: u.id, selected: u.id === current.assignee }, `${u.displayName} (${u.id})`)));
    const queue = h('select', { id: 'assign-queue' }, people.queues.map((q) => h('option', { value: q, selected: q === current.queue }, q)));
    const whoField = field(t('assign.technician'), who);
    const queueField = field(t('assign.queue'), queue);
    const sync = () => {
        whoField.classList.toggle('hidden', kind.value !== 'assignee');
        queueField.classList.toggle('hidden', kind.value !== 'queue');
    };
    kind.addEventListener('change', sync);
    sync();
    return {
        nodes: [field(t('assign.kind'), kind), whoField, queueField],
        value: () => (kind.value === 'assignee' ? { assignee: who.value } : { queue: queue.value }),
        fields: { assignee: whoField, queue: queueField },
    };
}

function showErrors(fieldsByName, errors) {
    for (const [name, f] of Object.entries(fieldsByName)) f.setError(errors[name] || '');
}

/** Assign one case (current = its row) or several; resolves to the server's answer or null. */
export async function openAssignDialog(people, ids, current = {}) {
    const target = targetPicker(people, current);
    const instructions = h('textarea', { id: 'assign-instructions', maxlength: 2000, rows: 4, value: current.instructions || '' });
    const due = h('input', { type: 'datetime-local', id: 'assign-due', value: toLocalInput(current.dueAt) });
    const fields = { ...target.fields, instructions: field(t('assign.instructions'), instructions), dueAt: field(t('assign.due'), due, { help: t('assign.dueHelp') }) };
    const many = ids.length > 1;
    return openDialog({
        title: many ? t('assign.titleMany', { n: ids.length }) : t('assign.title', { id: ids[0] }),
        body: [...target.nodes, fields.instructions, fields.dueAt],
        submitLabel: t('assign.submit'),
        showFieldErrors: (errs) => showErrors(fields, errs),
        onSubmit: async () => {
            showErrors(fields, {});
            const body = { ...target.value(), instructions: instructions.value.trim() || null, dueAt: fromLocalInput(due.value) };
            if (!body.assignee && !body.queue) throw userError(t('assign.pickTarget'));
            if (many) return api('POST', 'admin/cases/assign', { body: { ids, ...body } });
            return api('PUT', `admin/cases/${encodeURIComponent(ids[0])}/assignment`, { body });
        },
    });
}

/** A case type's text for people in the console's language: labels[lang], else label, else fallback. */
function localText(entry, fallback) {
    if (!entry) return fallback;
    return pick(entry.labels) || entry.label || fallback;
}

/** One control per case-type field, by type; value() gives the JSON value (null when empty). */
function fieldControl(def) {
    const id = nextId(`cf-${def.name}`);
    let control;
    let value;
    switch (def.type) {
    case 'number':
        control = h('input', { id, type: 'number', step: 'any', min: def.min, max: def.max, required: !!def.required });
        value = () => (control.value === '' ? null : Number(control.value));
        break;
    case 'date':
        control = h('input', { id, type: 'date', required: !!def.required });
        value = () => control.value || null;
        break;
    case 'datetime':
        control = h('input', { id, type: 'datetime-local', required: !!def.required });
        value = () => fromLocalInput(control.value);
        break;
    case 'bool':
        control = h('select', { id }, h('option', { value: '' }, '—'), h('option', { value: 'true' }, t('common.yes')), h('option', { value: 'false' }, t('common.no')));
        value = () => (control.value === '' ? null : control.value === 'true');
        break;
    case 'choice':
        control = h('select', { id }, h('option', { value: '' }, '—'), (def.choices || []).map((c) => h('option', { value: c }, localText(def.choiceLabels && def.choiceLabels[c], c))));
        value = () => control.value || null;
        break;
    case 'text':
        control = def.maxLength && def.maxLength > 200 ? h('textarea', { id, rows: 3, maxlength: def.maxLength }) : h('input', { id, maxlength: def.maxLength });
        value = () => (control.value.trim() === '' ? null : control.value);
        break;
    default: // lookup and anything newer: the key as text
        control = h('input', { id });
        value = () => (control.value.trim() === '' ? null : control.value.trim());
    }
    control.dataset.field = def.name;
    const help = def.type === 'lookup' ? t('create.lookupHelp', { page: def.dataPage || '' }) : def.help || undefined;
    const label = `${localText(def, def.name)}${def.required ? ' *' : ''}`;
    return { wrap: field(label, control, { help }), value };
}

export async function openCreateCase(people) {
    let types;
    try {
        types = [...(await loadCaseTypes()).values()];
    } catch (e) {
        await openDialog({ title: t('create.title'), body: [h('p', { role: 'alert', text: t('create.noTypes', { message: e.message }) })], submitLabel: t('common.close') });
        return null;
    }
    const typeSelect = h('select', { id: 'create-type' }, types.map((ct) => h('option', { value: ct.name }, `${pick(ct.titles) || ct.title || ct.name} (${ct.name})`)));
    const title = h('input', { id: 'create-title', maxlength: 200, required: true });
    const typeFields = h('div', { id: 'create-fields' });
    const target = targetPicker(people, {});
    const unassigned = h('option', { value: 'none' }, t('create.unassigned'));
    target.nodes[0].control.prepend(unassigned);
    target.nodes[0].control.value = 'none';
    target.nodes[0].control.dispatchEvent(new Event('change'));
    const instructions = h('textarea', { id: 'create-instructions', rows: 3, maxlength: 2000 });
    const due = h('input', { type: 'datetime-local', id: 'create-due' });
    const fixed = { caseType: field(t('create.caseType'), typeSelect), title: field(t('create.caseTitle'), title), instructions: field(t('assign.instructions'), instructions), dueAt: field(t('assign.due'), due), ...target.fields };
    let controls = {};
    async function loadType() {
        replace(typeFields, h('p', { class: 'loading', text: t('common.loading') }));
        try {
            const ct = await api('GET', `admin/case-types/${encodeURIComponent(typeSelect.value)}`);
            const doc = ct.caseType || ct;
            controls = {};
            replace(typeFields, (doc.fields || []).map((def) => {
                controls[def.name] = fieldControl(def);
                return controls[def.name].wrap;
            }));
        } catch (e) {
            replace(typeFields, h('p', { role: 'alert', class: 'form-error', text: e.message }));
        }
    }
    typeSelect.addEventListener('change', loadType);
    if (types.length) await loadType();
    const showAll = (errs) => {
        const unknown = [];
        for (const [name, msg] of Object.entries(errs)) {
            const key = name.replace(/^fields\./, '');
            if (controls[key]) continue;
            if (!fixed[name]) unknown.push(`${name}: ${msg}`);
        }
        for (const [name, c] of Object.entries(controls)) c.wrap.setError(errs[name] || errs[`fields.${name}`] || '');
        showErrors(fixed, errs);
        return unknown;
    };
    return openDialog({
        title: t('create.title'),
        wide: true,
        body: [h('div', { class: 'split' },
            h('div', {}, fixed.caseType, fixed.title, h('h3', { text: t('create.fields') }), typeFields),
            h('div', {}, h('h3', { text: t('create.assignment') }), target.nodes, fixed.instructions, fixed.dueAt))],
        submitLabel: t('create.submit'),
        showFieldErrors: (errs) => showAll(errs),
        onSubmit: async () => {
            showAll({});
            const fields = {};
            for (const [name, c] of Object.entries(controls)) {
                const v = c.value();
                if (v !== null && !(typeof v === 'number' && Number.isNaN(v))) fields[name] = v;
            }
            const body = { caseType: typeSelect.value, title: title.value.trim(), fields };
            if (target.nodes[0].control.value !== 'none') Object.assign(body, target.value());
            if (instructions.value.trim()) body.instructions = instructions.value.trim();
            const dueAt = fromLocalInput(due.value);
            if (dueAt) body.dueAt = dueAt;
            const created = await api('POST', 'admin/cases', { body });
            return created.case || created;
        },
    });
}

function historyLine(e) {
    const changes = e.changes ? Object.entries(e.changes).map(([f, [a, b]]) => `${f}: ${a ?? '—'} → ${b ?? '—'}`).join('; ') : '';
    return h('li', {}, h('strong', { text: `${e.action || ''}` }), ` · ${e.by || ''} · ${formatDateTime(e.at)}`, changes ? h('span', { class: 'sub', text: changes }) : null, e.text ? h('span', { class: 'sub', text: e.text }) : null);
}

export async function openCaseDetails(id, people, reload) {
    const [d, types] = await Promise.all([api('GET', `admin/cases/${encodeURIComponent(id)}`), loadCaseTypes().catch(() => null)]);
    const c = d.case || {};
    const a = d.assignment || {};
    const kv = (pairs) => h('dl', { class: 'kv' }, pairs.flatMap(([k, v]) => [h('dt', { text: k }), h('dd', {}, v ?? '—')]));
    const fields = Object.entries(c.fields || {});
    const body = [
        h('div', { class: 'split' },
            h('div', {}, h('h3', { text: t('details.case') }), kv([
                [t('dispatch.col.caseType'), caseTypeTitle(types, c.caseType)],
                [t('dispatch.col.status'), chip(statusLabel(types, c.caseType, c.status), statusKind(c.status))],
                [t('dispatch.col.title'), c.title],
                [t('dispatch.col.updated'), formatDateTime(c.updatedAt)],
            ])),
            h('div', {}, h('h3', { text: t('details.assignment') }), kv([
                [t('assign.technician'), a.assignee || c.assignee || '—'],
                [t('assign.queue'), a.queue || c.queue || '—'],
                [t('assign.instructions'), a.instructions || c.instructions || '—'],
                [t('assign.due'), formatDateTime(a.dueAt || c.dueAt)],
            ]))),
        h('h3', { text: t('details.fields') }),
        fields.length ? kv(fields.map(([k, v]) => [k, typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)])) : h('p', { class: 'muted', text: t('details.noFields') }),
        h('h3', { text: t('details.history') }),
        (d.history || []).length ? h('ul', { class: 'list-plain' }, d.history.map(historyLine)) : h('p', { class: 'muted', text: t('details.noHistory') }),
        h('h3', { text: t('details.notes') }),
        (d.notes || []).length ? h('ul', { class: 'list-plain' }, d.notes.map((n) => h('li', {}, h('strong', { text: n.by || '' }), ` · ${formatDateTime(n.at)}`, h('span', { class: 'sub', text: n.text || '' })))) : h('p', { class: 'muted', text: t('details.noNotes') }),
        h('h3', { text: t('details.attachments') }),
        (d.attachments || []).length ? h('ul', { class: 'list-plain' }, d.attachments.map((f) => h('li', {}, h('a', { href: `/api/v1/attachments/${encodeURIComponent(f.id)}`, download: f.name, text: f.name }), h('span', { class: 'muted', text: ` · ${f.mime || ''} · ${Math.ceil((f.size || 0) / 1024)} KB` })))) : h('p', { class: 'muted', text: t('details.noAttachments') }),
    ];
    const r = await openDialog({ title: t('details.title', { id: c.id || id }), wide: true, body, submitLabel: a.assignee || c.assignee ? t('dispatch.reassign') : t('dispatch.assign'), cancelLabel: t('common.close') });
    if (r) {
        const done = await openAssignDialog(people, [id], { ...c, ...a });
        if (done && reload) reload();
    }
}
