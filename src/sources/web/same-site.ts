/** Second-level labels under which a country code domain sells names (`tuoitre.com.vn`). */
const PUBLIC_SECOND_LEVEL = new Set([
  'ac',
  'biz',
  'co',
  'com',
  'edu',
  'gov',
  'health',
  'info',
  'int',
  'name',
  'net',
  'org',
  'pro',
]);

function isIpLiteral(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');
}

/** The registrable part of a host name: `vnexpress.net`, `sggp.org.vn`, `chinhphu.vn`. */
export function siteOf(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (isIpLiteral(host)) return host;
  const labels = host.split('.');
  const keep =
    labels.length >= 3 && labels.at(-1)!.length === 2 && PUBLIC_SECOND_LEVEL.has(labels.at(-2)!)
      ? 3
      : 2;
  return labels.slice(-keep).join('.');
}

/**
 * Whether a link found in a feed or a page may be fetched on that document's behalf: http(s) on
 * the same site (`vnexpress.net` and `e.vnexpress.net` alike). A feed's links come from
 * strangers; this keeps a hostile one from making langnghe fetch internal addresses
 * (`http://127.0.0.1:8080/`, cloud metadata) or anyone else's pages and storing what they say.
 */
export function isSameSite(url: string, documentUrl: string): boolean {
  let target: URL;
  let base: URL;
  try {
    target = new URL(url);
    base = new URL(documentUrl);
  } catch {
    return false;
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return false;
  if (target.hostname === base.hostname) return true;
  if (isIpLiteral(target.hostname) || isIpLiteral(base.hostname)) return false;
  return siteOf(target.hostname) === siteOf(base.hostname);
}
