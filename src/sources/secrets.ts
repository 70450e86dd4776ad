import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { LangngheError } from '../core/errors.js';

/** How a credential sits in a stored source config: sealed, or a reference to the environment. */
export type StoredSecret = { $secret: string } | { $env: string };

export interface SecretBox {
  seal(plain: string): { $secret: string };
  open(sealed: { $secret: string }): string;
}

const VERSION = 'v1';
const SCRYPT_SALT = 'langnghe-secrets-v1';

/**
 * The 32-byte key of `LANGNGHE_SECRET_KEY`: 64 hex digits or base64 of 32 bytes are used as they
 * are (`openssl rand -base64 32`); anything else of 16+ characters is a passphrase stretched with
 * scrypt. Shorter is refused.
 */
export function deriveSecretKey(material: string): Buffer {
  const text = material.trim();
  if (/^[0-9a-f]{64}$/i.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) {
    const bytes = Buffer.from(
      text,
      text.includes('-') || text.includes('_') ? 'base64url' : 'base64',
    );
    if (bytes.length === 32) return bytes;
  }
  if (text.length < 16)
    throw new LangngheError(
      'config.invalid',
      'LANGNGHE_SECRET_KEY is too short: use 32 random bytes (openssl rand -base64 32) or a passphrase of 16+ characters',
    );
  return scryptSync(text, SCRYPT_SALT, 32);
}

/** AES-256-GCM with a random 96-bit IV per value; the tag authenticates it. */
export function createSecretBox(keyMaterial: string): SecretBox {
  const key = deriveSecretKey(keyMaterial);
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return {
        $secret: [VERSION, iv, tag, data]
          .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
          .join(':'),
      };
    },
    open(sealed) {
      const parts = sealed.$secret.split(':');
      if (parts.length !== 4 || parts[0] !== VERSION)
        throw new LangngheError('source.secret', 'A stored credential is not in a known format');
      const [, iv, tag, data] = parts.map((p) => Buffer.from(p, 'base64url'));
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv!);
        decipher.setAuthTag(tag!);
        return Buffer.concat([decipher.update(data!), decipher.final()]).toString('utf8');
      } catch {
        throw new LangngheError(
          'source.secret',
          'A stored credential cannot be decrypted: LANGNGHE_SECRET_KEY is not the key it was stored with',
        );
      }
    },
  };
}

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

/**
 * Prepares a config for storage: each secret field given as `env:NAME` becomes `{ $env: NAME }`
 * (read at run time), any other string is sealed with the box. Without a box a literal secret is
 * refused, so nothing is ever stored in clear.
 */
export function sealConfig(
  config: Record<string, unknown>,
  secretFields: readonly string[],
  box: SecretBox | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...config };
  for (const field of secretFields) {
    const value = out[field];
    if (value === undefined || isSealed(value) || isEnvRef(value)) continue;
    if (typeof value !== 'string')
      throw new LangngheError('input.invalid', `"${field}" must be a string`, {
        details: { field },
      });
    const ref = ENV_REF.exec(value);
    if (ref !== null && ref[1]!.toUpperCase().startsWith('LANGNGHE_'))
      throw new LangngheError(
        'input.invalid',
        `"${field}" cannot read langnghe's own settings (${ref[1]}); name another variable`,
        { details: { field } },
      );
    if (ref !== null) {
      out[field] = { $env: ref[1]! };
      continue;
    }
    if (box === undefined)
      throw new LangngheError(
        'config.invalid',
        `"${field}" is a credential: set LANGNGHE_SECRET_KEY so it can be stored encrypted, or give it as env:VARIABLE_NAME to read it from the environment`,
        { details: { field } },
      );
    out[field] = box.seal(value);
  }
  return out;
}

/** The config a connector runs with: sealed values decrypted, `$env` references read. */
export function openConfig(
  stored: Readonly<Record<string, unknown>>,
  secretFields: readonly string[],
  box: SecretBox | undefined,
  env: Readonly<Record<string, string | undefined>>,
): { config: Record<string, unknown>; secrets: string[] } {
  const config: Record<string, unknown> = { ...stored };
  const secrets: string[] = [];
  for (const field of secretFields) {
    const value = config[field];
    if (isSealed(value)) {
      if (box === undefined)
        throw new LangngheError(
          'source.secret',
          `"${field}" is stored encrypted but LANGNGHE_SECRET_KEY is not set`,
          { details: { field } },
        );
      config[field] = box.open(value);
    } else if (isEnvRef(value)) {
      const read = env[value.$env];
      if (read === undefined || read === '')
        throw new LangngheError(
          'source.secret',
          `"${field}" is read from the environment variable ${value.$env}, which is not set`,
          { details: { field, variable: value.$env } },
        );
      config[field] = read;
    }
    if (typeof config[field] === 'string') secrets.push(config[field]);
  }
  return { config, secrets };
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
