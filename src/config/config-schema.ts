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

const allowedHosts = z
  .string()
  .max(4096)
  .default('')
  .describe(
    "Host names the server answers to besides loopback (localhost, 127.0.0.1, [::1]) and `host`, comma-separated (`langnghe.example.gov.vn`). A request for any other name gets 421, which stops DNS-rebinding pages from reaching the API. Needed when `host` is 0.0.0.0: name the machine's public name here, and put TLS in front.",
  )
  .register(settingsRegistry, {
    env: 'LANGNGHE_ALLOWED_HOSTS',
    kind: 'string',
    expected: 'host names separated by commas',
  });

const fetchAllowList = z
  .string()
  .max(4096)
  .default('')
  .describe(
    'Private addresses connectors may reach, comma-separated CIDRs or host names (`10.1.2.0/24,intranet.ubnd.local`). By default loopback, private, link-local and cloud-metadata addresses are refused when a connection is made, also after redirects.',
  )
  .register(settingsRegistry, {
    env: 'LANGNGHE_FETCH_ALLOW',
    kind: 'string',
    expected: 'CIDRs or host names separated by commas',
  });

const envAllowList = z
  .string()
  .max(4096)
  .default('')
  .describe(
    'Environment variables a source credential may name as `env:NAME`, comma-separated. Empty: any variable not starting with LANGNGHE_.',
  )
  .register(settingsRegistry, {
    env: 'LANGNGHE_ENV_ALLOW',
    kind: 'string',
    expected: 'variable names separated by commas',
  });

const rateLimitPerMinute = z
  .number()
  .int()
  .min(10)
  .max(1_000_000)
  .default(1200)
  .describe(
    'Requests per minute one address (or one API token) may make; more get 429 with Retry-After.',
  )
  .register(settingsRegistry, {
    env: 'LANGNGHE_RATE_LIMIT',
    kind: 'integer',
    expected: 'an integer 10–1000000',
  });

const loginRateLimitPerMinute = z
  .number()
  .int()
  .min(1)
  .max(10_000)
  .default(10)
  .describe('Login attempts per minute from one address.')
  .register(settingsRegistry, {
    env: 'LANGNGHE_LOGIN_RATE_LIMIT',
    kind: 'integer',
    expected: 'an integer 1–10000',
  });

const maxStreamsPerPrincipal = z
  .number()
  .int()
  .min(1)
  .max(1000)
  .default(5)
  .describe('Most live streams one user or token may hold open at once.')
  .register(settingsRegistry, {
    env: 'LANGNGHE_MAX_STREAMS_PER_PRINCIPAL',
    kind: 'integer',
    expected: 'an integer 1–1000',
  });

const maxTopicsPerWorkspace = z
  .number()
  .int()
  .min(1)
  .max(100_000)
  .default(500)
  .describe('Most topics one workspace may have.')
  .register(settingsRegistry, {
    env: 'LANGNGHE_MAX_TOPICS_PER_WORKSPACE',
    kind: 'integer',
    expected: 'an integer 1–100000',
  });

const pipelineWorkers = z
  .number()
  .int()
  .min(0)
  .max(64)
  .optional()
  .describe(
    'Worker threads that enrich and match posts (0: all in the main thread). Default: one per core beyond the first, at least 1.',
  )
  .register(settingsRegistry, {
    env: 'LANGNGHE_PIPELINE_WORKERS',
    kind: 'integer',
    expected: 'an integer 0–64',
  });

const sessionHours = z
  .number()
  .int()
  .min(1)
  .max(24 * 30)
  .default(12)
  .describe('Hours a dashboard login lasts.')
  .register(settingsRegistry, {
    env: 'LANGNGHE_SESSION_HOURS',
    kind: 'integer',
    expected: 'an integer 1–720',
  });

const cookieSecure = z
  .boolean()
  .default(false)
  .describe('Mark the session cookie Secure (sent over HTTPS only). Turn it on behind TLS.')
  .register(settingsRegistry, {
    env: 'LANGNGHE_COOKIE_SECURE',
    kind: 'boolean',
    expected: 'true or false (also 1/0, yes/no, on/off)',
  });

const retention = z
  .string()
  .max(1024)
  .default('')
  .describe(
    'Days to keep posts per platform, `platform=days` separated by commas (`facebook=90,zalo=30`); older posts are deleted every hour while serving, and the deletion is in the audit log. Empty: keep everything.',
  )
  .register(settingsRegistry, {
    env: 'LANGNGHE_RETENTION',
    kind: 'string',
    expected: 'platform=days pairs separated by commas',
  });

const oidcIssuer = z
  .string()
  .max(2048)
  .regex(/^https?:\/\/\S+$/)
  .optional()
  .describe(
    'Single sign-on: the OpenID Connect issuer URL (its /.well-known/openid-configuration is read). With oidcClientId and oidcRedirectUri, the login page offers "Đăng nhập một lần / single sign-on".',
  )
  .register(settingsRegistry, {
    env: 'LANGNGHE_OIDC_ISSUER',
    kind: 'string',
    expected: 'an http(s) URL',
  });

const oidcClientId = z
  .string()
  .min(1)
  .max(512)
  .optional()
  .describe('Single sign-on: the client id registered at the identity provider.')
  .register(settingsRegistry, {
    env: 'LANGNGHE_OIDC_CLIENT_ID',
    kind: 'string',
    expected: 'a client id',
  });

const oidcClientSecret = z
  .string()
  .min(1)
  .max(512)
  .optional()
  .describe('Single sign-on: the client secret (absent: a public client with PKCE only).')
  .register(settingsRegistry, {
    env: 'LANGNGHE_OIDC_CLIENT_SECRET',
    kind: 'string',
    expected: 'the client secret',
    isSecret: true,
  });

const oidcRedirectUri = z
  .string()
  .max(2048)
  .regex(/^https?:\/\/\S+\/api\/auth\/oidc\/callback$/)
  .optional()
  .describe(
    "Single sign-on: this server's callback URL as registered, ending in /api/auth/oidc/callback.",
  )
  .register(settingsRegistry, {
    env: 'LANGNGHE_OIDC_REDIRECT_URI',
    kind: 'string',
    expected: 'an http(s) URL ending in /api/auth/oidc/callback',
  });

const oidcDefaultMembership = z
  .string()
  .max(200)
  .regex(/^(?:[a-z0-9][a-z0-9-]{1,62}:(?:admin|analyst|viewer))?$/)
  .default('')
  .describe(
    'Single sign-on: where a user signing in for the first time starts, `workspace:role` (`default:viewer`). Empty: in no workspace until an admin adds them.',
  )
  .register(settingsRegistry, {
    env: 'LANGNGHE_OIDC_DEFAULT_MEMBERSHIP',
    kind: 'string',
    expected: 'workspace:role (admin, analyst or viewer), or empty',
  });

/**
 * Every setting of langnghe, with its default and description. Parsed once at start by
 * `loadConfig`; nothing else reads the environment.
 */
export const configSchema = z.strictObject({
  dataDir,
  port,
  host,
  allowedHosts,
  secretKey,
  fetchAllowList,
  envAllowList,
  collect,
  maxConcurrentPolls,
  demo,
  replayRatePerSecond,
  bodyLimitBytes,
  maxStreams,
  maxStreamsPerPrincipal,
  rateLimitPerMinute,
  loginRateLimitPerMinute,
  maxTopicsPerWorkspace,
  pipelineWorkers,
  sessionHours,
  cookieSecure,
  retention,
  oidcIssuer,
  oidcClientId,
  oidcClientSecret,
  oidcRedirectUri,
  oidcDefaultMembership,
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
