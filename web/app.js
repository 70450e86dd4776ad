/* global document */
import { renderAccountBar, setPanelOpen, wireAccount } from './account.js';
import { hideSecret, isAdminRole, loadAdmin, resetAdmin, wireAdmin } from './admin.js';
import { api } from './api.js';
import { loadDashboard, stopDashboard, wireDashboard } from './dashboard.js';
import { showLoginForm, showSsoLink, wireLogin } from './login.js';

const $ = (id) => document.getElementById(id);
const WORKSPACE_KEY = 'langnghe.workspace';

/** The signed-in session: who, where they may go, and where they are now. */
const ui = { session: null, workspace: null };

function remembered() {
  try {
    return localStorage.getItem(WORKSPACE_KEY);
  } catch {
    return null;
  }
}

function remember(id) {
  try {
    localStorage.setItem(WORKSPACE_KEY, id);
  } catch {
    // Storage refused (private mode, quota): the choice lasts for this page only.
  }
}

/** The remembered workspace if still allowed, else "default", else the first one. */
function pickWorkspace(workspaces) {
  const ids = workspaces.map((w) => w.id);
  const saved = remembered();
  if (saved !== null && ids.includes(saved)) return saved;
  return ids.includes('default') ? 'default' : (ids[0] ?? null);
}

/**
 * What the user may do in a workspace, as the server's scopeFor decides: an install admin acts as
 * owner; pii:read comes from the membership alone (an install admin without one lacks it).
 */
function accessIn(workspaceId) {
  const { principal, workspaces } = ui.session;
  const membership = principal.memberships.find((m) => m.workspaceId === workspaceId);
  return {
    role: principal.isInstallAdmin ? 'owner' : (membership?.role ?? 'viewer'),
    isInstallAdmin: principal.isInstallAdmin,
    canReadPii: membership?.canReadPii === true,
    workspace: workspaces.find((w) => w.id === workspaceId) ?? {
      id: workspaceId,
      name: workspaceId,
    },
  };
}

async function useWorkspace(id) {
  ui.workspace = id;
  api.useWorkspace(id);
  remember(id);
  resetAdmin();
  const access = accessIn(id);
  const isAdmin = isAdminRole(access.role);
  $('open-admin').hidden = !isAdmin;
  if (!isAdmin) setPanelOpen('open-admin', 'admin-panel', false);
  const loads = [loadDashboard({ canWriteTopics: access.role !== 'viewer' })];
  if (isAdmin && !$('admin-panel').hidden) loads.push(loadAdmin(access));
  await Promise.all(loads);
}

/** Reads the session again after a workspace was created or renamed: the switcher lists it. */
async function refreshWorkspaces() {
  const session = await api.session();
  ui.session = session;
  renderAccountBar(session.principal, session.workspaces, ui.workspace);
  if (!$('admin-panel').hidden) await loadAdmin(accessIn(ui.workspace));
}

/** Reads the session (401 ends here: the API client shows the login form) and opens the app. */
async function enter() {
  const session = await api.session();
  ui.session = session;
  const workspace = pickWorkspace(session.workspaces);
  renderAccountBar(session.principal, session.workspaces, workspace);
  $('login').hidden = true;
  $('live-status').hidden = false;
  $('no-workspace').hidden = workspace !== null;
  $('app').hidden = workspace === null;
  if (workspace !== null) await useWorkspace(workspace);
}

/** Back to the login form: the app is hidden and forgets the session. */
function leave(notice) {
  const wasSignedIn = ui.session !== null;
  // Several requests may answer 401 at once: the first one's notice stays.
  if (!wasSignedIn && !$('login').hidden && notice === undefined) return;
  ui.session = null;
  stopDashboard();
  resetAdmin();
  for (const id of ['app', 'no-workspace', 'account-bar', 'live-status']) $(id).hidden = true;
  setPanelOpen('open-admin', 'admin-panel', false);
  setPanelOpen('open-account', 'account-panel', false);
  showLoginForm(
    notice ??
      (wasSignedIn
        ? {
            vi: 'Phiên đăng nhập đã kết thúc. Hãy đăng nhập lại.',
            en: 'Your session ended: sign in again.',
          }
        : undefined),
  );
}

async function showInfo() {
  try {
    const info = await api.info();
    $('demo-banner').hidden = !info.demo;
    $('version').textContent = `langnghe ${info.version}`;
    showSsoLink(info.isSsoEnabled === true);
  } catch {
    $('version').textContent = 'langnghe';
    showSsoLink(false);
  }
}

function wireAdminButton() {
  $('open-admin').addEventListener('click', () => {
    const isOpen = $('admin-panel').hidden;
    setPanelOpen('open-admin', 'admin-panel', isOpen);
    if (isOpen) void loadAdmin(accessIn(ui.workspace));
    else hideSecret();
  });
}

async function start() {
  api.onSignedOut(() => leave());
  wireDashboard();
  wireAdmin({ onWorkspacesChanged: refreshWorkspaces });
  wireAdminButton();
  wireLogin({ onSignedIn: enter });
  wireAccount({
    onSwitch: (id) => void useWorkspace(id),
    onSignedOut: () => leave({ vi: 'Đã đăng xuất.', en: 'Signed out.' }),
    onPasswordChanged: () =>
      leave({
        vi: 'Đã đổi mật khẩu. Hãy đăng nhập bằng mật khẩu mới.',
        en: 'Password changed: sign in with the new one.',
      }),
  });
  void showInfo();
  try {
    await enter();
  } catch (error) {
    if (error.status !== 401) leave();
  }
}

start();
