/** Types of web/safe-href.js, for the Node tests that import it. */
export function safeHref(url: unknown): string | null;
