import type { NormalizeOptions, NormalizedPost } from '../post-input.js';
import { normalizePost } from '../post-input.js';
import type { Stage } from '../stage.js';
import { perItemStage } from '../stage.js';

/**
 * Validates untrusted items into posts (`normalizePost`): at the door, before the bus, so a sender
 * learns at once which of its items were refused and why.
 */
export function normalizeStage(options: NormalizeOptions): Stage<unknown, NormalizedPost> {
  return perItemStage('normalize', (raw) => normalizePost(raw, options));
}
