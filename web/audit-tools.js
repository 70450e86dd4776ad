/* global document */
import { api } from './api.js';
import { bilingual, clear, el } from './dom.js';
import { errorBox, okLine } from './render.js';

const $ = (id) => document.getElementById(id);

/** Counts checks, so that an answer for a workspace left meanwhile is dropped. */
const tools = { checks: 0 };

/**
 * Points the download links at the current workspace's audit export and shows the chain check
 * to owners (the server rules it workspace:write).
 * @param {{role: string}} access
 */
export function showAuditTools(access) {
  $('audit-csv').setAttribute('href', api.auditExportUrl('csv'));
  $('audit-jsonl').setAttribute('href', api.auditExportUrl('jsonl'));
  $('audit-verify').hidden = access.role !== 'owner';
}

/** Forgets the links and a shown check (a switch of workspace, sign-out). */
export function resetAuditTools() {
  tools.checks += 1;
  for (const id of ['audit-csv', 'audit-jsonl']) $(id).removeAttribute('href');
  clear($('audit-verify-result'));
}

function verdict(result) {
  if (result.isIntact)
    return okLine(`Chuỗi nguyên vẹn: ${result.count} mục`, `intact: ${result.count} entries`);
  const at = result.brokenAt === undefined ? '?' : `#${result.brokenAt}`;
  return el('div', { className: 'error-box', attrs: { role: 'alert' } }, [
    bilingual(`Chuỗi bị đứt ở mục ${at}`, `broken at entry ${at}`),
    result.reason && el('code', { text: result.reason }),
  ]);
}

async function verifyChain() {
  const check = ++tools.checks;
  const button = $('audit-verify');
  const box = $('audit-verify-result');
  button.disabled = true;
  let node;
  try {
    node = verdict(await api.verifyAudit());
  } catch (error) {
    node = errorBox(error);
  } finally {
    button.disabled = false;
  }
  if (check !== tools.checks) return;
  clear(box);
  box.append(node);
}

/** Wires the chain check; called once. */
export function wireAuditTools() {
  $('audit-verify').addEventListener('click', () => void verifyChain());
}
