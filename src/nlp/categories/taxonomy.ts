import { z } from 'zod';
import { LangngheError } from '../../core/errors.js';
import builtin from './taxonomy.json' with { type: 'json' };

/**
 * One weighted phrase of a category.
 * - `weight`: 3 decides on its own, 2 is clear evidence, 1 only supports other evidence; 0 is a
 *   shield (its words do not count for shorter phrases of the category: "điện thoại" keeps
 *   "điện" out of utilities); a negative weight lowers the category.
 * - `accent: 'exact'` for words ambiguous once folded ("ngập"/"ngáp", "cháy"/"chạy"): typed with
 *   diacritics they must be these; typed without any, they count only when another phrase of
 *   the same category was found in the text too.
 */
export interface TaxonomyTerm {
  phrase: string;
  weight: number;
  accent?: 'any' | 'exact';
}

/** A city-issue category. `id` is a stable English slug; names are shown and searchable. */
export interface TaxonomyCategory {
  id: string;
  nameVi: string;
  nameEn: string;
  description: string;
  terms: TaxonomyTerm[];
}

/** A set of categories; each workspace may bring its own (see {@link parseTaxonomy}). */
export interface Taxonomy {
  version: number;
  categories: TaxonomyCategory[];
}

const termSchema = z.object({
  phrase: z.string().trim().min(1).max(200),
  weight: z.number().min(-10).max(10),
  accent: z.enum(['any', 'exact']).optional(),
});

const taxonomySchema = z.object({
  version: z.number().int().min(1),
  categories: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'a lower-case slug: letters, digits, _'),
        nameVi: z.string().min(1).max(200),
        nameEn: z.string().min(1).max(200),
        description: z.string().max(2000),
        terms: z.array(termSchema).max(5000),
      }),
    )
    .max(500)
    .refine((list) => new Set(list.map((c) => c.id)).size === list.length, 'duplicate category id'),
});

/**
 * Checks a taxonomy a workspace supplies (parsed JSON). Throws `LangngheError` with code
 * `taxonomy.invalid` and the zod issues in `details.issues` when it is malformed.
 */
export function parseTaxonomy(value: unknown): Taxonomy {
  const result = taxonomySchema.safeParse(value);
  if (!result.success) {
    throw new LangngheError('taxonomy.invalid', 'the category taxonomy is malformed', {
      details: { issues: result.error.issues },
    });
  }
  return result.data;
}

/** The built-in taxonomy of HCMC city issues (taxonomy.json). */
export const defaultTaxonomy: Taxonomy = parseTaxonomy(builtin);
