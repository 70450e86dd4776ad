import { LangngheError } from '../core/errors.js';
import type { Config, SettingKind, SettingMeta, SettingName } from './config-schema.js';
import {
  CONFIG_FILE_ENV,
  DEFAULT_CONFIG_FILE,
  SETTING_NAMES,
  configSchema,
  settingMeta,
} from './config-schema.js';

/** What `loadConfig` reads: nothing else, so it is pure apart from `readFile`. */
export interface ConfigInput {
  /** The process environment (only `LANGNGHE_*` variables are read). */
  env: Readonly<Record<string, string | undefined>>;
  /**
   * Parsed command-line flags, named like the settings in camelCase or kebab-case (`dataDir`,
   * `data-dir`); `config` names the config file. Keys that are not settings are ignored (they
   * belong to the command).
   */
  argv?: Readonly<Record<string, unknown>>;
  /** Returns the file's text, or `undefined` when it does not exist. */
  readFile: (path: string) => string | undefined;
}

/** One thing wrong with the configuration, with where it came from. */
export interface ConfigProblem {
  setting?: SettingName;
  /** `env`, `file` or `flag`. */
  source: 'env' | 'file' | 'flag';
  message: string;
}

type Layer = Partial<Record<SettingName, unknown>>;

/**
 * Builds the configuration: defaults, then the config file (`langnghe.config.json` in the working
 * directory, or the file named by `LANGNGHE_CONFIG` or `--config`), then `LANGNGHE_*` environment
 * variables, then flags, each overriding the one before. Every problem found in any source is
 * collected and thrown together as one `config.invalid` error (details: `problems`), each naming
 * the setting, its source, the bad value and what is expected.
 */
export function loadConfig(input: ConfigInput): Config {
  const problems: ConfigProblem[] = [];
  const argv = normalizeFlags(input.argv ?? {});
  const fileLayer = readFileLayer(input, argv.config, problems);
  const envLayer = readTextLayer(problems, 'env', (name) => input.env[settingMeta(name).env]);
  const flagLayer = readTextLayer(problems, 'flag', (name) => argv.settings[name]);
  if (problems.length > 0) throw configError(problems);
  const merged = { ...fileLayer, ...envLayer, ...flagLayer };
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    throw configError(
      parsed.error.issues.map((issue) => ({ source: 'file', message: issue.message })),
    );
  }
  return parsed.data;
}

function normalizeFlags(argv: Readonly<Record<string, unknown>>): {
  config: unknown;
  settings: Partial<Record<SettingName, unknown>>;
} {
  const settings: Partial<Record<SettingName, unknown>> = {};
  const known = new Set<string>(SETTING_NAMES);
  let config: unknown;
  for (const [key, value] of Object.entries(argv)) {
    const name = key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    if (name === 'config') config = value;
    else if (known.has(name)) settings[name as SettingName] = value;
  }
  return { config, settings };
}

function readFileLayer(input: ConfigInput, flag: unknown, problems: ConfigProblem[]): Layer {
  const fromFlag = typeof flag === 'string' && flag !== '' ? flag : undefined;
  const fromEnv = input.env[CONFIG_FILE_ENV] || undefined;
  const path = fromFlag ?? fromEnv ?? DEFAULT_CONFIG_FILE;
  const origin = fromFlag ? ' (from --config)' : fromEnv ? ` (from ${CONFIG_FILE_ENV})` : '';
  const fail = (message: string): Layer => {
    problems.push({ source: 'file', message: `${path}${origin}: ${message}` });
    return {};
  };
  let text: string | undefined;
  try {
    text = input.readFile(path);
  } catch (error) {
    return fail(`cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (text === undefined) return origin === '' ? {} : fail('file not found');
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail(`is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return fail('expected a JSON object of settings, e.g. {"port": 8080}');
  }
  return readFileSettings(data as Record<string, unknown>, path, problems);
}

function readFileSettings(
  data: Record<string, unknown>,
  path: string,
  problems: ConfigProblem[],
): Layer {
  const layer: Layer = {};
  const known = new Set<string>(SETTING_NAMES);
  for (const [key, value] of Object.entries(data)) {
    if (key === '$schema') continue;
    if (!known.has(key)) {
      problems.push({ source: 'file', message: `${path}: unknown setting "${key}"${hint(key)}` });
      continue;
    }
    const name = key as SettingName;
    const meta = settingMeta(name);
    if (configSchema.shape[name].safeParse(value).success) layer[name] = value;
    else {
      const shown = showValue(meta, JSON.stringify(value) ?? String(value));
      const message = `${path}: "${name}": ${shown}: expected ${meta.expected}`;
      problems.push({ setting: name, source: 'file', message });
    }
  }
  return layer;
}

function readTextLayer(
  problems: ConfigProblem[],
  source: 'env' | 'flag',
  valueOf: (name: SettingName) => unknown,
): Layer {
  const layer: Layer = {};
  for (const name of SETTING_NAMES) {
    const raw = valueOf(name);
    if (raw === undefined || raw === '') continue;
    const meta = settingMeta(name);
    const value = coerce(meta.kind, raw);
    if (value !== undefined && configSchema.shape[name].safeParse(value).success) {
      layer[name] = value;
      continue;
    }
    const label = source === 'env' ? meta.env : `--${kebab(name)}`;
    const shown = showValue(meta, String(raw));
    problems.push({
      setting: name,
      source,
      message: `${label}=${shown}: expected ${meta.expected}`,
    });
  }
  return layer;
}

const BOOLEANS: Record<string, boolean> = {
  true: true,
  false: false,
  '1': true,
  '0': false,
  yes: true,
  no: false,
  on: true,
  off: false,
};

/** The typed value of a text setting, or `undefined` when the text is not of that kind. */
function coerce(kind: SettingKind, raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  const text = raw.trim();
  switch (kind) {
    case 'string':
      return text;
    case 'integer':
      return /^[+-]?\d{1,15}$/.test(text) ? Number(text) : undefined;
    case 'number':
      return /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i.test(text) ? Number(text) : undefined;
    case 'boolean':
      return BOOLEANS[text.toLowerCase()];
  }
}

/** A value fit for an error message: secrets hidden, URL credentials masked, long text cut. */
function showValue(meta: SettingMeta, text: string): string {
  if (meta.isSecret) return `(hidden, ${text.length} characters)`;
  const masked = text.replace(/(\/\/)[^/@\s]*@/, '$1***@');
  return masked.length > 80 ? `${masked.slice(0, 80)}…` : masked;
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** "(did you mean "port"?)" for a near-miss of a setting name, or the list of settings. */
function hint(key: string): string {
  const lower = key.toLowerCase().replace(/[-_]/g, '');
  const close = SETTING_NAMES.find(
    (name) =>
      name.toLowerCase() === lower ||
      settingMeta(name).env.toLowerCase() === key.toLowerCase() ||
      editDistance(name.toLowerCase(), lower) <= 2,
  );
  return close
    ? ` (did you mean "${close}"?)`
    : ` (settings: ${SETTING_NAMES.map((n) => `"${n}"`).join(', ')})`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

function configError(problems: ConfigProblem[]): LangngheError {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const list = problems.map((p) => `  - ${p.message}`).join('\n');
  return new LangngheError('config.invalid', `Invalid configuration (${count}):\n${list}`, {
    details: { problems },
  });
}
