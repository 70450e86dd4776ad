import { isLangngheError } from '../core/errors.js';
import type { CliIo } from './io.js';
import { UsageError, processIo } from './io.js';
import { foldHelp, runFold } from './commands/fold.js';
import { matchHelp, runMatch } from './commands/match.js';
import { queryHelp, runQuery } from './commands/query-check.js';
import { analyzeHelp, runAnalyze } from './commands/analyze.js';
import { importHelp, runImport } from './commands/import.js';
import { runServe, serveHelp } from './commands/serve.js';
import { runSources, sourcesHelp } from './commands/sources.js';
import { feedHelp, runFeed } from './commands/feed.js';
import { runUsers, usersHelp } from './commands/users.js';
import { runWorkspaces, workspacesHelp } from './commands/workspaces.js';
import { runTokens, tokensHelp } from './commands/tokens.js';
import { auditHelp, runAudit } from './commands/audit.js';
import { deadlettersHelp, runDeadletters } from './commands/deadletters.js';
import { privacyHelp, runPrivacy } from './commands/privacy.js';

type Command = { help: string; run: (args: string[], io: CliIo) => Promise<number> };

const commands: Record<string, Command> = {
  query: { help: queryHelp, run: runQuery },
  match: { help: matchHelp, run: runMatch },
  fold: { help: foldHelp, run: runFold },
  analyze: { help: analyzeHelp, run: runAnalyze },
  import: { help: importHelp, run: runImport },
  serve: { help: serveHelp, run: runServe },
  sources: { help: sourcesHelp, run: runSources },
  feed: { help: feedHelp, run: runFeed },
  users: { help: usersHelp, run: runUsers },
  workspaces: { help: workspacesHelp, run: runWorkspaces },
  tokens: { help: tokensHelp, run: runTokens },
  audit: { help: auditHelp, run: runAudit },
  privacy: { help: privacyHelp, run: runPrivacy },
  deadletters: { help: deadlettersHelp, run: runDeadletters },
};

const usage = `langnghe — lắng nghe mạng xã hội: self-hosted social listening

Usage: langnghe <command> [options]

Commands:
${Object.values(commands)
  .map((c) => `  ${c.help.split('\n')[0]}`)
  .join('\n')}

Run "langnghe <command> --help" for a command's options.`;

/** Runs the CLI and returns the process exit code. The one place CLI errors become exit codes. */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${usage}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (command === undefined) {
    io.stderr.write(`langnghe: unknown command "${name}"\n\n${usage}\n`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(`${command.help}\n`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (isLangngheError(error)) {
      io.stderr.write(`langnghe ${name}: ${error.message} [${error.code}]\n`);
      return 1;
    }
    if (
      error instanceof TypeError &&
      (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      io.stderr.write(`langnghe ${name}: ${error.message}\n\n${command.help}\n`);
      return 2;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      io.stderr.write(`langnghe ${name}: ${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
}
