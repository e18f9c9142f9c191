// Modal dialogs on <dialog>: focus moves in and back, Escape cancels, Enter submits the form.
import { h } from './dom.js';
import { t } from './i18n.js';
import { ApiError } from './api.js';

/**
 * openDialog({ title, body: [nodes], submitLabel, danger, wide, onSubmit(form) }) → Promise of the
 * onSubmit result, or null when cancelled. onSubmit may throw an ApiError: its message is shown
 * in the dialog (and its per-field messages by showFieldErrors, if given) and the dialog stays.
 */
export function openDialog({ title, body = [], submitLabel, cancelLabel, danger = false, wide = false, onSubmit, showFieldErrors }) {
    return new Promise((resolve) => {
        const titleId = `dlg-title-${Math.random().toString(36).slice(2)}`;
        const formError = h('div', { class: 'form-error', role: 'alert' });
        const submit = h('button', { type: 'submit', class: danger ? 'danger' : 'primary', text: submitLabel || t('common.ok') });
        const cancel = h('button', { type: 'button', value: 'cancel', text: cancelLabel || t('common.cancel') });
        const form = h('form', { method: 'dialog', novalidate: true },
            h('header', {}, h('h2', { id: titleId, text: title })),
            h('div', { class: 'body' }, body, formError),
            h('footer', {}, cancel, submit));
        const dlg = h('dialog', { 'aria-labelledby': titleId, class: wide ? 'wide' : '' }, form);
        const opener = document.activeElement;
        let result = null;
        let busy = false;
        const close = () => dlg.close();
        cancel.addEventListener('click', close);
        form.addEventListener('input', () => (formError.textContent = '')); // an edit answers the last complaint
        form.addEventListener('submit', async (ev) => {
            ev.preventDefault();
            if (busy) return;
            busy = true;
            submit.disabled = true;
            formError.textContent = '';
            try {
                result = onSubmit ? await onSubmit(form) : true;
                if (result === undefined) result = true;
                close();
            } catch (e) {
                if (e instanceof ApiError) {
                    formError.textContent = e.message;
                    if (showFieldErrors) showFieldErrors(e.fields || {}, e);
                } else if (e && e.userMessage) {
                    formError.textContent = e.userMessage;
                } else {
                    formError.textContent = String(e && e.message ? e.message : e);
                }
                const invalid = form.querySelector('[aria-invalid="true"]');
                (invalid || formError).focus?.();
            } finally {
                busy = false;
                submit.disabled = false;
            }
        });
        dlg.addEventListener('close', () => {
            dlg.remove();
            if (opener && opener.isConnected) opener.focus();
            resolve(result);
        });
        document.body.append(dlg);
        dlg.showModal();
        const first = form.querySelector('.body input:not([readonly]), .body select, .body textarea');
        (first || submit).focus();
    });
}

/** A yes/no confirmation; resolves true when confirmed. */
export async function confirmDialog({ title, message, confirmLabel, danger = false }) {
    const r = await openDialog({ title, body: [h('p', { text: message })], submitLabel: confirmLabel, danger });
    return r === true;
}

/** Thrown by onSubmit for a message that is not the server's. */
export function userError(message) {
    const e = new Error(message);
    e.userMessage = message;
    return e;
}
