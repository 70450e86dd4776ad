export type { Config, SettingKind, SettingMeta, SettingName } from './config-schema.js';
export {
  CONFIG_FILE_ENV,
  DEFAULT_CONFIG_FILE,
  SETTING_NAMES,
  configSchema,
  settingMeta,
} from './config-schema.js';
export { loadConfig } from './load-config.js';
export type { ConfigInput, ConfigProblem } from './load-config.js';
export { renderConfigDoc } from './render-config-doc.js';
