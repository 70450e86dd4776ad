import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import { isLangngheError } from '../core/errors.js';
import type { LangngheError } from '../core/errors.js';
import { parseIp } from './ip-address.js';
import { refuseAddress } from './address-policy.js';
import type { AddressPolicy } from './address-policy.js';

/** Resolves a host name to all its addresses (the system resolver by default; tests map names). */
export type ResolveHost = (hostname: string) => Promise<readonly LookupAddress[]>;

const systemResolve: ResolveHost = (hostname) => dnsLookup(hostname, { all: true });

/**
 * A `lookup` for `net.connect` / `tls.connect` (and what passes it on: undici, `ws`) that
 * refuses, with `source.address_refused`, a name resolving to any address the policy refuses.
 * The check and the connection use the same answer, so a name cannot resolve to a public
 * address for the check and to 127.0.0.1 for the connection (DNS rebinding).
 */
export function createGuardedLookup(
  policy: AddressPolicy,
  resolveHost: ResolveHost = systemResolve,
): LookupFunction {
  return (hostname, options, callback) => {
    resolveHost(hostname).then(
      (found) => {
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const addresses = found.filter((a) => family === 0 || a.family === family);
        for (const { address } of addresses) {
          const refusal = refuseAddress(policy, hostname, address);
          if (refusal !== undefined) return callback(refusal as NodeJS.ErrnoException, '');
        }
        const first = addresses[0];
        if (first === undefined) {
          const error: NodeJS.ErrnoException = new Error(`${hostname} has no address`);
          error.code = 'ENOTFOUND';
          return callback(error, '');
        }
        if (options.all === true) callback(null, [...addresses]);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}

/**
 * An undici connector that checks address literals (`net.connect` does not call `lookup` for
 * them) and resolves names through the guarded lookup.
 */
function createGuardedConnector(
  policy: AddressPolicy,
  resolveHost?: ResolveHost,
): buildConnector.connector {
  const connect = buildConnector({ lookup: createGuardedLookup(policy, resolveHost) });
  return (options, callback) => {
    const refusal =
      parseIp(options.hostname) === undefined
        ? undefined
        : refuseAddress(policy, options.hostname, options.hostname);
    if (refusal !== undefined) callback(refusal, null);
    else connect(options, callback);
  };
}

/** One connection pool per policy, so sources sharing a policy share keep-alive connections. */
const agents = new WeakMap<AddressPolicy, Agent>();

function agentFor(policy: AddressPolicy, resolveHost: ResolveHost | undefined): Agent {
  if (resolveHost !== undefined)
    return new Agent({ connect: createGuardedConnector(policy, resolveHost) });
  let agent = agents.get(policy);
  if (agent === undefined) {
    agent = new Agent({ connect: createGuardedConnector(policy) });
    agents.set(policy, agent);
  }
  return agent;
}

/**
 * `fetch` (undici's, as Node's own) whose every connection obeys the address policy: a refused
 * address fails the fetch with a `TypeError` whose `cause` is the `source.address_refused` error.
 */
export function createGuardedFetch(policy: AddressPolicy, resolveHost?: ResolveHost): typeof fetch {
  const dispatcher = agentFor(policy, resolveHost);
  const guarded = (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher,
    }) as unknown as Promise<Response>;
  return guarded as typeof fetch;
}

/** The `source.address_refused` error behind a failed fetch or connection, if that is why. */
export function findAddressRefusal(error: unknown): LangngheError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    if (isLangngheError(current) && current.code === 'source.address_refused') return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
