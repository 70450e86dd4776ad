import { z } from 'zod';

/** How a setting's text form (environment variable, command-line flag) becomes its value. */
export type SettingKind = 'string' | 'integer' | 'number' | 'boolean';

/** What the loader and the generated documentation know about one setting besides its schema. */
export interface SettingMeta {
  /** The environment variable that sets it. */
  env: string;
  kind: SettingKind;
  /** What a valid value looks like, for error messages ("an integer 1–65535"). */
  expected: string;
  /** Never echoed back in error messages (URL credentials are always masked). */
  isSecret?: boolean;
}

/** Where each setting's environment variable, kind and expectation are recorded. */
export const settingsRegistry = z.registry<SettingMeta>();

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const MIB = 1024 * 1024;

const dataDir = z
  .string()
  .min(1)
  .max(4096)
  .default('.langnghe')
  .describe(
    'Folder for the SQLite database and other local state; a relative path is resolved against the working directory.',
  )
  .register(settingsRegistry, {
    env: 'LANGNGHE_DATA_DIR',
    kind: 'string',
    expected: 'a folder path',
  });

const port = z
  .number()
  .int()
  .min(1)
  .max(65535)
  .default(8080)
  .describe('TCP port the HTTP server listens on.')
  .register(settingsRegistry, {
    env: 'LANGNGHE_PORT',
    kind: 'integer',
    expected: 'an integer 1–65535',
  });

const host = z
  .string()
  .min(1)
  .max(255)
  .default('127.0.0.1')
  .describe(
    'Address the HTTP server binds to. The default only accepts connections from this machine; use 0.0.0.0 to listen on every interface.',
  )
  .register(settingsRegistry, {
    env: 'LANGNGHE_HOST',
    kind: 'string',
    expected: 'a host name or IP address',
  });

const ingestToken = z
  .string()
  .min(16)
  .max(512)
  .regex(/^[\x21-\x7e]+$/)
  .optional()
  .describe(
    'Bearer token that POST /api/ingest requires (`Authorization: Bearer <token>`). Without one, ingest over HTTP is refused. Generate one with `openssl rand -hex 24`.',
  )
  .register(settingsRegistry, {
    env: 'LANGNGHE_INGEST_TOKEN',
    kind: 'string',
    expected: '16–512 printable ASCII characters without spaces',
    isSecret: true,
  });

const adminToken = z
  .string()
  .min(16)
  .max(512)
  .regex(/^[\x21-\x7e]+$/)
  .optional()
  .describe(
    'Bearer token that source management over HTTP requires (POST/DELETE /api/sources, running a source). Without one, sources are managed only from the command line (`langnghe sources`).',
  )
  .register(settingsRegistry, {
    env: 'LANGNGHE_ADMIN_TOKEN',
    kind: 'string',
    expected: '16–512 printable ASCII characters without spaces',
    isSecret: true,
  });

const secretKey = z
  .string()
  .min(16)
  .max(512)
  .optional()
  .describe(
    "Key that encrypts the sources' stored credentials (AES-256-GCM): 32 random bytes as base64 or hex (`openssl rand -base64 32`), or a passphrase of 16+ characters. Without it, credentials must be given as `env:VARIABLE` references.",
  )
  .register(settingsRegistry, {
    env: 'LANGNGHE_SECRET_KEY',
    kind: 'string',
    expected: '32 random bytes as base64/hex, or a passphrase of 16–512 characters',
    isSecret: true,
  });

const collect = z
  .boolean()
  .default(true)
  .describe('Run the configured sources (connectors) on their schedules while serving.')
  .register(settingsRegistry, {
    env: 'LANGNGHE_COLLECT',
    kind: 'boolean',
    expected: 'true or false (also 1/0, yes/no, on/off)',
  });

const maxConcurrentPolls = z
  .number()
  .int()
  .min(1)
  .max(256)
  .default(4)
  .describe('Most source polls running at once (streams and webhooks do not count).')
  .register(settingsRegistry, {
    env: 'LANGNGHE_MAX_CONCURRENT_POLLS',
    kind: 'integer',
    expected: 'an integer 1–256',
  });

const demo = z
  .boolean()
  .default(true)
  .describe(
    'Load the demo data set (sample posts, clearly marked as such in the UI) on first start, and replay it live.',
  )
  .register(settingsRegistry, {
    env: 'LANGNGHE_DEMO',
    kind: 'boolean',
    expected: 'true or false (also 1/0, yes/no, on/off)',
  });

const replayRatePerSecond = z
  .number()
  .positive()
  .max(100_000)
  .default(5)
  .describe(
    'Posts per second the demo replay feeds into the pipeline once the demo data is loaded.',
  )
  .register(settingsRegistry, {
    env: 'LANGNGHE_REPLAY_RATE',
    kind: 'number',
    expected: 'a number greater than 0 and at most 100000',
  });

const bodyLimitBytes = z
  .number()
  .int()
  .min(1024)
  .max(1024 * MIB)
  .default(10 * MIB)
  .describe('Largest request body POST /api/ingest accepts, in bytes; larger bodies get 413.')
  .register(settingsRegistry, {
    env: 'LANGNGHE_BODY_LIMIT_BYTES',
    kind: 'integer',
    expected: 'an integer number of bytes from 1024 to 1073741824',
  });

const maxStreams = z
  .number()
  .int()
  .min(1)
  .max(100_000)
  .default(100)
  .describe('Most live streams (GET /api/stream) open at once; one more gets 503.')
  .register(settingsRegistry, {
    env: 'LANGNGHE_MAX_STREAMS',
    kind: 'integer',
    expected: 'an integer 1–100000',
  });

const logLevel = z
  .enum(LOG_LEVELS)
  .default('info')
  .describe('Least severe log level written.')
  .register(settingsRegistry, {
    env: 'LANGNGHE_LOG_LEVEL',
    kind: 'string',
    expected: `one of ${LOG_LEVELS.join(', ')}`,
  });

const store = z
  .union([z.literal('sqlite'), z.string().regex(/^postgres(?:ql)?:\/\/\S+$/)])
  .default('sqlite')
  .describe(
    'Where posts are stored: `sqlite` (a file in dataDir, the embedded mode) or a postgres:// URL (scaled out).',
  )
  .register(settingsRegistry, {
    env: 'LANGNGHE_STORE',
    kind: 'string',
    expected: '"sqlite" or a postgres:// URL',
  });

const bus = z
  .union([z.literal('memory'), z.string().regex(/^nats:\/\/\S+$/)])
  .default('memory')
  .describe(
    'How stages pass items: `memory` (an in-process bounded queue, the embedded mode) or a nats:// URL (NATS JetStream, scaled out).',
  )
  .register(settingsRegistry, {
    env: 'LANGNGHE_BUS',
    kind: 'string',
    expected: '"memory" or a nats:// URL',
  });

/**
 * Every setting of langnghe, with its default and description. Parsed once at start by
 * `loadConfig`; nothing else reads the environment.
 */
export const configSchema = z.strictObject({
  dataDir,
  port,
  host,
  ingestToken,
  adminToken,
  secretKey,
  collect,
  maxConcurrentPolls,
  demo,
  replayRatePerSecond,
  bodyLimitBytes,
  maxStreams,
  logLevel,
  store,
  bus,
});

export type Config = z.output<typeof configSchema>;
export type SettingName = keyof Config;

/** The settings in schema order. */
export const SETTING_NAMES = Object.keys(configSchema.shape) as SettingName[];

/** The environment variable naming a config file other than `langnghe.config.json`. */
export const CONFIG_FILE_ENV = 'LANGNGHE_CONFIG';
export const DEFAULT_CONFIG_FILE = 'langnghe.config.json';

export function settingMeta(name: SettingName): SettingMeta {
  const meta = settingsRegistry.get(configSchema.shape[name]);
  if (meta === undefined) throw new Error(`Setting ${name} has no metadata`);
  return meta;
}
