import { parseArgs } from 'node:util';
import type { Platform } from '../../core/types.js';
import { PLATFORMS } from '../../core/types.js';
import type { CliIo } from '../io.js';
import { UsageError, writeLine } from '../io.js';
import {
  operatorOptions,
  operatorOptionsHelp,
  withOperator,
  workspaceScope,
} from '../with-operator.js';

export const privacyHelp = `langnghe privacy erase …  (a data subject's request: delete one author's posts)

  langnghe privacy erase --platform PLATFORM --author ID [--workspace ID]
      Deletes every stored post by that author on that platform, in every workspace's view of
      it (the shared corpus), with their topic matches. Recorded in the audit log of the
      workspace named. Cannot be undone. PLATFORM: ${PLATFORMS.join(', ')}.
        langnghe privacy erase --platform facebook --author 100012345678901
Posts past their retention (LANGNGHE_RETENTION, e.g. facebook=90,zalo=30) are deleted by
langnghe serve every hour.

${operatorOptionsHelp}`;

function isPlatform(value: string | undefined): value is Platform {
  return (PLATFORMS as readonly string[]).includes(value ?? '');
}

export async function runPrivacy(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...operatorOptions,
      platform: { type: 'string' },
      author: { type: 'string' },
    },
  });
  const [action, ...rest] = positionals;
  if (action === undefined) throw new UsageError(privacyHelp);
  if (action !== 'erase')
    throw new UsageError(`langnghe privacy: unknown action "${action}"\n\n${privacyHelp}`);
  if (rest.length > 0) throw new UsageError('langnghe privacy erase: takes no argument');
  const platform = values.platform;
  if (!isPlatform(platform))
    throw new UsageError(
      `langnghe privacy erase: --platform is one of ${PLATFORMS.join(', ')}` +
        (platform === undefined ? '' : `, not "${platform.slice(0, 40)}"`),
    );
  const authorId = values.author;
  if (authorId === undefined || authorId.trim() === '')
    throw new UsageError('langnghe privacy erase: --author ID is required');
  return withOperator(io, 'privacy erase', values, async (runtime) => {
    const scope = await workspaceScope(runtime, 'privacy erase', values.workspace);
    const { deleted } = await runtime.app.privacy.eraseAuthor(scope, { platform, authorId });
    await writeLine(io.stdout, `erased ${deleted} posts by ${platform}:${authorId.trim()}`);
    return 0;
  });
}
