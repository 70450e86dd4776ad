/**
 * Hostile HTML posts and titles through the whole normalize path (`normalizePost`: validation,
 * control characters, HTML to text, caps): the worst time per post, and the HTML step alone
 * (`looksLikeHtml` + `htmlToText` on the raw text and title, as `normalizePost` runs them). Each
 * time is the median of `rounds` runs of that one post, after one untimed pass over all of them.
 */
import { performance } from 'node:perf_hooks';
import { isLangngheError } from '../src/core/errors.js';
import { htmlToText, looksLikeHtml } from '../src/pipeline/html-to-text.js';
import { normalizePost } from '../src/pipeline/post-input.js';
import { median, table } from './stats.js';

/** A hostile item as an API client sends it. */
export interface HostileItem {
  text: string;
  title?: string;
}

const ARTICLE = '<p>Kẹt xe <b>nặng</b> ở quận 7 &amp; Thủ&nbsp;Đức, giá < 5 triệu.</p><br>';

function upTo(unit: string, chars: number): string {
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

/** Markup first, so that `htmlToText` runs on what follows (`looksLikeHtml` alone would not). */
const P = '<p>tin</p>';

export const HOSTILE_HTML_ITEMS: Readonly<Record<string, HostileItem>> = {
  '"<p " × 20,000': { text: '<p '.repeat(20_000) },
  '"<p " × 20,000 after a <p>': { text: P + '<p '.repeat(20_000) },
  '"<p " × 200,000 after a <p> (600k characters, over the cap)': {
    text: P + '<p '.repeat(200_000),
  },
  'title "<p " × 20,000 after a <p>': { text: 'tin', title: P + '<p '.repeat(20_000) },
  '100,000-character HTML title': { text: 'tin', title: upTo(ARTICLE, 100_000) },
  '<script> unclosed × 12,500': { text: '<script>'.repeat(12_500) },
  '"</script " × 10,000 after one <script>': { text: `${P}<script>${'</script '.repeat(10_000)}` },
  '"<!--" × 25,000 after a <p>': { text: P + '<!--'.repeat(25_000) },
  '"<!-- x>" × 14,000 after a <p>': { text: P + '<!-- x>'.repeat(14_000) },
  '"&#" × 50,000 after a <p>': { text: P + '&#'.repeat(50_000) },
  'entities × 10,000 in a <p>': { text: `<p>${'&amp;&#7853;&#x1EAD;&nbsp;'.repeat(4_000)}</p>` },
  'quotes hiding every ">" × 12,500 after a <p>': { text: P + '<a x=">"'.repeat(12_500) },
  '"<" × 100,000 after a <p>': { text: P + '<'.repeat(100_000) },
  'ordinary HTML article, 100,000 characters': { text: upTo(ARTICLE, 100_000) },
};

/** The HTML step of `normalizePost`, by whichever implementation is measured. */
export interface HtmlStep {
  looksLikeHtml(text: string): boolean;
  htmlToText(html: string): string;
}

export const CURRENT_HTML_STEP: HtmlStep = { looksLikeHtml, htmlToText };

export interface AdversarialHtmlRow {
  item: string;
  chars: number;
  /** Median ms of the HTML step alone, on the raw text and title. */
  htmlMs: number;
  /** Median ms of `normalizePost` on the item. */
  normalizeMs: number;
}

function runHtmlStep(step: HtmlStep, item: HostileItem): void {
  for (const value of [item.text, item.title]) {
    if (value !== undefined && step.looksLikeHtml(value)) step.htmlToText(value);
  }
}

function medianMs(rounds: number, run: () => void): number {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return median(times);
}

/** Median ms of an HTML step on each hostile item (for old-versus-new comparisons). */
export function timeHtmlStep(step: HtmlStep, rounds: number): Record<string, number> {
  const items = Object.entries(HOSTILE_HTML_ITEMS);
  for (const [, item] of items) runHtmlStep(step, item);
  return Object.fromEntries(
    items.map(([name, item]) => [name, medianMs(rounds, () => runHtmlStep(step, item))]),
  );
}

export function runAdversarialHtmlBench(
  options: { rounds: number },
  log: (line: string) => void,
): AdversarialHtmlRow[] {
  const now = '2026-11-23T08:00:00.000Z';
  const normalize = (item: HostileItem): void => {
    try {
      normalizePost(item, { now });
    } catch (error) {
      // A post left empty once its markup is gone is refused: that is an answer too.
      if (!isLangngheError(error) || error.code !== 'input.invalid') throw error;
    }
  };
  const items = Object.entries(HOSTILE_HTML_ITEMS);
  for (const [, item] of items) normalize(item);
  const htmlMs = timeHtmlStep(CURRENT_HTML_STEP, options.rounds);
  const rows = items.map(([name, item]) => ({
    item: name,
    chars: item.text.length + (item.title?.length ?? 0),
    htmlMs: htmlMs[name]!,
    normalizeMs: medianMs(options.rounds, () => normalize(item)),
  }));
  const worst = rows.reduce((a, b) => (b.normalizeMs > a.normalizeMs ? b : a));
  log(`  worst normalizePost ${worst.normalizeMs.toFixed(2)} ms (${worst.item})`);
  return rows;
}

export function adversarialHtmlTable(rows: readonly AdversarialHtmlRow[]): string {
  return table(
    ['hostile item', 'characters', 'HTML step (ms)', 'normalizePost (ms)'],
    rows.map((r) => [
      r.item,
      r.chars.toLocaleString('en-US'),
      r.htmlMs.toFixed(2),
      r.normalizeMs.toFixed(2),
    ]),
  );
}
