/* global document */
import { api } from './api.js';
import { clear, el } from './dom.js';
import { alertBox, errorBox } from './render.js';

const $ = (id) => document.getElementById(id);

/**
 * Fills the header for a signed-in user: the workspace switcher (names set as option text) and
 * the user's name.
 * @param {{name: string}} principal
 * @param {Array<{id: string, name: string}>} workspaces
 * @param {string | null} current
 */
export function renderAccountBar(principal, workspaces, current) {
  const select = $('workspace');
  clear(select);
  for (const workspace of workspaces) {
    const option = el('option', { text: workspace.name, attrs: { value: workspace.id } });
    option.selected = workspace.id === current;
    select.append(option);
  }
  select.disabled = workspaces.length < 2;
  $('user-name').textContent = principal.name;
  $('account-bar').hidden = false;
}

/** Opens or closes one of the header's panels (administration, own account). */
export function setPanelOpen(buttonId, panelId, isOpen) {
  $(panelId).hidden = !isOpen;
  $(buttonId).setAttribute('aria-expanded', String(isOpen));
}

/**
 * The header's controls: switching workspace, signing out, the own-account panel with its
 * change-password form. A changed password ends every session, this one included, so
 * `onPasswordChanged` sends the user back to the login form.
 * @param {{onSwitch: (id: string) => void, onSignedOut: () => void, onPasswordChanged: () => void}} options
 */
export function wireAccount({ onSwitch, onSignedOut, onPasswordChanged }) {
  $('workspace').addEventListener('change', (event) => onSwitch(event.target.value));
  $('logout').addEventListener('click', async () => {
    try {
      await api.logout();
    } finally {
      onSignedOut();
    }
  });
  $('open-account').addEventListener('click', () => {
    setPanelOpen('open-account', 'account-panel', $('account-panel').hidden);
  });
  wirePasswordForm(onPasswordChanged);
}

function wirePasswordForm(onPasswordChanged) {
  const form = $('password-form');
  const feedback = $('password-feedback');
  const show = (node) => {
    clear(feedback);
    feedback.append(node);
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const current = form.elements.current.value;
    const next = form.elements.next.value;
    if (next !== form.elements.again.value) {
      show(alertBox('Hai mật khẩu mới không giống nhau.', 'The two new passwords differ.'));
      return;
    }
    try {
      await api.changePassword(current, next);
      form.reset();
      clear(feedback);
      onPasswordChanged();
    } catch (error) {
      show(
        error.code === 'auth.invalid'
          ? alertBox('Mật khẩu hiện tại không đúng.', 'The current password is wrong.')
          : errorBox(error),
      );
    }
  });
}
