/**
 * Emoticons, emoji and written laughter or crying, mapped to three placeholders the models read:
 * EMO_POS (smiles, hearts, thumbs up), EMO_NEG (frowns, tears, anger, thumbs down) and EMO_LAUGH
 * (":))", "=))", ":v", "😂", "hahaha", "kkk"). Laughter is kept apart from smiles because in
 * Vietnamese comments it is as often mockery as joy.
 */

/** What an emoticon or emoji stands for. */
export type EmoticonClass = 'EMO_POS' | 'EMO_NEG' | 'EMO_LAUGH';

/**
 * ASCII emoticons as one regex source (no flags), for the model tokenizer. Each needs a non-letter
 * after it where a letter could follow (":D" but not ":Da").
 */
export const EMOTICON_SOURCE = [
  String.raw`[:;=]-?(?:\){2,}|\]{2,}|\}{2,})`,
  String.raw`[:=][vV](?![\p{L}\p{N}])`,
  String.raw`[xX]D+(?![\p{L}\p{N}])`,
  String.raw`[:;=]['’]?-?(?:\(+|\[+|\{+|\|+)`,
  String.raw`:['’]?-?(?:<+|\/)(?![\/\p{L}\p{N}])`,
  String.raw`[:;=]-?(?:\)|\]|\}|D+|[pP]|\*)(?![\p{L}\p{N}])`,
  String.raw`:[>3](?![\p{L}\p{N}])`,
  String.raw`<3+(?!\p{N})`,
  String.raw`\^+[_.-]*\^+`,
  String.raw`[tT]_+[tT]|[tT]\^[tT]|-_+-|-\.-|>_*<|=\.=|@@`,
].join('|');

const LAUGH_EMOTICON = /^(?:[:;=]-?(?:\){2,}|\]{2,}|\}{2,})|[:=][vV]|[xX]D+)$/;
const NEG_EMOTICON = /^(?:[:;=]['’]?-?[([{|]|:['’]?-?[</]|[tT][_^]+[tT]|-_+-|-\.-|>_*<|=\.=|@@)/;

/** The class of an ASCII emoticon matched by EMOTICON_SOURCE. */
export function emoticonClass(emoticon: string): EmoticonClass {
  if (LAUGH_EMOTICON.test(emoticon)) return 'EMO_LAUGH';
  if (NEG_EMOTICON.test(emoticon)) return 'EMO_NEG';
  return 'EMO_POS';
}

const EMOJI = new Map<number, EmoticonClass>();
const POS =
  '😍🥰😘😗😙😚😊☺😁😀😃😄🙂😇🤗👍👏💯❤💕💖💗💓💞💘💝😻🌹🥳🎉✨🙌💪👌🤩😋😉♥💙💚💛💜🧡🤍🌸🎊🙏😎🤝';
const NEG = '😡😠🤬😤😞😔😢😭😩😫😒🙁☹😣😖😓😰😥😨😱👎💔🤮🤢😑🙄😪😿😕😟😧😦💩🖕😈👿🤦';
const LAUGH = '😂🤣😆😅😹😝😜😛🤪😏🤭';
for (const [chars, cls] of [
  [POS, 'EMO_POS'],
  [NEG, 'EMO_NEG'],
  [LAUGH, 'EMO_LAUGH'],
] as const) {
  for (const ch of chars) EMOJI.set(ch.codePointAt(0)!, cls);
}

/** The class of an emoji (read on its first code point), or undefined for one without a clear tone. */
export function emojiClass(emoji: string): EmoticonClass | undefined {
  const code = emoji.codePointAt(0);
  return code === undefined ? undefined : EMOJI.get(code);
}

const LAUGH_WORD =
  /^(?:k{3,}|(?:ha){2,}h?|(?:há){2,}|(?:he){2,}|(?:hi){2,}|(?:hj){2,}|(?:ka){2,}|(?:hô){2,}|(?:kê){2,}|(?:hé){2,})$/;
const CRY_WORD = /^(?:(?:hu){2,}|(?:hic)+|(?:hix)+|(?:hjc)+|(?:hjx)+|(?:huhu)+)$/;

/** The class of a written laugh or cry ("hahaha", "kkkk", "huhu", "hixhix"), lower case. */
export function laughOrCryClass(word: string): EmoticonClass | undefined {
  if (word.length < 3) return undefined;
  if (LAUGH_WORD.test(word)) return 'EMO_LAUGH';
  if (CRY_WORD.test(word)) return 'EMO_NEG';
  return undefined;
}
