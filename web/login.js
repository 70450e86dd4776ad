/* global document */
import { api } from './api.js';
import { bilingual, clear, el } from './dom.js';
import { alertBox, errorBox } from './render.js';

const $ = (id) => document.getElementById(id);

const minutesOf = (seconds) => Math.max(1, Math.ceil(seconds / 60));

/** Why a sign-in failed, in words a person can act on. */
export function loginErrorBox(error) {
  if (error.code === 'auth.invalid')
    return alertBox('Sai tên đăng nhập hoặc mật khẩu.', 'Wrong login or password.');
  if (error.code === 'auth.locked') {
    const minutes = minutesOf(error.retryAfterSeconds ?? 60);
    return alertBox(
      `Tài khoản tạm khoá do đăng nhập sai nhiều lần. Thử lại sau ${minutes} phút.`,
      `Locked after too many failed logins: try again in ${minutes} min.`,
    );
  }
  if (error.status === 429) {
    const minutes = minutesOf(error.retryAfterSeconds ?? 60);
    return alertBox(
      `Quá nhiều lần thử từ máy này. Thử lại sau ${minutes} phút.`,
      `Too many attempts from this address: try again in ${minutes} min.`,
    );
  }
  return errorBox(error);
}

/**
 * The sign-in form: posts the login and password, shows why it failed, and calls `onSignedIn`
 * once the session cookie is set.
 * @param {{onSignedIn: () => Promise<void>}} options
 */
export function wireLogin({ onSignedIn }) {
  const form = $('login-form');
  const feedback = $('login-feedback');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const login = form.elements.login.value.trim();
    const password = form.elements.password.value;
    clear(feedback);
    if (login === '' || password === '') {
      feedback.append(
        alertBox('Hãy nhập tên đăng nhập và mật khẩu.', 'Enter your login and password.'),
      );
      return;
    }
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      await api.login(login, password);
      form.reset();
      await onSignedIn();
    } catch (error) {
      form.elements.password.value = '';
      feedback.append(loginErrorBox(error));
    } finally {
      button.disabled = false;
    }
  });
}

/**
 * Shows the sign-in form instead of the app, with an optional notice (why the user is here again:
 * the session ended, the password changed).
 * @param {{vi: string, en: string} | undefined} notice
 */
export function showLoginForm(notice) {
  const feedback = $('login-feedback');
  clear(feedback);
  if (notice) feedback.append(el('p', { className: 'notice' }, [bilingual(notice.vi, notice.en)]));
  $('login').hidden = false;
  $('login-form').elements.login.focus();
}

/** The single sign-on link, shown only when the server has an identity provider configured. */
export function showSsoLink(isEnabled) {
  $('sso-link').setAttribute('href', api.ssoUrl);
  $('sso').hidden = !isEnabled;
}
