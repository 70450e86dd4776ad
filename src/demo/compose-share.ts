import { firstSentences } from './article.js';
import {
  incidentState,
  recentPost,
  type ComposeContext,
  type Draft,
  type Job,
} from './compose-context.js';
import { ISSUES, type CompiledIssue } from './content/index.js';
import { pickCitizen, pickOfficial, pickPage } from './identity.js';
import { OUTLETS, outletAuthor } from './outlets.js';
import type { PlatformProfile } from './platform-profiles.js';
import type { Rng } from './rng.js';
import { fillSlot, type Scene } from './slots.js';
import {
  applyStyle,
  clip,
  hashtags,
  pickTone,
  pickTypingStyle,
  socialText,
  type Tone,
} from './social.js';
import { capitalize, renderTemplate, type Template } from './style.js';

/** Platforms where newspapers run their own pages and share their articles. */
const PRESS_PAGES = new Set(['facebook', 'x', 'zalo', 'instagram']);

interface SharedArticle {
  title: string;
  text: string;
  url: string;
  outlet: number;
}

function formal(template: Template, scene: Scene, rng: Rng): string {
  return capitalize(renderTemplate(template, (slot) => fillSlot(slot, scene, rng)));
}

function articleToShare(c: ComposeContext, job: Job): SharedArticle | undefined {
  if (job.incident !== undefined) {
    const articles = incidentState(job.incident).articles;
    return articles.length > 0 ? c.rng.pick(articles) : undefined;
  }
  const recent = recentPost(c, 'news');
  if (recent?.title === undefined || recent.text === undefined || recent.url === undefined)
    return undefined;
  return { title: recent.title, text: recent.text, url: recent.url, outlet: recent.outlet ?? 0 };
}

/**
 * A press article travelling on social media: the outlet's own page sharing it, a community page
 * reposting it, or a citizen copying its first sentences. The copies are near-duplicates of the
 * article, as story clustering and spread analysis expect. Undefined when there is no article yet.
 */
export function composeShare(c: ComposeContext, job: Job): Draft | undefined {
  const a = articleToShare(c, job);
  if (a === undefined) return undefined;
  const outlet = OUTLETS[a.outlet]!;
  const rng = c.rng;
  const r = rng.next();
  if (r < 0.3 && PRESS_PAGES.has(job.platform)) {
    const text = `${a.title}\n${firstSentences(a.text, 1)}\n${a.url}`;
    return { kind: 'post', text, lang: 'vi', author: outletAuthor(outlet), boost: 2 };
  }
  if (r < 0.55 && job.platform === 'facebook') {
    const source = rng.chance(0.6) ? `Nguồn: ${outlet.name}` : `Nguồn: ${a.url}`;
    const text = `${a.title.toUpperCase()}\n\n${firstSentences(a.text, 2)}\n\n${source}`;
    return { kind: 'post', text, lang: 'vi', author: pickPage(rng), boost: 1.5 };
  }
  if (job.platform === 'forum') {
    return {
      kind: 'post',
      title: a.title,
      text: clip(`${firstSentences(a.text, 4)}\n\nNguồn: ${a.url}`, 800),
      lang: 'vi',
      author: pickCitizen('forum', c.authorPool, c.seedTag, rng),
    };
  }
  const style = pickTypingStyle(rng, 0.1);
  const lead = firstSentences(a.text, rng.between(1, 3));
  const comment = rng.chance(0.5)
    ? ` ${rng.pick(['Lại nữa rồi!', 'Khổ thật.', 'Mọi người chú ý.', 'Đọc mà bức xúc.', 'Cuối cùng cũng lên báo.'])}`
    : '';
  const link = rng.chance(0.5) ? `\n${a.url}` : '';
  const text = applyStyle(`Theo ${outlet.name}: ${lead}${comment}${link}`, style);
  const author = pickCitizen(job.platform, c.authorPool, c.seedTag, rng);
  return { kind: 'post', text: clip(text, 800), lang: 'vi', author };
}

function incidentTone(issue: CompiledIssue, rng: Rng): Tone {
  if (issue.source.key === 'daily') return pickTone(issue, rng);
  const r = rng.next();
  return r < 0.8 ? 'negative' : r < 0.95 ? 'neutral' : 'positive';
}

/** Tone of a social post, skewed negative for incidents. */
export function toneFor(job: Job, rng: Rng): Tone {
  const issue = ISSUES[job.issueIndex]!;
  return job.incident === undefined ? pickTone(issue, rng) : incidentTone(issue, rng);
}

/** A video: a press channel's report, or a citizen's clip with a caption. */
export function composeVideo(c: ComposeContext, job: Job, profile: PlatformProfile): Draft {
  const rng = c.rng;
  const issue = ISSUES[job.issueIndex]!;
  if (job.platform !== 'instagram' && rng.chance(job.platform === 'youtube' ? 0.45 : 0.12)) {
    const outlet = OUTLETS[rng.int(OUTLETS.length)]!;
    const title = formal(rng.pick(issue.titles), job.scene, rng);
    const text = `${formal(rng.pick(issue.leads), job.scene, rng)}\nXem thêm tại ${outlet.domain}`;
    return { kind: 'video', title, text, lang: 'vi', author: outletAuthor(outlet), boost: 2 };
  }
  const style = pickTypingStyle(rng, profile.plainRate);
  const core = socialText(issue, job.scene, rng, {
    tone: toneFor(job, rng),
    teen: style.teen,
    hashtagRate: 0,
    sentences: 1,
  });
  const tags = `${hashtags(issue, rng)}${job.platform === 'tiktok' ? ' #xuhuong #fyp' : ''}`;
  const text = applyStyle(`${clip(core, profile.maxLength - 60)} ${tags}`, style);
  const title =
    job.platform === 'youtube' ? `Clip: ${clip(applyStyle(core, style), 90)}` : undefined;
  const author =
    job.platform === 'youtube' && rng.chance(0.5)
      ? pickPage(rng)
      : pickCitizen(job.platform, c.authorPool, c.seedTag, rng);
  return { kind: 'video', text, title, lang: 'vi', author, boost: 1.5 };
}

/** A bulletin from an official account (Zalo OA, government fan page). */
export function composeOfficial(c: ComposeContext, job: Job): Draft {
  const rng = c.rng;
  const issue = ISSUES[job.issueIndex]!;
  const parts = [formal(rng.pick(issue.leads), job.scene, rng)];
  parts.push(formal(rng.pick(issue.officials), job.scene, rng));
  if (rng.chance(0.5))
    parts.push(
      'Mọi thông tin phản ánh xin gửi về Tổng đài 1022 hoặc qua ứng dụng Công dân số TP.HCM.',
    );
  return { kind: 'post', text: parts.join(' '), lang: 'vi', author: pickOfficial(rng) };
}
