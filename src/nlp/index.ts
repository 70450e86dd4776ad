export { foldText, isPlainText } from './fold.js';
export { canonicalSpelling } from './spelling.js';
export { tokenize, foldTokens } from './tokenize.js';
export type { Token, TokenKind } from './tokenize.js';
