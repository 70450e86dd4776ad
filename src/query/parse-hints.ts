import type { QueryNode, QueryWarning } from './ast.js';
import type { BareWord, ParserState } from './parse-state.js';

/** At most this many hints per query: enough to help, bounded work on hostile input. */
export const MAX_WARNINGS = 10;

/** One operand of an AND/OR sequence; `isImplicit`: joined to the one before by juxtaposition. */
export interface SequenceItem {
  node: QueryNode;
  isImplicit: boolean;
}

const LOWERCASE_OPERATOR = /^(?:and|or|not)$/i;

function replaceSpan(input: string, start: number, end: number, text: string): string {
  return input.slice(0, start) + text + input.slice(end);
}

function phraseHint(state: ParserState, run: readonly BareWord[]): QueryWarning {
  const words = run.map((word) => word.raw).join(' ');
  const start = run[0]!.span.start;
  const end = run[run.length - 1]!.span.end;
  return {
    code: 'query.hint.phrase',
    messageVi: `Các từ ${words} đang được tìm riêng lẻ (như có AND ở giữa), ở bất kỳ đâu trong bài; nếu muốn tìm đúng cụm từ, hãy đặt trong ngoặc kép: "${words}"`,
    messageEn: `The words ${words} are matched separately (as if joined by AND), anywhere in the post; to match them as a phrase, put them in quotes: "${words}"`,
    span: { start, end },
    suggestion: replaceSpan(state.input, start, end, `"${words}"`),
  };
}

function lowercaseHint(state: ParserState, word: BareWord): QueryWarning {
  const upper = word.raw.toUpperCase();
  return {
    code: 'query.hint.lowercase_operator',
    messageVi: `"${word.raw}" viết thường được tìm như một từ bình thường, không phải toán tử; viết ${upper} (chữ hoa) nếu muốn dùng toán tử`,
    messageEn: `lowercase "${word.raw}" is searched as an ordinary word, not an operator; write ${upper} in capitals to use the operator`,
    span: word.span,
    suggestion: replaceSpan(state.input, word.span.start, word.span.end, upper),
  };
}

function push(state: ParserState, warning: QueryWarning): void {
  if (state.warnings !== null && state.warnings.length < MAX_WARNINGS) {
    state.warnings.push(warning);
  }
}

/**
 * Hints for one implicit-AND sequence: runs of two or more bare words (`ngập nước`, suggest the
 * phrase) and lowercase `and`/`or`/`not` between two operands (suggest the operator). The
 * operator suggestion is not checked here; the caller drops it when it does not parse.
 */
export function collectSequenceHints(state: ParserState, items: readonly SequenceItem[]): void {
  if (state.warnings === null || state.warnings.length >= MAX_WARNINGS) return;
  let run: BareWord[] = [];
  const flush = (): void => {
    if (run.length >= 2) push(state, phraseHint(state, run));
    run = [];
  };
  items.forEach((item, i) => {
    const bare = state.bareWords.get(item.node);
    const isOperatorWord = bare !== undefined && LOWERCASE_OPERATOR.test(bare.raw);
    if (!item.isImplicit || bare === undefined || isOperatorWord) flush();
    if (bare !== undefined && !isOperatorWord) run.push(bare);
    const next = items[i + 1];
    if (isOperatorWord && i > 0 && item.isImplicit && next?.isImplicit === true) {
      push(state, lowercaseHint(state, bare));
    }
  });
  flush();
}
