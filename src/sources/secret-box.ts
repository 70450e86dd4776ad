import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { LangngheError } from '../core/errors.js';

/** Where a sealed credential belongs: it opens for this field of this source only. */
export interface SealContext {
  sourceId: string;
  field: string;
}

/**
 * Encrypts source credentials for storage. `seal` binds the value to its source and field;
 * `open` fails with `source.secret` when the value was sealed for another source or field, with
 * another key or salt, or was tampered with (AES-GCM cannot tell these apart).
 */
export interface SecretBox {
  seal(plain: string, context: SealContext): { $secret: string };
  open(sealed: { $secret: string }, context: SealContext): string;
}

export interface SecretBoxOptions {
  /**
   * The install's own salt for stretching a passphrase (the store's `installSalt()`), so the
   * same passphrase gives each install another key. Absent: the constant salt of format v1.
   * Unused for a key given as 32 bytes (hex or base64).
   */
  salt?: string | Uint8Array;
}

/** v2: `v2:<iv>:<tag>:<data>`, the source id and field as associated data. */
const VERSION = 'v2';
/** v1 (before v2): no associated data, a passphrase stretched with this constant salt. Opened only. */
const LEGACY_VERSION = 'v1';
const LEGACY_SALT = 'langnghe-secrets-v1';

function rawKeyOf(text: string): Buffer | undefined {
  if (/^[0-9a-f]{64}$/i.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) {
    const bytes = Buffer.from(
      text,
      text.includes('-') || text.includes('_') ? 'base64url' : 'base64',
    );
    if (bytes.length === 32) return bytes;
  }
  return undefined;
}

/**
 * The 32-byte key of `LANGNGHE_SECRET_KEY`: 64 hex digits or base64 of 32 bytes are used as they
 * are (`openssl rand -base64 32`); anything else of 16+ characters is a passphrase stretched with
 * scrypt and `salt`. Shorter is refused.
 */
export function deriveSecretKey(material: string, salt: string | Uint8Array = LEGACY_SALT): Buffer {
  const text = material.trim();
  const raw = rawKeyOf(text);
  if (raw !== undefined) return raw;
  if (text.length < 16)
    throw new LangngheError(
      'config.invalid',
      'LANGNGHE_SECRET_KEY is too short: use 32 random bytes (openssl rand -base64 32) or a passphrase of 16+ characters',
    );
  return scryptSync(text, salt, 32);
}

function associatedData(context: SealContext): Buffer {
  return Buffer.from(JSON.stringify(['langnghe-secret', context.sourceId, context.field]), 'utf8');
}

function decrypt(key: Buffer, parts: Buffer[], aad: Buffer | undefined): string {
  const [iv, tag, data] = parts;
  const decipher = createDecipheriv('aes-256-gcm', key, iv!);
  if (aad !== undefined) decipher.setAAD(aad);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(data!), decipher.final()]).toString('utf8');
}

/**
 * AES-256-GCM with a random 96-bit IV per value; the tag authenticates the value and where it
 * belongs. New values are always v2; v1 values (older installs) still open.
 */
export function createSecretBox(keyMaterial: string, options: SecretBoxOptions = {}): SecretBox {
  const key = deriveSecretKey(keyMaterial, options.salt);
  let legacyKey: Buffer | undefined;
  const legacy = (): Buffer =>
    (legacyKey ??= options.salt === undefined ? key : deriveSecretKey(keyMaterial));
  return {
    seal(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(associatedData(context));
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return {
        $secret: [VERSION, ...[iv, tag, data].map((part) => part.toString('base64url'))].join(':'),
      };
    },
    open(sealed, context) {
      const [version, ...rest] = sealed.$secret.split(':');
      if (rest.length !== 3 || (version !== VERSION && version !== LEGACY_VERSION))
        throw new LangngheError('source.secret', `"${context.field}" is not in a known format`, {
          details: { field: context.field },
        });
      const parts = rest.map((part) => Buffer.from(part, 'base64url'));
      try {
        return version === VERSION
          ? decrypt(key, parts, associatedData(context))
          : decrypt(legacy(), parts, undefined);
      } catch (error) {
        throw new LangngheError(
          'source.secret',
          `"${context.field}" of source "${context.sourceId}" cannot be decrypted: it was sealed for another source or field, or LANGNGHE_SECRET_KEY is not the key it was stored with`,
          { details: { field: context.field, sourceId: context.sourceId }, cause: error },
        );
      }
    },
  };
}
