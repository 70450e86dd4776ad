export {
  classifyCategories,
  categoryLabelKeys,
  DEFAULT_CATEGORY_THRESHOLD,
} from './classify-categories.js';
export type { CategoryLabel, ClassifyCategoriesOptions } from './classify-categories.js';
export { defaultTaxonomy, parseTaxonomy } from './taxonomy.js';
export type { Taxonomy, TaxonomyCategory, TaxonomyTerm } from './taxonomy.js';
export type { Span } from './span.js';
