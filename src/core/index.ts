export * from './types.js';
export * from './errors.js';
export * from './clock.js';
export * from './text.js';
export * from './read-date.js';
export { VIETNAM_OFFSET_MINUTES, formatOffset, parseZone } from './date-zone.js';
