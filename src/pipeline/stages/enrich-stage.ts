import { foldText } from '../../nlp/fold.js';
import type { StoredPost } from '../../store/index.js';
import type { EnrichedPost, Enricher, Enrichment, PipelineMessage } from '../pipeline-message.js';
import type { Stage } from '../stage.js';
import { perItemStage } from '../stage.js';

/** Near-duplicate links need enough words: short texts ("ok", "+1") collide by nature. */
const MIN_WORDS_FOR_DUPLICATE = 8;

function isLongEnough(text: string): boolean {
  let words = 0;
  for (const _ of text.matchAll(/\S+/g)) if (++words >= MIN_WORDS_FOR_DUPLICATE) return true;
  return false;
}

/**
 * What enrichment adds to a message: computed where the work runs (a worker thread), applied
 * where it is stored. The enrichment object travels as JSON: it is written as is, and parsed
 * again only for the posts a live listener receives.
 */
export interface Additions extends Omit<Enrichment, 'enrichment'> {
  folded: string;
  enrichmentJson?: string;
}

/** The enrichment of one message (pure; throws only when the enricher does). */
export function enrichmentOf(message: PipelineMessage, enrich?: Enricher): Additions {
  const { post } = message;
  const { enrichment, ...rest } = enrich?.(post) ?? {};
  const added: Additions = { ...rest, folded: foldText(`${post.title ?? ''}\n${post.text}`) };
  if (enrichment !== undefined) added.enrichmentJson = JSON.stringify(enrichment);
  if (added.simhash !== undefined && !isLongEnough(post.text)) delete added.simhash;
  return added;
}

/** The post as the store keeps it: the message's post with its additions. */
export function applyEnrichment(message: PipelineMessage, added: Additions): EnrichedPost {
  const { post } = message;
  const stored: StoredPost = { ...post, folded: added.folded };
  if (message.truncated) stored.truncated = true;
  if (message.privateTo !== undefined) stored.privateTo = message.privateTo;
  if (added.labels !== undefined) stored.labels = added.labels;
  if (added.enrichmentJson !== undefined) stored.enrichmentJson = added.enrichmentJson;
  if (stored.lang === undefined && added.lang !== undefined) stored.lang = added.lang;
  const enriched: EnrichedPost = { message, post: stored };
  if (added.simhash !== undefined) enriched.simhash = added.simhash;
  return enriched;
}

/** Folds the text once (for the store's index) and adds the enricher's labels and SimHash. */
export function enrichStage(enrich?: Enricher): Stage<PipelineMessage, EnrichedPost> {
  return perItemStage('enrich', (message) =>
    applyEnrichment(message, enrichmentOf(message, enrich)),
  );
}
