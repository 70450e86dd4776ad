import { LangngheError } from '../core/errors.js';
import type { AuditActor, AuditInput } from './audit.js';
import { requireText } from './require-text.js';

const ACTOR_KINDS = new Set<string>(['user', 'token', 'system', 'anonymous']);

/** An audit input checked for storing, `details` as the plain JSON it will be read back as. */
export interface ValidAuditInput {
  actor: AuditActor;
  workspaceId?: string;
  action: string;
  target?: string;
  address?: string;
  details: Record<string, unknown>;
}

/**
 * Checks an entry before it is hashed and stored: actor kind and id, a non-empty action, optional
 * strings, `details` a JSON object. `details` goes through a JSON round trip here so that the hash
 * covers exactly what a later read returns (a Date becomes its ISO string, undefined drops out).
 * Fails with `store.invalid` naming the field.
 */
export function validateAuditInput(input: AuditInput): ValidAuditInput {
  const actor = input?.actor;
  if (actor === null || typeof actor !== 'object' || !ACTOR_KINDS.has(actor.kind)) {
    throw invalid('actor.kind', 'actor.kind must be user, token, system or anonymous');
  }
  const valid: ValidAuditInput = {
    actor: { kind: actor.kind, id: requireText(actor.id, 'actor.id') },
    action: requireText(input.action, 'action'),
    details: jsonObject(input.details),
  };
  if (actor.name !== undefined) valid.actor.name = optionalText(actor.name, 'actor.name');
  if (input.workspaceId !== undefined) {
    valid.workspaceId = requireText(input.workspaceId, 'workspaceId');
  }
  if (input.target !== undefined) valid.target = optionalText(input.target, 'target');
  if (input.address !== undefined) valid.address = optionalText(input.address, 'address');
  return valid;
}

function optionalText(value: unknown, field: string): string {
  if (typeof value !== 'string') throw invalid(field, `${field} must be a string`);
  return value;
}

function jsonObject(details: unknown): Record<string, unknown> {
  if (details === undefined) return {};
  let copy: unknown;
  try {
    copy = JSON.parse(JSON.stringify(details) ?? 'null');
  } catch (cause) {
    throw new LangngheError('store.invalid', 'details must be JSON', {
      cause,
      details: { field: 'details' },
    });
  }
  if (copy === null || typeof copy !== 'object' || Array.isArray(copy)) {
    throw invalid('details', 'details must be a JSON object');
  }
  return copy as Record<string, unknown>;
}

function invalid(field: string, message: string): LangngheError {
  return new LangngheError('store.invalid', message, { details: { field } });
}
