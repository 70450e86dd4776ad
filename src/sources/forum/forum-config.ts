import { compile } from 'css-select';
import { z } from 'zod';

/** Whether css-select can compile `selector`; the error text when it cannot. */
function selectorProblem(selector: string): string | undefined {
  try {
    compile(selector);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** A CSS selector, compiled once at config time so a typo fails when the source is added. */
const cssSelector = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .superRefine((selector, ctx) => {
    const problem = selectorProblem(selector);
    if (problem !== undefined)
      ctx.addIssue({
        code: 'custom',
        message: `not a valid CSS selector (${JSON.stringify(selector)}): ${problem}`,
      });
  });

const httpUrl = z.url({ protocol: /^https?$/, error: 'an http(s) URL' });

export const forumConfigSchema = z.strictObject({
  url: httpUrl.describe('The thread list (or any list page) read first'),
  itemSelector: cssSelector.describe('Selects each item (thread) on a list page'),
  linkSelector: cssSelector
    .optional()
    .describe("The item's link, inside the item (default: the first a[href])"),
  titleSelector: cssSelector
    .optional()
    .describe("The item's title, inside the item (default: the link's text)"),
  textSelector: cssSelector
    .optional()
    .describe("The item's text or excerpt, inside the item (default: the title)"),
  authorSelector: cssSelector.optional().describe("The item's author name, inside the item"),
  dateSelector: cssSelector
    .optional()
    .describe(
      "The item's date, inside the item: its datetime / data-time attribute or its text ('23/11/2026 08:30', 'Hôm nay, 08:30', '2 giờ trước'; Vietnam time when no zone)",
    ),
  nextPageSelector: cssSelector
    .optional()
    .describe("The link to the next list page (e.g. 'a.pageNav-jump--next')"),
  maxPages: z.number().int().min(1).max(20).default(3).describe('List pages read per run'),
  fetchThreadText: z
    .boolean()
    .default(false)
    .describe("Fetch each new item's page and read its article-like text"),
  platform: z
    .enum(['forum', 'web'])
    .default('forum')
    .describe('Platform the items are stored under'),
});

export type ForumConfig = z.output<typeof forumConfigSchema>;
