import { CHATTER, type CompiledIssue } from './content/index.js';
import {
  CITY_HASHTAGS,
  EMOJI_NEGATIVE,
  EMOJI_NEUTRAL,
  EMOJI_POSITIVE,
  MENTIONS,
} from './content/chatter.js';
import type { Rng } from './rng.js';
import { fillSlot, type Scene } from './slots.js';
import { renderTemplate, stripMarks, type StyledTemplate, type Template } from './style.js';

export type Tone = 'negative' | 'neutral' | 'positive';

/** How a person types: teencode, without diacritics, in decomposed Unicode. */
export interface TypingStyle {
  teen: boolean;
  plain: boolean;
  nfd: boolean;
}

/** About 35% of people type without diacritics, 30% in teencode, 2% paste NFD text. */
export function pickTypingStyle(rng: Rng, plainRate = 0.35): TypingStyle {
  return { teen: rng.chance(0.3), plain: rng.chance(plainRate), nfd: rng.chance(0.02) };
}

/** Applies the spelling part of a style to a finished text. */
export function applyStyle(text: string, style: TypingStyle): string {
  if (style.plain) return stripMarks(text);
  return style.nfd ? text.normalize('NFD') : text;
}

/** Complaints dominate; everyday posts lean positive. */
export function pickTone(issue: CompiledIssue, rng: Rng): Tone {
  const r = rng.next();
  if (issue.source.key === 'daily') return r < 0.2 ? 'negative' : r < 0.5 ? 'neutral' : 'positive';
  return r < 0.66 ? 'negative' : r < 0.85 ? 'neutral' : 'positive';
}

function render(template: Template, scene: Scene, rng: Rng): string {
  return renderTemplate(template, (slot) => fillSlot(slot, scene, rng));
}

function renderStyled(
  list: readonly StyledTemplate[],
  scene: Scene,
  rng: Rng,
  teen: boolean,
): string {
  const t = rng.pick(list);
  return render(teen ? t.teen : t.plain, scene, rng);
}

function coreList(issue: CompiledIssue, tone: Tone): readonly StyledTemplate[] {
  if (tone === 'neutral') return issue.questions;
  return tone === 'positive' ? issue.praise : issue.complaints;
}

function emojiFor(tone: Tone, rng: Rng): string {
  return rng.pick(
    tone === 'negative' ? EMOJI_NEGATIVE : tone === 'neutral' ? EMOJI_NEUTRAL : EMOJI_POSITIVE,
  );
}

/** One to three hashtags: the issue's own and the city's. */
export function hashtags(issue: CompiledIssue, rng: Rng): string {
  const tags = [rng.pick(issue.source.hashtags)];
  if (rng.chance(0.6)) tags.push(rng.pick(CITY_HASHTAGS));
  if (rng.chance(0.25)) tags.push(rng.pick(issue.source.hashtags));
  return [...new Set(tags)].join(' ');
}

/** Options for one social post. */
export interface SocialTextOptions {
  tone: Tone;
  teen: boolean;
  hashtagRate: number;
  /** Longer posts (forums, groups) take more sentences. */
  sentences: number;
  /** Only the core sentences: no opener, closing, emoji, mention or hashtag. */
  bare?: boolean;
}

/**
 * A social post about a scene: an optional opener, one or more core sentences of the tone, an
 * optional closing, emoji, a mention and hashtags. Without spelling style applied.
 */
export function socialText(
  issue: CompiledIssue,
  scene: Scene,
  rng: Rng,
  o: SocialTextOptions,
): string {
  return socialPost(issue, scene, rng, o).text;
}

/** `socialText`, also returning its first core sentence (what a forum thread is titled by). */
export function socialPost(
  issue: CompiledIssue,
  scene: Scene,
  rng: Rng,
  o: SocialTextOptions,
): { text: string; core: string } {
  const parts: string[] = [];
  const wrap = o.bare !== true;
  if (wrap && rng.chance(0.35))
    parts.push(renderStyled(CHATTER.openers[o.tone], scene, rng, o.teen));
  const coreIndex = parts.length;
  const list = coreList(issue, o.tone);
  const first = rng.int(list.length);
  const count = Math.min(o.sentences, list.length);
  for (let k = 0; k < count; k++) {
    const t = list[(first + k) % list.length]!;
    parts.push(render(o.teen ? t.teen : t.plain, scene, rng));
  }
  const core = parts[coreIndex]!;
  if (!wrap) return { text: parts.join(' '), core };
  if (rng.chance(0.45)) parts.push(renderStyled(CHATTER.closings[o.tone], scene, rng, o.teen));
  if (rng.chance(0.4)) parts.push(emojiFor(o.tone, rng));
  if (rng.chance(0.06)) parts.push(rng.pick(MENTIONS));
  if (rng.chance(o.hashtagRate)) parts.push(hashtags(issue, rng));
  let text = parts.join(rng.chance(0.15) ? '\n' : ' ');
  if (text.length < 50) text += ` ${renderStyled(CHATTER.closings[o.tone], scene, rng, o.teen)}`;
  return { text, core };
}

/** A reply of 20–200 characters about the scene (or generic). */
export function commentText(issue: CompiledIssue, scene: Scene, rng: Rng, teen: boolean): string {
  const tone: Tone = issue.source.key === 'daily' ? 'positive' : 'negative';
  let text = rng.chance(0.7)
    ? renderStyled(issue.comments, scene, rng, teen)
    : renderStyled(CHATTER.comments, scene, rng, teen);
  if (rng.chance(0.3)) text += ` ${renderStyled(CHATTER.comments, scene, rng, teen)}`;
  if (rng.chance(0.35)) text += ` ${emojiFor(tone, rng)}`;
  while (text.length < 20) text += ` ${renderStyled(CHATTER.closings[tone], scene, rng, teen)}`;
  return text.length <= 200 ? text : `${text.slice(0, text.lastIndexOf(' ', 197))}...`;
}

/** An English post (expats, Reddit). */
export function englishText(issue: CompiledIssue, scene: Scene, rng: Rng): string {
  const first = rng.int(issue.english.length);
  let text = render(issue.english[first]!, scene, rng);
  if (rng.chance(0.3) || text.length < 60) {
    text += ` ${render(issue.english[(first + 1) % issue.english.length]!, scene, rng)}`;
  }
  if (rng.chance(0.15)) text += ' #saigon #hcmc';
  return rng.chance(0.7) ? stripMarks(text) : text;
}

/** An ad or a spam message. */
export function spamText(scene: Scene, rng: Rng, teen: boolean): string {
  let text = renderStyled(CHATTER.spam, scene, rng, teen);
  if (rng.chance(0.4)) text += ` ${rng.pick(EMOJI_POSITIVE)}`;
  return text;
}

/** Cuts a text to at most `max` characters at a word boundary. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 1);
  return text.slice(0, cut > max / 2 ? cut : max);
}
