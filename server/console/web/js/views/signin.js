// Sign-in: the console session route. Technicians are refused by the server (403).
import { h, field, replace } from '../dom.js';
import { t } from '../i18n.js';
import { signIn, forget, session } from '../session.js';

export function renderSignIn(container, { message, onSignedIn, languagePicker }) {
    const user = h('input', { name: 'user', autocomplete: 'username', required: true, id: 'signin-user', autocapitalize: 'none', spellcheck: 'false' });
    const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true, id: 'signin-password' });
    const error = h('div', { class: 'form-error', role: 'alert', id: 'signin-error' }, message || '');
    const submit = h('button', { type: 'submit', class: 'primary', id: 'signin-submit', text: t('signin.submit') });
    const form = h('form', { class: 'signin', novalidate: true, 'aria-labelledby': 'signin-title' },
        h('h1', { id: 'signin-title', text: t('signin.title') }),
        h('p', { class: 'muted', text: t('signin.intro') }),
        field(t('signin.user'), user),
        field(t('signin.password'), password),
        error,
        submit,
        h('div', { class: 'lang' }, h('label', { for: 'language', text: t('shell.language') }), languagePicker()));
    form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        error.textContent = '';
        if (!user.value.trim() || !password.value) {
            error.textContent = t('signin.missing');
            (user.value.trim() ? password : user).focus();
            return;
        }
        submit.disabled = true;
        try {
            await signIn(user.value.trim(), password.value);
            const roles = session().user.roles || [];
            if (!roles.includes('admin') && !roles.includes('dispatcher')) {
                forget();
                throw Object.assign(new Error(t('signin.forbidden')), { status: 403 });
            }
            onSignedIn();
        } catch (e) {
            if (e.status === 403) error.textContent = t('signin.forbidden');
            else if (e.status === 401 || e.code === 'bad_credentials') error.textContent = t('signin.bad');
            else if (e.status === 429) error.textContent = t('signin.throttled');
            else error.textContent = e.message;
            password.value = '';
            password.focus();
        } finally {
            submit.disabled = false;
        }
    });
    replace(container, form);
    user.focus();
}
