/* global document */
import { api } from './api.js';
import { resetAuditTools, showAuditTools, wireAuditTools } from './audit-tools.js';
import { bilingual, clear, el } from './dom.js';
import { errorBox, formatTime, okLine } from './render.js';
import { resetWorkspaceForms, showWorkspaceForms, wireWorkspaceForms } from './workspace-forms.js';

const $ = (id) => document.getElementById(id);

/** Roles from most to least powerful, as the server orders them. */
const ROLES = ['owner', 'admin', 'analyst', 'viewer'];
const ROLE_LABELS = {
  owner: 'Chủ sở hữu — Owner',
  admin: 'Quản trị — Admin',
  analyst: 'Phân tích — Analyst',
  viewer: 'Chỉ xem — Viewer',
};
const AUDIT_ENTRIES = 50;

/**
 * What the signed-in user may do in the current workspace (nobody grants above their own role,
 * nor pii:read without holding it), a new token's secret while it is on screen, and a counter
 * that drops answers to older loads.
 */
const admin = {
  access: { role: 'viewer', isInstallAdmin: false, canReadPii: false, workspace: null },
  secret: '',
  loads: 0,
};

/** Whether a role may open the administration panel. */
export function isAdminRole(role) {
  return role === 'owner' || role === 'admin';
}

function grantableRoles() {
  return ROLES.slice(ROLES.indexOf(admin.access.role));
}

function roleSelect(selected, name) {
  const select = el('select', { attrs: { name, 'aria-label': 'Vai trò / Role' } });
  const roles = grantableRoles();
  for (const role of roles.includes(selected) ? roles : [selected, ...roles]) {
    const option = el('option', { text: ROLE_LABELS[role] ?? role, attrs: { value: role } });
    // The default too, so that a form's reset comes back to it rather than to the first role.
    option.defaultSelected = role === selected;
    option.selected = role === selected;
    select.append(option);
  }
  return select;
}

function showIn(id, ...nodes) {
  const box = $(id);
  clear(box);
  box.append(...nodes);
}

/** A button that asks once more ("Chắc chắn?") before it acts. */
function confirmButton(vi, en, action) {
  const button = el('button', { className: 'link danger', attrs: { type: 'button' } }, [
    bilingual(vi, en),
  ]);
  let isArmed = false;
  button.addEventListener('click', () => {
    if (!isArmed) {
      isArmed = true;
      clear(button);
      button.append(bilingual('Chắc chắn?', 'Sure?'));
      return;
    }
    button.disabled = true;
    action();
  });
  return button;
}

function memberItem(member) {
  const role = roleSelect(member.role, 'role');
  role.addEventListener('change', () =>
    act('member-feedback', () =>
      api.setMember({ login: member.user.login, role: role.value, canReadPii: member.canReadPii }),
    ),
  );
  return el('li', { className: 'member', attrs: { 'data-user': member.user.id } }, [
    el('span', { className: 'member-login', text: member.user.login }),
    el('span', { className: 'member-name', text: member.user.name }),
    role,
    member.canReadPii && el('span', { className: 'badge', text: 'PII' }),
    member.user.isDisabled && el('span', { className: 'badge', text: 'đã khoá / disabled' }),
    confirmButton('Xoá', 'Remove', () =>
      act('member-feedback', () => api.removeMember(member.user.id)),
    ),
  ]);
}

function tokenItem(token) {
  const dates = [`tạo / created ${formatTime(token.createdAt)}`];
  if (token.expiresAt) dates.push(`hết hạn / expires ${formatTime(token.expiresAt)}`);
  if (token.lastUsedAt) dates.push(`dùng / used ${formatTime(token.lastUsedAt)}`);
  return el('li', { className: token.revokedAt ? 'token is-revoked' : 'token' }, [
    el('span', { className: 'token-name', text: token.name }),
    el('span', { className: 'token-role', text: ROLE_LABELS[token.role] ?? token.role }),
    token.canReadPii && el('span', { className: 'badge', text: 'PII' }),
    el('span', { className: 'token-dates', text: dates.join(' · ') }),
    token.revokedAt
      ? el('span', { className: 'badge' }, [bilingual('Đã thu hồi', 'Revoked')])
      : confirmButton('Thu hồi', 'Revoke', () =>
          act('token-feedback', () => api.revokeToken(token.id)),
        ),
  ]);
}

function auditItem(entry) {
  const details = JSON.stringify(entry.details ?? {});
  return el('li', { className: 'audit-entry' }, [
    el('time', { text: formatTime(entry.at), attrs: { datetime: entry.at, title: entry.at } }),
    el('span', { className: 'audit-actor', text: entry.actor.name ?? entry.actor.id }),
    el('code', { className: 'audit-action', text: entry.action }),
    entry.target && el('span', { className: 'audit-target', text: entry.target }),
    entry.address && el('span', { className: 'audit-address', text: entry.address }),
    details !== '{}' && el('span', { className: 'audit-details', text: details.slice(0, 300) }),
  ]);
}

function fillList(id, items, render, emptyVi, emptyEn) {
  const list = $(id);
  clear(list);
  if (items.length === 0)
    list.append(el('li', { className: 'empty' }, [bilingual(emptyVi, emptyEn)]));
  for (const item of items) list.append(render(item));
}

/** Runs one change, then reloads the panel; its error is shown in the section's feedback. */
async function act(feedbackId, change) {
  try {
    await change();
    clear($(feedbackId));
  } catch (error) {
    showIn(feedbackId, errorBox(error));
  }
  await loadAdmin(admin.access);
}

/**
 * Loads the panel for the current workspace: its name and the forms the user's access allows,
 * members, API tokens (never their secrets), the last audit entries and the export links.
 * @param {{role: string, isInstallAdmin: boolean, canReadPii: boolean, workspace: {id: string, name: string}}} access
 *   the signed-in user's role in the workspace, whether an install admin, whether pii:read there
 */
export async function loadAdmin(access) {
  const load = ++admin.loads;
  admin.access = access;
  showWorkspaceForms(access);
  showAuditTools(access);
  $('token-pii').hidden = !access.canReadPii;
  for (const select of document.querySelectorAll(
    '#member-form select[name="role"], #token-form select[name="role"]',
  )) {
    const fresh = roleSelect(select.value || 'viewer', 'role');
    select.replaceWith(fresh);
  }
  const [members, tokens, audit] = await Promise.allSettled([
    api.members(),
    api.tokens(),
    api.audit(AUDIT_ENTRIES),
  ]);
  if (load !== admin.loads) return;
  const failed = (result, feedbackId) => {
    if (result.status === 'rejected') showIn(feedbackId, errorBox(result.reason));
    return result.status === 'rejected';
  };
  if (!failed(members, 'member-feedback'))
    fillList(
      'member-list',
      members.value.members,
      memberItem,
      'Chưa có thành viên.',
      'No members.',
    );
  if (!failed(tokens, 'token-feedback'))
    fillList('token-list', tokens.value.tokens, tokenItem, 'Chưa có mã API.', 'No API tokens.');
  if (!failed(audit, 'audit-feedback'))
    fillList('audit-list', audit.value.entries, auditItem, 'Nhật ký trống.', 'The log is empty.');
}

function wireMemberForm() {
  const form = $('member-form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = {
      login: form.elements.login.value.trim(),
      role: form.elements.role.value,
      canReadPii: form.elements.pii.checked,
    };
    const name = form.elements.name.value.trim();
    if (name !== '') input.name = name;
    if (form.elements.password.value !== '') input.password = form.elements.password.value;
    try {
      const member = await api.setMember(input);
      form.reset();
      showIn('member-feedback', okLine(`Đã lưu “${member.user.login}”`, 'Member saved'));
    } catch (error) {
      showIn('member-feedback', errorBox(error));
      return;
    }
    await loadAdmin(admin.access);
  });
}

function showSecret(secret) {
  admin.secret = secret;
  $('token-secret-value').textContent = secret;
  $('token-copy-state').textContent = '';
  $('token-secret').hidden = false;
}

async function copySecret() {
  try {
    await navigator.clipboard.writeText(admin.secret);
    $('token-copy-state').textContent = 'Đã chép / Copied';
  } catch {
    document.getSelection()?.selectAllChildren($('token-secret-value'));
    $('token-copy-state').textContent = 'Đã chọn: bấm Ctrl+C / selected: press Ctrl+C';
  }
}

function wireTokenForm() {
  const form = $('token-form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = { name: form.elements.name.value.trim(), role: form.elements.role.value };
    if (!$('token-pii').hidden) input.canReadPii = form.elements.pii.checked;
    const days = Number.parseInt(form.elements.days.value, 10);
    if (Number.isInteger(days)) input.expiresInDays = days;
    try {
      const created = await api.createToken(input);
      form.reset();
      clear($('token-feedback'));
      showSecret(created.secret);
    } catch (error) {
      showIn('token-feedback', errorBox(error));
      return;
    }
    await loadAdmin(admin.access);
  });
  $('token-copy').addEventListener('click', copySecret);
  $('token-secret-done').addEventListener('click', hideSecret);
}

/** Forgets a shown token secret (closing the panel, switching workspace, signing out). */
export function hideSecret() {
  admin.secret = '';
  $('token-secret-value').textContent = '';
  $('token-copy-state').textContent = '';
  $('token-secret').hidden = true;
}

/**
 * Empties the panel (lists, messages, a shown secret) and drops answers still on their way: at a
 * switch of workspace and at sign-out, so nothing of one workspace shows in another.
 */
export function resetAdmin() {
  admin.loads += 1;
  hideSecret();
  for (const id of ['member-list', 'token-list', 'audit-list']) clear($(id));
  for (const id of ['member-feedback', 'token-feedback', 'audit-feedback']) clear($(id));
  resetWorkspaceForms();
  resetAuditTools();
}

/**
 * Wires the panel's forms; called once. `onWorkspacesChanged` runs after a workspace was created
 * or renamed (the header's switcher reads them again).
 * @param {{onWorkspacesChanged: () => Promise<void>}} options
 */
export function wireAdmin({ onWorkspacesChanged }) {
  wireWorkspaceForms({ onChanged: onWorkspacesChanged });
  wireMemberForm();
  wireTokenForm();
  wireAuditTools();
}
