import type { ModelToken } from '../normalize-for-model.js';

export const SPACE = 0x20;
/** A break: character n-grams never run into one. */
export const BAR = 0x7c;

/**
 * The folded words of a text laid out as one code sequence, " word word|word ", each code with
 * the token it belongs to: a word's region is its separator (a space, or a break where a
 * placeholder, punctuation or line break stood) and its folded letters; a placeholder's is a
 * break alone. A last space closes the sequence.
 */
export class CharLayout {
  codes = new Uint16Array(8192);
  owners = new Int32Array(8192);
  /** Where each token's region starts. */
  starts = new Int32Array(1024);
  length = 0;

  layOut(tokens: readonly ModelToken[]): void {
    let chars = 1;
    for (const t of tokens) chars += t.folded.length + 1;
    if (this.codes.length < chars) {
      this.codes = new Uint16Array(chars);
      this.owners = new Int32Array(chars);
    }
    if (this.starts.length < tokens.length) this.starts = new Int32Array(tokens.length);
    const { codes, owners, starts } = this;
    let n = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      starts[i] = n;
      codes[n] = t.isWord && !t.isBreak ? SPACE : BAR;
      owners[n++] = i;
      if (!t.isWord) continue;
      const f = t.folded;
      for (let k = 0; k < f.length; k++) {
        codes[n] = f.charCodeAt(k);
        owners[n++] = i;
      }
    }
    codes[n] = SPACE;
    owners[n++] = Math.max(0, tokens.length - 1);
    this.length = n;
  }
}
