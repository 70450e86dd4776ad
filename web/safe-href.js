/**
 * The link to put in an href, or null: only absolute http(s) URLs are followed, so a post's
 * `javascript:` or `data:` URL is never clickable.
 * @param {unknown} url
 * @returns {string | null}
 */
export function safeHref(url) {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
