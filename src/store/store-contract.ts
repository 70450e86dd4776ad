import { describe } from 'node:test';
import type { MakeStore, StoreContractOptions } from './contract/contract-kit.js';
import { accountsContract } from './contract/accounts-contract.js';
import { auditContract } from './contract/audit-contract.js';
import { deadLettersContract } from './contract/dead-letters-contract.js';
import { deletionContract } from './contract/deletion-contract.js';
import { filtersContract } from './contract/filters-contract.js';
import { lifecycleContract } from './contract/lifecycle-contract.js';
import { matchesContract } from './contract/matches-contract.js';
import { pagingContract } from './contract/paging-contract.js';
import { postsContract } from './contract/posts-contract.js';
import { searchContract } from './contract/search-contract.js';
import { sessionsContract } from './contract/sessions-contract.js';
import { sourcesContract } from './contract/sources-contract.js';
import { tokensContract } from './contract/tokens-contract.js';
import { topicsContract } from './contract/topics-contract.js';
import { writesContract } from './contract/writes-contract.js';

export type { MakeStore, StoreContractOptions, StoreDeps } from './contract/contract-kit.js';

/**
 * Registers the tests every `Store` implementation must pass (node:test `describe`/`it`). Call it
 * from the implementation's test file; `makeStore` must return a fresh, empty store on each call,
 * using the given clock. A new store implementation is done when this suite passes.
 */
export function runStoreContract(
  name: string,
  makeStore: MakeStore,
  options: StoreContractOptions = {},
): void {
  describe(`Store contract: ${name}`, () => {
    postsContract(makeStore);
    searchContract(makeStore);
    pagingContract(makeStore);
    filtersContract(makeStore);
    topicsContract(makeStore);
    matchesContract(makeStore);
    writesContract(makeStore);
    deadLettersContract(makeStore);
    sourcesContract(makeStore);
    deletionContract(makeStore);
    accountsContract(makeStore);
    sessionsContract(makeStore);
    tokensContract(makeStore);
    auditContract(makeStore);
    lifecycleContract(makeStore, options);
  });
}
