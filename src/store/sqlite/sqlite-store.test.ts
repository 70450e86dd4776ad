import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import type { Store } from '../store.js';
import { runStoreContract } from '../store-contract.js';
import { createSqliteStore } from './sqlite-store.js';

runStoreContract('sqlite :memory:', async ({ clock }) =>
  createSqliteStore({ path: ':memory:', clock }),
);

const dir = mkdtempSync(join(tmpdir(), 'langnghe-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// Creating a file runs the migrations and switches to WAL: a few fsyncs, slow on small VMs. Each
// test gets a copy of one freshly created (empty, migrated) file instead.
const template = join(dir, 'template.db');
await createSqliteStore({ path: template }).close();

const paths = new WeakMap<Store, string>();
let files = 0;
runStoreContract(
  'sqlite file',
  async ({ clock }) => {
    const path = join(dir, `store-${++files}.db`);
    copyFileSync(template, path);
    const store = createSqliteStore({ path, clock });
    paths.set(store, path);
    return store;
  },
  {
    reopen: async (store, { clock }) => {
      const path = paths.get(store)!;
      await store.close();
      const reopened = createSqliteStore({ path, clock });
      paths.set(reopened, path);
      return reopened;
    },
  },
);
