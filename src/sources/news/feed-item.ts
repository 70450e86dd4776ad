/** The feed dialect a document was read as. */
export type FeedFormat = 'rss2' | 'rss09' | 'rdf' | 'atom10' | 'atom03' | 'jsonfeed';

/** One entry of a feed, normalized the same way whatever the dialect. */
export interface FeedItem {
  /** The entry's guid / id / rdf:about, else its (resolved) link, else `hash:` + a hash of its title and date. */
  id: string;
  title?: string;
  /** Absolute http(s) URL of the article. */
  url?: string;
  /** Plain text of the content (or of the summary when there is no content). */
  text: string;
  /** The content (or summary) HTML exactly as the feed gave it; absent for plain-text entries. */
  html?: string;
  /** True when the feed carries only a short summary, so the article page has the full text. */
  summaryOnly: boolean;
  /** ISO 8601 in UTC with milliseconds (`Date#toISOString`). */
  publishedAt?: string;
  author?: string;
  categories: string[];
  imageUrl?: string;
}

export interface ParsedFeed {
  format: FeedFormat;
  title?: string;
  /** The site's home page as the feed names it (absolute when it could be resolved). */
  link?: string;
  items: FeedItem[];
  /** What was repaired or left out (an unreadable date, items over the cap, a guessed charset). */
  warnings: string[];
}

/** A piece of text and whether it is HTML (to be stripped) or plain text. */
export interface FeedText {
  value: string;
  isHtml: boolean;
}

/**
 * What a dialect's reader takes from one entry before normalizing: raw strings, URLs not yet
 * resolved, the base URL they resolve against.
 */
export interface EntryDraft {
  id?: string;
  title?: FeedText;
  url?: string;
  /** Full content (content:encoded, Atom content, content_html / content_text). */
  content?: FeedText;
  /** Description / summary. */
  summary?: FeedText;
  date?: string;
  author?: string;
  categories: string[];
  imageUrl?: string;
  /** The URL relative links of this entry resolve against (xml:base, feed link, fetch URL). */
  base?: string;
}

/** What a dialect's reader hands back: the feed's own fields and its entries. */
export interface FeedDraft {
  format: FeedFormat;
  title?: FeedText;
  link?: string;
  entries: EntryDraft[];
  warnings: string[];
}
