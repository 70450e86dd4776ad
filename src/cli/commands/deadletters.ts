import { parseArgs } from 'node:util';
import type { DeadLetter } from '../../store/index.js';
import type { CliIo } from '../io.js';
import { UsageError, printable, writeLine } from '../io.js';
import {
  operatorOptions,
  operatorOptionsHelp,
  withOperator,
  workspaceScope,
} from '../with-operator.js';

export const deadlettersHelp = `langnghe deadletters list|retry|drop …  (items the pipeline refused)

  langnghe deadletters list [--workspace ID] [--limit N] [--json]
      The workspace's refused items, newest first: id, stage, error, attempts, the post.
  langnghe deadletters retry ID… | --all [--workspace ID]
      Hands the items to the pipeline again; stored ones leave the list, refused ones stay
      (one more attempt).
  langnghe deadletters drop ID… | --all [--workspace ID]
      Deletes the items for good.
An item lands here when a stage (enrichment, matching, the store) refuses it; the rest of its
batch is stored. A full disk never puts items here: ingest waits and answers 503 instead.

${operatorOptionsHelp}`;

const ACTIONS = new Set(['list', 'retry', 'drop']);

function parseIds(words: string[], action: string): number[] {
  return words.map((word) => {
    const id = Number(word);
    if (!Number.isSafeInteger(id) || id <= 0)
      throw new UsageError(`langnghe deadletters ${action}: "${word.slice(0, 40)}" is not an id`);
    return id;
  });
}

function describe(letter: DeadLetter): string {
  const post = (letter.payload as { post?: { text?: unknown } } | null)?.post;
  const text = typeof post?.text === 'string' ? post.text.replace(/\s+/g, ' ').slice(0, 80) : '';
  return [
    letter.id,
    letter.lastFailedAt,
    letter.stage,
    letter.code,
    `×${letter.attempts}`,
    letter.itemId,
    text,
  ]
    .map((field) => printable(String(field)))
    .join('\t');
}

export async function runDeadletters(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...operatorOptions,
      limit: { type: 'string' },
      all: { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  const [action, ...rest] = positionals;
  if (action === undefined) throw new UsageError(deadlettersHelp);
  if (!ACTIONS.has(action))
    throw new UsageError(`langnghe deadletters: unknown action "${action}"\n\n${deadlettersHelp}`);
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw new UsageError('langnghe deadletters: --limit is a number from 1 to 500');
  if (action === 'list' && rest.length > 0)
    throw new UsageError('langnghe deadletters list: takes no id');
  if (action !== 'list' && rest.length === 0 && values.all !== true)
    throw new UsageError(`langnghe deadletters ${action}: name the ids, or --all`);
  const ids = parseIds(rest, action);
  return withOperator(io, `deadletters ${action}`, values, async (runtime) => {
    const scope = await workspaceScope(runtime, `deadletters ${action}`, values.workspace);
    const service = runtime.app.deadLetters;
    if (action === 'list') {
      const page = await service.list(scope, { limit });
      if (values.json === true) {
        for (const letter of page.items) await writeLine(io.stdout, JSON.stringify(letter));
        return 0;
      }
      await writeLine(io.stdout, 'id\tlast failed\tstage\tcode\tattempts\titem\ttext');
      for (const letter of page.items) await writeLine(io.stdout, describe(letter));
      await writeLine(io.stderr, `${page.items.length} shown of ${page.total} dead letters`);
      return 0;
    }
    // --all: every item of the workspace, a page at a time.
    const targets =
      values.all === true
        ? (await service.list(scope, { limit: 500 })).items.map((l) => l.id)
        : ids;
    if (action === 'drop') {
      const dropped = await service.drop(scope, targets);
      await writeLine(io.stdout, `dropped ${dropped} dead letters`);
      return 0;
    }
    const outcome = await service.retry(scope, targets);
    await writeLine(
      io.stdout,
      `retried ${targets.length}: ${outcome.stored} stored, ${outcome.failed.length} refused again`,
    );
    for (const failure of outcome.failed)
      await writeLine(io.stderr, printable(`  ${failure.id}: ${failure.code}: ${failure.message}`));
    return outcome.failed.length === 0 ? 0 : 1;
  });
}
