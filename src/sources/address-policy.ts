import { LangngheError } from '../core/errors.js';
import { formatIp, isInNetwork, parseCidr, parseIp, unwrapIpv4 } from './ip-address.js';
import type { IpNetwork } from './ip-address.js';

/**
 * Which addresses connectors may connect to. Public addresses always; loopback, private,
 * link-local (cloud metadata), CGNAT, unspecified, multicast, broadcast and reserved ones only
 * when allowed here: by network (`10.1.2.0/24`) or by host name (any address that name resolves
 * to). Built by `parseAddressPolicy`; the default allows none of them.
 */
export interface AddressPolicy {
  readonly networks: readonly IpNetwork[];
  /** Lower-case, without a trailing dot. */
  readonly hosts: readonly string[];
}

/** Public addresses only. */
export const DEFAULT_ADDRESS_POLICY: AddressPolicy = Object.freeze({ networks: [], hosts: [] });

/** Why an address is not public, as "<kind> address"; the first match wins. */
const NOT_PUBLIC: ReadonlyArray<readonly [IpNetwork, string]> = (
  [
    ['0.0.0.0/8', 'an unspecified'],
    ['10.0.0.0/8', 'a private'],
    ['100.64.0.0/10', 'a shared (CGNAT)'],
    ['127.0.0.0/8', 'a loopback'],
    ['169.254.169.254/32', 'the cloud metadata'],
    ['169.254.0.0/16', 'a link-local'],
    ['172.16.0.0/12', 'a private'],
    ['192.0.0.0/24', 'a reserved'],
    ['192.168.0.0/16', 'a private'],
    ['198.18.0.0/15', 'a reserved (benchmarking)'],
    ['224.0.0.0/4', 'a multicast'],
    ['255.255.255.255/32', 'the broadcast'],
    ['240.0.0.0/4', 'a reserved'],
    ['::/128', 'an unspecified'],
    ['::1/128', 'a loopback'],
    ['fc00::/7', 'a private (unique local)'],
    ['fe80::/10', 'a link-local'],
    ['fec0::/10', 'a site-local'],
    ['ff00::/8', 'a multicast'],
  ] as const
).map(([cidr, kind]) => [parseCidr(cidr)!, kind] as const);

const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

function normalizeHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
}

/**
 * Reads an allow-list (the `fetchAllowList` setting, split): each entry a CIDR (`10.1.2.0/24`,
 * `fd00::/8`), one address (`127.0.0.1`, `[::1]`) or a host name (`intranet.ubnd.local`).
 * Blank entries are skipped; anything else is `config.invalid`.
 */
export function parseAddressPolicy(list: readonly string[]): AddressPolicy {
  const networks: IpNetwork[] = [];
  const hosts: string[] = [];
  for (const entry of list) {
    const text = normalizeHost(entry);
    if (text === '') continue;
    const network = parseCidr(text);
    if (network !== undefined) networks.push(network);
    else if (HOST_NAME.test(text) && !/^[\d.]+$/.test(text)) hosts.push(text);
    else
      throw new LangngheError(
        'config.invalid',
        `fetchAllowList: "${entry.trim().slice(0, 100)}" is neither a network (10.1.2.0/24), an address nor a host name`,
        { details: { entry: entry.trim().slice(0, 100) } },
      );
  }
  return Object.freeze({ networks, hosts });
}

/** Whether a host name (as in a URL) is allowed whatever it resolves to. */
export function isHostAllowed(policy: AddressPolicy, host: string): boolean {
  return policy.hosts.includes(normalizeHost(host));
}

function refused(host: string, message: string, details: Record<string, unknown>): LangngheError {
  return new LangngheError(
    'source.address_refused',
    `${message}; add it to fetchAllowList to allow an intranet feed`,
    { details: { host, ...details } },
  );
}

/**
 * Why connecting to `address` for `host` is refused, or undefined when it may go ahead. `host`
 * is what the URL named (a name, or the address itself); an IPv6 address that carries an IPv4
 * one (`::ffff:127.0.0.1`) is judged as that IPv4 address. The error is `source.address_refused`
 * (never retried) and names the host, the address and its kind.
 */
export function refuseAddress(
  policy: AddressPolicy,
  host: string,
  address: string,
): LangngheError | undefined {
  const shownHost = normalizeHost(host);
  if (isHostAllowed(policy, host)) return undefined;
  const bytes = parseIp(address);
  if (bytes === undefined)
    return refused(shownHost, `${shownHost} resolved to "${address}", which is not an IP address`, {
      address,
    });
  const judged = unwrapIpv4(bytes);
  const kind = NOT_PUBLIC.find(([network]) => isInNetwork(judged, network))?.[1];
  if (kind === undefined) return undefined;
  if (policy.networks.some((n) => isInNetwork(judged, n) || isInNetwork(bytes, n)))
    return undefined;
  const carried = judged === bytes ? '' : ` (${formatIp(judged)})`;
  const isLiteral = parseIp(host) !== undefined;
  const what = isLiteral
    ? `${shownHost} is ${kind} address${carried}`
    : `${shownHost} resolves to ${address}${carried}, ${kind} address`;
  return refused(shownHost, what, { address, kind: kind.replace(/^(an?|the) /, '') });
}

/**
 * Checks a URL before anything is sent: its scheme must be one of `schemes`, and a host that is
 * an address literal must be allowed (a connect-time lookup hook never sees those). Host names
 * are checked when they are resolved, by the guarded lookup.
 */
export function checkUrlAddress(
  policy: AddressPolicy,
  url: URL,
  schemes: readonly string[] = ['http:', 'https:'],
): void {
  if (!schemes.includes(url.protocol))
    throw new LangngheError(
      'source.invalid',
      `Only ${schemes.map((s) => s.replace(':', '')).join('/')} URLs can be fetched, not ${url.protocol}`,
      { details: { host: url.hostname, scheme: url.protocol } },
    );
  if (parseIp(url.hostname) === undefined) return;
  const refusal = refuseAddress(policy, url.hostname, url.hostname);
  if (refusal !== undefined) throw refusal;
}
