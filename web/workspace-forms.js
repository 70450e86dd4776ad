/* global document */
import { api } from './api.js';
import { clear } from './dom.js';
import { errorBox, okLine } from './render.js';

const $ = (id) => document.getElementById(id);

function showIn(id, node) {
  clear($(id));
  $(id).append(node);
}

/**
 * Shows the workspace section as the signed-in user's access allows: renaming the current
 * workspace for its owners (workspace:write), creating one for install admins; hidden for others.
 * @param {{role: string, isInstallAdmin: boolean, workspace: {id: string, name: string}}} access
 */
export function showWorkspaceForms(access) {
  const canRename = access.role === 'owner';
  $('workspace-rename').hidden = !canRename;
  $('workspace-create').hidden = !access.isInstallAdmin;
  $('panel-workspace').hidden = !canRename && !access.isInstallAdmin;
  // The field follows its default until the user types in it (then a reload leaves it alone).
  $('rename-form').elements.name.defaultValue = access.workspace.name;
}

/** Empties the forms and their messages (a switch of workspace, sign-out). */
export function resetWorkspaceForms() {
  for (const id of ['rename-form', 'workspace-form']) $(id).reset();
  for (const id of ['rename-feedback', 'workspace-feedback']) clear($(id));
}

/**
 * Wires the rename and create forms. The id's rule (2–63 of a–z, 0–9, -) is the server's: its
 * 400 or 409 message is shown as it comes. `onChanged` re-reads the session, so the switcher
 * lists a new workspace and a new name.
 * @param {{onChanged: () => Promise<void>}} options
 */
export function wireWorkspaceForms({ onChanged }) {
  const rename = $('rename-form');
  rename.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const workspace = await api.renameWorkspace(rename.elements.name.value.trim());
      rename.reset();
      showIn('rename-feedback', okLine(`Đã đổi tên thành “${workspace.name}”`, 'Renamed'));
    } catch (error) {
      showIn('rename-feedback', errorBox(error));
      return;
    }
    await onChanged();
  });

  const create = $('workspace-form');
  create.addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = {
      id: create.elements.id.value.trim(),
      name: create.elements.name.value.trim(),
    };
    try {
      const workspace = await api.createWorkspace(input);
      create.reset();
      showIn(
        'workspace-feedback',
        okLine(
          `Đã tạo “${workspace.name}”: chọn nó ở ô không gian làm việc`,
          'Created: pick it in the workspace switcher',
        ),
      );
    } catch (error) {
      showIn('workspace-feedback', errorBox(error));
      return;
    }
    await onChanged();
  });
}
