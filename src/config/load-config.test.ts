import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LangngheError } from '../core/errors.js';
import { loadConfig } from './load-config.js';
import type { ConfigInput } from './load-config.js';

const noFile = (): undefined => undefined;

function files(map: Record<string, string>): ConfigInput['readFile'] {
  return (path) => map[path];
}

function problemsOf(input: ConfigInput): string {
  try {
    loadConfig(input);
  } catch (error) {
    assert.ok(error instanceof LangngheError);
    assert.equal(error.code, 'config.invalid');
    return error.message;
  }
  assert.fail('expected config.invalid');
}

describe('loadConfig', () => {
  it('gives every default when nothing is configured', () => {
    const config = loadConfig({ env: {}, readFile: noFile });
    assert.deepEqual(config, {
      dataDir: '.langnghe',
      port: 8080,
      host: '127.0.0.1',
      allowedHosts: '',
      fetchAllowList: '',
      envAllowList: '',
      collect: true,
      maxConcurrentPolls: 4,
      demo: true,
      replayRatePerSecond: 5,
      bodyLimitBytes: 10 * 1024 * 1024,
      maxStreams: 100,
      maxStreamsPerPrincipal: 5,
      rateLimitPerMinute: 1200,
      loginRateLimitPerMinute: 10,
      maxTopicsPerWorkspace: 500,
      sessionHours: 12,
      cookieSecure: false,
      retention: '',
      oidcDefaultMembership: '',
      logLevel: 'info',
      store: 'sqlite',
      bus: 'memory',
    });
    assert.equal(config.secretKey, undefined);
    assert.equal(config.oidcIssuer, undefined);
    assert.equal(config.oidcClientSecret, undefined);
  });

  it('reports the removed ingestToken and adminToken settings as unknown', () => {
    const message = problemsOf({
      env: {},
      readFile: files({
        'langnghe.config.json': JSON.stringify({ ingestToken: 'x'.repeat(24), adminToken: 'y' }),
      }),
    });
    assert.match(message, /2 problems/);
    assert.match(message, /unknown setting "ingestToken"/);
    assert.match(message, /unknown setting "adminToken"/);
    assert.doesNotMatch(message, /x{24}/);
  });

  it('applies defaults < file < env < flags', () => {
    const config = loadConfig({
      env: { LANGNGHE_PORT: '9001', LANGNGHE_HOST: '0.0.0.0', LANGNGHE_DEMO: '0' },
      argv: { port: '9002' },
      readFile: files({
        'langnghe.config.json': JSON.stringify({ port: 9000, logLevel: 'debug', maxStreams: 7 }),
      }),
    });
    assert.equal(config.port, 9002);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.logLevel, 'debug');
    assert.equal(config.maxStreams, 7);
    assert.equal(config.demo, false);
  });

  it('reads the file named by LANGNGHE_CONFIG, and --config over it', () => {
    const readFile = files({ 'a.json': '{"port": 1111}', 'b.json': '{"port": 2222}' });
    assert.equal(loadConfig({ env: { LANGNGHE_CONFIG: 'a.json' }, readFile }).port, 1111);
    const both = { env: { LANGNGHE_CONFIG: 'a.json' }, argv: { config: 'b.json' }, readFile };
    assert.equal(loadConfig(both).port, 2222);
  });

  it('reads every setting from its environment variable', () => {
    const config = loadConfig({
      env: {
        LANGNGHE_DATA_DIR: '/var/lib/langnghe',
        LANGNGHE_ALLOWED_HOSTS: 'langnghe.example.gov.vn',
        LANGNGHE_FETCH_ALLOW: '10.1.2.0/24',
        LANGNGHE_ENV_ALLOW: 'FB_TOKEN',
        LANGNGHE_RATE_LIMIT: '600',
        LANGNGHE_LOGIN_RATE_LIMIT: '3',
        LANGNGHE_MAX_STREAMS_PER_PRINCIPAL: '2',
        LANGNGHE_MAX_TOPICS_PER_WORKSPACE: '50',
        LANGNGHE_SESSION_HOURS: '8',
        LANGNGHE_COOKIE_SECURE: 'on',
        LANGNGHE_RETENTION: 'facebook=90,zalo=30',
        LANGNGHE_OIDC_ISSUER: 'https://sso.example.gov.vn/realms/ubnd',
        LANGNGHE_OIDC_CLIENT_ID: 'langnghe',
        LANGNGHE_OIDC_CLIENT_SECRET: 'client-secret',
        LANGNGHE_OIDC_REDIRECT_URI: 'https://langnghe.example.gov.vn/api/auth/oidc/callback',
        LANGNGHE_OIDC_DEFAULT_MEMBERSHIP: 'default:viewer',
        LANGNGHE_DEMO: 'false',
        LANGNGHE_REPLAY_RATE: '2.5',
        LANGNGHE_BODY_LIMIT_BYTES: '2048',
        LANGNGHE_MAX_STREAMS: '3',
        LANGNGHE_LOG_LEVEL: 'warn',
        LANGNGHE_STORE: 'postgres://u:p@db/langnghe',
        LANGNGHE_BUS: 'nats://nats:4222',
      },
      readFile: noFile,
    });
    assert.equal(config.dataDir, '/var/lib/langnghe');
    assert.equal(config.allowedHosts, 'langnghe.example.gov.vn');
    assert.equal(config.fetchAllowList, '10.1.2.0/24');
    assert.equal(config.envAllowList, 'FB_TOKEN');
    assert.equal(config.rateLimitPerMinute, 600);
    assert.equal(config.loginRateLimitPerMinute, 3);
    assert.equal(config.maxStreamsPerPrincipal, 2);
    assert.equal(config.maxTopicsPerWorkspace, 50);
    assert.equal(config.sessionHours, 8);
    assert.equal(config.cookieSecure, true);
    assert.equal(config.retention, 'facebook=90,zalo=30');
    assert.equal(config.oidcIssuer, 'https://sso.example.gov.vn/realms/ubnd');
    assert.equal(config.oidcClientId, 'langnghe');
    assert.equal(config.oidcClientSecret, 'client-secret');
    assert.equal(config.oidcRedirectUri, 'https://langnghe.example.gov.vn/api/auth/oidc/callback');
    assert.equal(config.oidcDefaultMembership, 'default:viewer');
    assert.equal(config.demo, false);
    assert.equal(config.replayRatePerSecond, 2.5);
    assert.equal(config.bodyLimitBytes, 2048);
    assert.equal(config.maxStreams, 3);
    assert.equal(config.logLevel, 'warn');
    assert.equal(config.store, 'postgres://u:p@db/langnghe');
    assert.equal(config.bus, 'nats://nats:4222');
  });

  it('accepts 0/1/yes/no/on/off for booleans and kebab-case flags', () => {
    for (const [text, value] of [
      ['1', true],
      ['TRUE', true],
      ['off', false],
      ['no', false],
    ] as const) {
      assert.equal(loadConfig({ env: { LANGNGHE_DEMO: text }, readFile: noFile }).demo, value);
    }
    const config = loadConfig({
      env: {},
      argv: { 'data-dir': '/tmp/x', demo: false, 'max-streams': 9 },
      readFile: noFile,
    });
    assert.equal(config.dataDir, '/tmp/x');
    assert.equal(config.demo, false);
    assert.equal(config.maxStreams, 9);
  });

  it('treats an empty environment variable as unset and ignores flags that are not settings', () => {
    const config = loadConfig({
      env: { LANGNGHE_PORT: '' },
      argv: { role: 'api', help: false },
      readFile: noFile,
    });
    assert.equal(config.port, 8080);
  });

  it('names the variable, the bad value and what is expected', () => {
    const message = problemsOf({ env: { LANGNGHE_PORT: 'abc' }, readFile: noFile });
    assert.match(message, /LANGNGHE_PORT=abc: expected an integer 1–65535/);
    assert.match(
      problemsOf({ env: { LANGNGHE_PORT: '70000' }, readFile: noFile }),
      /LANGNGHE_PORT=70000/,
    );
    assert.match(
      problemsOf({ env: { LANGNGHE_DEMO: 'maybe' }, readFile: noFile }),
      /LANGNGHE_DEMO=maybe: expected true or false/,
    );
  });

  it('lists every problem of every source in one error', () => {
    const message = problemsOf({
      env: { LANGNGHE_PORT: 'abc', LANGNGHE_LOG_LEVEL: 'loud' },
      argv: { 'max-streams': '0' },
      readFile: files({ 'langnghe.config.json': '{"prot": 1, "replayRatePerSecond": "fast"}' }),
    });
    assert.match(message, /5 problems/);
    assert.match(message, /unknown setting "prot" \(did you mean "port"\?\)/);
    assert.match(message, /"replayRatePerSecond": "fast": expected a number/);
    assert.match(message, /LANGNGHE_LOG_LEVEL=loud: expected one of fatal, error/);
    assert.match(message, /--max-streams=0: expected an integer 1–100000/);
  });

  it('never echoes a secret setting and masks URL credentials', () => {
    const message = problemsOf({
      env: {
        LANGNGHE_SECRET_KEY: 'short secret',
        LANGNGHE_OIDC_CLIENT_SECRET: 's'.repeat(600),
        LANGNGHE_STORE: 'mysql://me:pw@db/x',
      },
      readFile: noFile,
    });
    assert.doesNotMatch(message, /short secret/);
    assert.doesNotMatch(message, /s{600}/);
    assert.match(message, /LANGNGHE_SECRET_KEY=\(hidden, 12 characters\)/);
    assert.match(message, /LANGNGHE_OIDC_CLIENT_SECRET=\(hidden, 600 characters\)/);
    assert.match(message, /LANGNGHE_STORE=mysql:\/\/\*\*\*@db\/x/);
    assert.doesNotMatch(message, /pw/);
  });

  it('refuses owner as the single sign-on starting role and a redirect URI off the callback', () => {
    const message = problemsOf({
      env: {
        LANGNGHE_OIDC_DEFAULT_MEMBERSHIP: 'default:owner',
        LANGNGHE_OIDC_REDIRECT_URI: 'https://langnghe.example.gov.vn/elsewhere',
      },
      readFile: noFile,
    });
    assert.match(
      message,
      /LANGNGHE_OIDC_DEFAULT_MEMBERSHIP=default:owner: expected workspace:role/,
    );
    assert.match(message, /LANGNGHE_OIDC_REDIRECT_URI=.*ending in \/api\/auth\/oidc\/callback/);
  });

  it('reports a config file that is not JSON, not an object, or missing when named', () => {
    const bad = files({ 'langnghe.config.json': '{port: 1' });
    assert.match(problemsOf({ env: {}, readFile: bad }), /langnghe.config.json: is not valid JSON/);
    const list = files({ 'langnghe.config.json': '[1]' });
    assert.match(problemsOf({ env: {}, readFile: list }), /expected a JSON object of settings/);
    assert.match(
      problemsOf({ env: { LANGNGHE_CONFIG: 'nope.json' }, readFile: noFile }),
      /nope.json \(from LANGNGHE_CONFIG\): file not found/,
    );
  });

  it('reports a config file that cannot be read', () => {
    const readFile = (): string => {
      throw new Error('EACCES: permission denied');
    };
    assert.match(problemsOf({ env: {}, readFile }), /cannot be read: EACCES/);
  });

  it('accepts a byte-order mark and a $schema key in the file', () => {
    const readFile = files({ 'langnghe.config.json': '\uFEFF{"$schema": "x", "port": 81}' });
    assert.equal(loadConfig({ env: {}, readFile }).port, 81);
  });
});
