import { describe } from 'node:test';
import type { MakeStore, StoreContractOptions } from './contract/contract-kit.js';
import { filtersContract } from './contract/filters-contract.js';
import { lifecycleContract } from './contract/lifecycle-contract.js';
import { matchesContract } from './contract/matches-contract.js';
import { pagingContract } from './contract/paging-contract.js';
import { postsContract } from './contract/posts-contract.js';
import { searchContract } from './contract/search-contract.js';
import { sourcesContract } from './contract/sources-contract.js';
import { topicsContract } from './contract/topics-contract.js';

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
    sourcesContract(makeStore);
    lifecycleContract(makeStore, options);
  });
}
