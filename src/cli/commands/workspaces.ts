import { parseArgs } from 'node:util';
import { SYSTEM_PRINCIPAL, systemScope } from '../../core/scope.js';
import type { CliIo } from '../io.js';
import { UsageError, writeLine } from '../io.js';
import { onePositional, withOperator } from '../with-operator.js';

export const workspacesHelp = `langnghe workspaces list|add|rename …  (separate teams: their own topics, sources and members)

  langnghe workspaces list [--json]
  langnghe workspaces add ID --name NAME
      A new workspace (ID: 2–63 of a–z, 0–9, -). Install admins (the owner account) manage every
      workspace; give others a role in it with langnghe users add LOGIN --role … --workspace ID.
        langnghe workspaces add quan-7 --name "UBND Quận 7"
  langnghe workspaces rename ID --name NAME

Common options: --data-dir DIR, --config-file FILE (langnghe.config.json).
Exit code 2 for bad input (nothing is changed), 1 for an unknown workspace.`;

export async function runWorkspaces(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      json: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      'config-file': { type: 'string' },
    },
  });
  const [action, ...rest] = positionals;
  if (action === undefined) throw new UsageError(workspacesHelp);
  const command = `workspaces ${action}`;
  const needName = (): string => {
    if (values.name === undefined || values.name.trim() === '')
      throw new UsageError(`langnghe ${command}: --name NAME is required`);
    return values.name;
  };
  switch (action) {
    case 'list':
      if (rest.length > 0) throw new UsageError('langnghe workspaces list: takes no argument');
      return withOperator(io, command, values, async (runtime) => {
        const workspaces = await runtime.app.accounts.listWorkspaces(SYSTEM_PRINCIPAL);
        if (values.json) await writeLine(io.stdout, JSON.stringify(workspaces));
        else
          for (const w of workspaces)
            await writeLine(io.stdout, `${w.id}  "${w.name}"  created ${w.createdAt}`);
        return 0;
      });
    case 'add': {
      const id = onePositional(command, 'workspace ID', rest);
      const name = needName();
      return withOperator(io, command, values, async (runtime) => {
        const created = await runtime.app.accounts.createWorkspace(SYSTEM_PRINCIPAL, { id, name });
        await writeLine(io.stdout, `added workspace ${created.id} "${created.name}"`);
        return 0;
      });
    }
    case 'rename': {
      const id = onePositional(command, 'workspace ID', rest);
      const name = needName();
      return withOperator(io, command, values, async (runtime) => {
        const renamed = await runtime.app.accounts.renameWorkspace(systemScope(id), name);
        await writeLine(io.stdout, `renamed workspace ${renamed.id} to "${renamed.name}"`);
        return 0;
      });
    }
    default:
      throw new UsageError(`langnghe workspaces: unknown action "${action}"\n\n${workspacesHelp}`);
  }
}
