import { LangngheError } from '../core/errors.js';
import type { SecretBox } from './secret-box.js';

export { createSecretBox, deriveSecretKey } from './secret-box.js';
export type { SealContext, SecretBox, SecretBoxOptions } from './secret-box.js';

/** How a credential sits in a stored source config: sealed, or a reference to the environment. */
export type StoredSecret = { $secret: string } | { $env: string };

function isSealed(value: unknown): value is { $secret: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { $secret?: unknown }).$secret === 'string'
  );
}

function isEnvRef(value: unknown): value is { $env: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { $env?: unknown }).$env === 'string'
  );
}

const ENV_REF = /^env:([A-Za-z_][A-Za-z0-9_]*)$/;

/** What may be read from the environment: never langnghe's own settings; `allowedEnv` when given. */
function envRefusal(name: string, allowedEnv: readonly string[] | undefined): string | undefined {
  if (name.toUpperCase().startsWith('LANGNGHE_'))
    return `cannot read langnghe's own settings (${name}); name another variable`;
  if (allowedEnv !== undefined && !allowedEnv.includes(name))
    return `cannot read ${name}: sources may read only the variables envAllowList names`;
  return undefined;
}

export interface SealOptions {
  /** The connector's credential fields. */
  secretFields: readonly string[];
  /** Without a box a literal credential is refused (nothing is stored in clear). */
  box: SecretBox | undefined;
  /** The source the config is stored for: its sealed values open for it only. */
  sourceId: string;
  /** Variables `env:NAME` may name (the envAllowList setting); absent: any but LANGNGHE_*. */
  allowedEnv?: readonly string[];
  /** Fields holding what is already stored (credentials an update leaves out): kept as they are. */
  keptFields?: readonly string[];
}

/**
 * Prepares a config from input (the API, the CLI) for storage: each credential given as
 * `env:NAME` becomes `{ $env: NAME }` (read at run time), any other string is sealed for this
 * source and field. The stored forms themselves (`{ $env }`, `{ $secret }`) are refused in
 * input, as is a variable `envRefusal` forbids: `input.invalid`.
 */
export function sealConfig(
  config: Record<string, unknown>,
  options: SealOptions,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...config };
  for (const field of options.secretFields) {
    const value = out[field];
    if (value === undefined) continue;
    if (options.keptFields?.includes(field) === true && (isSealed(value) || isEnvRef(value)))
      continue;
    if (typeof value !== 'string')
      throw new LangngheError(
        'input.invalid',
        `"${field}" must be a string: the credential itself, or env:VARIABLE_NAME to read it from the environment`,
        { details: { field } },
      );
    const ref = ENV_REF.exec(value);
    const refusal = ref === null ? undefined : envRefusal(ref[1]!, options.allowedEnv);
    if (refusal !== undefined)
      throw new LangngheError('input.invalid', `"${field}" ${refusal}`, { details: { field } });
    if (ref !== null) {
      out[field] = { $env: ref[1]! };
      continue;
    }
    if (options.box === undefined)
      throw new LangngheError(
        'config.invalid',
        `"${field}" is a credential: set LANGNGHE_SECRET_KEY so it can be stored encrypted, or give it as env:VARIABLE_NAME to read it from the environment`,
        { details: { field } },
      );
    out[field] = options.box.seal(value, { sourceId: options.sourceId, field });
  }
  return out;
}

export interface OpenOptions {
  secretFields: readonly string[];
  box: SecretBox | undefined;
  /** The source the config belongs to (what its values were sealed for). */
  sourceId: string;
  env: Readonly<Record<string, string | undefined>>;
  /** As for `sealConfig`: a stored reference to another variable is refused too. */
  allowedEnv?: readonly string[];
}

/**
 * The config a connector runs with: sealed values decrypted, `$env` references read. A value
 * sealed for another source or field, a reference to a variable that may not be read, or one
 * that is not set, is `source.secret`.
 */
export function openConfig(
  stored: Readonly<Record<string, unknown>>,
  options: OpenOptions,
): { config: Record<string, unknown>; secrets: string[] } {
  const config: Record<string, unknown> = { ...stored };
  const secrets: string[] = [];
  for (const field of options.secretFields) {
    const value = config[field];
    if (isSealed(value)) {
      if (options.box === undefined)
        throw new LangngheError(
          'source.secret',
          `"${field}" is stored encrypted but LANGNGHE_SECRET_KEY is not set`,
          { details: { field } },
        );
      config[field] = options.box.open(value, { sourceId: options.sourceId, field });
    } else if (isEnvRef(value)) {
      config[field] = readEnv(field, value.$env, options);
    }
    if (typeof config[field] === 'string') secrets.push(config[field]);
  }
  return { config, secrets };
}

function readEnv(field: string, name: string, options: OpenOptions): string {
  const refusal = envRefusal(name, options.allowedEnv);
  if (refusal !== undefined)
    throw new LangngheError('source.secret', `"${field}" ${refusal}`, {
      details: { field, variable: name },
    });
  const read = options.env[name];
  if (read === undefined || read === '')
    throw new LangngheError(
      'source.secret',
      `"${field}" is read from the environment variable ${name}, which is not set`,
      { details: { field, variable: name } },
    );
  return read;
}

/** A stored config fit to print: sealed values as `***`, references as `env:NAME`. */
export function maskConfig(
  stored: Readonly<Record<string, unknown>>,
  secretFields: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...stored };
  for (const field of secretFields) {
    const value = out[field];
    if (value === undefined) continue;
    out[field] = isEnvRef(value) ? `env:${value.$env}` : '***';
  }
  return out;
}
