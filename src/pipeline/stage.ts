import { LangngheError, isLangngheError } from '../core/errors.js';

/** The pipeline's steps, in order; a dead letter names the one that refused its item. */
export type StageName = 'normalize' | 'dedupe' | 'enrich' | 'match' | 'store';

/** What one stage made of a batch: each output or failure keeps the index of its input. */
export interface StageResult<O> {
  passed: { index: number; value: O }[];
  failed: { index: number; error: LangngheError; stage: StageName }[];
}

/**
 * One step of the pipeline over a batch. Items that fail are reported with their error, never
 * thrown: the rest of the batch goes on. A stage throws only for what is no item's fault (the
 * store is full): the runner then retries the whole batch later. An input that is neither passed
 * nor failed was absorbed (a copy `dedupe` removed).
 */
export interface Stage<I, O> {
  readonly name: StageName;
  run(items: readonly I[]): Promise<StageResult<O>>;
}

/** A stage that applies `step` to each item alone, catching what it throws as that item's failure. */
export function perItemStage<I, O>(name: StageName, step: (item: I) => O): Stage<I, O> {
  return {
    name,
    async run(items) {
      const result: StageResult<O> = { passed: [], failed: [] };
      items.forEach((item, index) => {
        try {
          result.passed.push({ index, value: step(item) });
        } catch (error) {
          result.failed.push({ index, error: asItemError(name, error), stage: name });
        }
      });
      return result;
    },
  };
}

/** What an item's failure becomes: its own LangngheError, or `pipeline.<stage>_failed`. */
export function asItemError(name: StageName, error: unknown): LangngheError {
  if (isLangngheError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new LangngheError(`pipeline.${name}_failed`, `${name}: ${message}`, { cause: error });
}
