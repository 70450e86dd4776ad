import { isIPv4, isIPv6 } from 'node:net';

/** A network in CIDR form: its address bytes (4 for IPv4, 16 for IPv6) and prefix length. */
export interface IpNetwork {
  bytes: Uint8Array;
  prefix: number;
}

function parseIpv4(text: string): Uint8Array {
  return Uint8Array.from(text.split('.').map(Number));
}

function parseIpv6(text: string): Uint8Array {
  let groups = text;
  const tail: number[] = [];
  const lastColon = groups.lastIndexOf(':');
  if (groups.includes('.', lastColon)) {
    tail.push(...parseIpv4(groups.slice(lastColon + 1)));
    groups = `${groups.slice(0, lastColon + 1)}0:0`;
  }
  const [head = '', rest] = groups.split('::');
  const words = (part: string | undefined): number[] =>
    part === undefined || part === '' ? [] : part.split(':').map((word) => parseInt(word, 16));
  const front = words(head);
  const back = words(rest);
  const all = [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
  const bytes = new Uint8Array(16);
  all.forEach((word, i) => {
    bytes[i * 2] = word >> 8;
    bytes[i * 2 + 1] = word & 0xff;
  });
  if (tail.length === 4) bytes.set(tail, 12);
  return bytes;
}

/**
 * An IP address as bytes (4 for IPv4, 16 for IPv6), or undefined for anything else. Brackets
 * (`[::1]`, as in a URL) and an IPv6 zone (`fe80::1%eth0`) are accepted and dropped.
 */
export function parseIp(text: string): Uint8Array | undefined {
  const bare = text.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (isIPv4(bare)) return parseIpv4(bare);
  if (isIPv6(bare)) return parseIpv6(bare);
  return undefined;
}

function hasPrefix(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

const MAPPED = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];
const COMPATIBLE = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const NAT64 = [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0];

/**
 * The IPv4 address an IPv6 one carries, where connecting to it reaches that IPv4 address:
 * IPv4-mapped (`::ffff:127.0.0.1`, `::ffff:7f00:1`), IPv4-compatible (`::127.0.0.1`, but not
 * `::` or `::1`) and the NAT64 well-known prefix (`64:ff9b::/96`, RFC 6052). Anything else is
 * returned as it is.
 */
export function unwrapIpv4(bytes: Uint8Array): Uint8Array {
  if (bytes.length !== 16) return bytes;
  const v4 = bytes.slice(12);
  if (hasPrefix(bytes, MAPPED) || hasPrefix(bytes, NAT64)) return v4;
  const isUnspecifiedOrLoopback = v4[0] === 0 && v4[1] === 0 && v4[2] === 0 && (v4[3] ?? 0) <= 1;
  if (hasPrefix(bytes, COMPATIBLE) && !isUnspecifiedOrLoopback) return v4;
  return bytes;
}

/** `10.1.2.0/24`, `fc00::/7`, or one address (a /32 or /128); undefined if not one. */
export function parseCidr(text: string): IpNetwork | undefined {
  const [address = '', length, extra] = text.split('/');
  const bytes = parseIp(address);
  if (bytes === undefined || extra !== undefined) return undefined;
  const max = bytes.length * 8;
  if (length === undefined) return { bytes, prefix: max };
  if (!/^\d{1,3}$/.test(length) || Number(length) > max) return undefined;
  return { bytes, prefix: Number(length) };
}

/** Whether an address (bytes of the same family as the network's) lies in the network. */
export function isInNetwork(bytes: Uint8Array, network: IpNetwork): boolean {
  if (bytes.length !== network.bytes.length) return false;
  for (let bit = 0; bit < network.prefix; bit += 8) {
    const bits = Math.min(8, network.prefix - bit);
    const mask = (0xff << (8 - bits)) & 0xff;
    if (((bytes[bit / 8] ?? 0) & mask) !== ((network.bytes[bit / 8] ?? 0) & mask)) return false;
  }
  return true;
}

/** The usual text of an address's bytes (IPv6 without shortening). */
export function formatIp(bytes: Uint8Array): string {
  if (bytes.length === 4) return [...bytes].join('.');
  const words: string[] = [];
  for (let i = 0; i < 16; i += 2)
    words.push((((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16));
  return words.join(':');
}
