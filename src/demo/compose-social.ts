import {
  incidentState,
  recentPost,
  type ComposeContext,
  type Draft,
  type Job,
} from './compose-context.js';
import { composeOfficial, composeShare, composeVideo, toneFor } from './compose-share.js';
import { ISSUES } from './content/index.js';
import { pickCitizen, pickPage } from './identity.js';
import { PLATFORM_PROFILES, type PlatformProfile } from './platform-profiles.js';
import { fillSlot } from './slots.js';
import {
  applyStyle,
  clip,
  commentText,
  englishText,
  pickTypingStyle,
  socialPost,
  socialText,
  spamText,
} from './social.js';
import { compileAll, renderTemplate } from './style.js';

const RECIPIENTS = compileAll([
  'Kính gửi UBND {ward},',
  'Kính gửi Công an {ward},',
  'Gửi Tổng đài 1022,',
  'Kính gửi lãnh đạo {ward},',
  'Chào anh chị,',
  'Kính gửi các cơ quan chức năng,',
]);
const ASKS = [
  'Đề nghị cơ quan chức năng kiểm tra, xử lý. Xin cảm ơn.',
  'Mong được phản hồi sớm.',
  'Rất mong chính quyền quan tâm giải quyết.',
  'Tôi có hình ảnh, video nếu cần xin liên hệ lại.',
  'Xin chân thành cảm ơn.',
];

function comment(c: ComposeContext, job: Job): Draft | undefined {
  const rng = c.rng;
  const fromIncident =
    job.incident === undefined ? undefined : incidentState(job.incident).lastPost.get(job.platform);
  const parent =
    fromIncident !== undefined
      ? { id: fromIncident, issueIndex: job.issueIndex, scene: job.scene }
      : recentPost(c, job.platform);
  if (parent === undefined) return undefined;
  const author = pickCitizen(job.platform, c.authorPool, c.seedTag, rng);
  const issue = ISSUES[parent.issueIndex]!;
  if (rng.chance(PLATFORM_PROFILES[job.platform].english)) {
    const text = clip(englishText(issue, parent.scene, rng), 200);
    return {
      kind: 'comment',
      text: text.length >= 20 ? text : `${text} Same here.`,
      lang: 'en',
      author,
      parentId: parent.id,
    };
  }
  const style = pickTypingStyle(rng, PLATFORM_PROFILES[job.platform].plainRate);
  const text = applyStyle(commentText(issue, parent.scene, rng, style.teen), style);
  return { kind: 'comment', text, lang: 'vi', author, parentId: parent.id };
}

/** Forum and Reddit threads are titled by their first core sentence (not an opener like "[Phản ánh]"). */
function titleFor(job: Job, core: string, tone: string): string | undefined {
  if (job.platform !== 'forum' && job.platform !== 'reddit') return undefined;
  const prefix = tone === 'neutral' ? '[Hỏi] ' : tone === 'negative' ? '[Phản ánh] ' : '';
  return prefix + clip(core, 90);
}

function post(c: ComposeContext, job: Job, profile: PlatformProfile): Draft {
  const rng = c.rng;
  const issue = ISSUES[job.issueIndex]!;
  const style = pickTypingStyle(rng, profile.plainRate);
  const tone = toneFor(job, rng);
  const raw = socialPost(issue, job.scene, rng, {
    tone,
    teen: style.teen,
    hashtagRate: profile.hashtagRate,
    sentences: 1 + (profile.extraSentences > 0 ? rng.int(profile.extraSentences + 1) : 0),
  });
  const text = applyStyle(clip(raw.text, profile.maxLength), style);
  const title = titleFor(job, applyStyle(raw.core, style), tone);
  const author =
    job.platform === 'facebook' && rng.chance(0.12)
      ? pickPage(rng)
      : pickCitizen(job.platform, c.authorPool, c.seedTag, rng);
  const boost = job.incident === undefined ? 1 : 1.5;
  return { kind: 'post', text, title, lang: 'vi', author, boost };
}

function message(c: ComposeContext, job: Job): Draft {
  const rng = c.rng;
  const issue = ISSUES[job.issueIndex]!;
  const style = pickTypingStyle(rng, 0.25);
  const fill = (slot: string): string => fillSlot(slot, job.scene, rng);
  const core = socialText(issue, job.scene, rng, {
    tone: rng.chance(0.85) ? 'negative' : toneFor(job, rng),
    teen: false,
    hashtagRate: 0,
    sentences: 1 + rng.int(2),
    bare: true,
  });
  const text = `${renderTemplate(rng.pick(RECIPIENTS), fill)}\n${core}\n${rng.pick(ASKS)}`;
  const author = pickCitizen('zalo', c.authorPool, c.seedTag, rng);
  return {
    kind: 'message',
    text: applyStyle(clip(text, 800), { ...style, teen: false }),
    lang: 'vi',
    author,
  };
}

function english(c: ComposeContext, job: Job): Draft {
  const issue = ISSUES[job.issueIndex]!;
  const text = englishText(issue, job.scene, c.rng);
  const title =
    job.platform === 'reddit' ? clip(text.split(/(?<=[.!?])\s/)[0] ?? text, 100) : undefined;
  const author = pickCitizen(job.platform, c.authorPool, c.seedTag, c.rng);
  return { kind: 'post', text, title, lang: 'en', author };
}

function spam(c: ComposeContext, job: Job): Draft {
  const style = pickTypingStyle(c.rng, 0.4);
  const text = applyStyle(spamText(job.scene, c.rng, style.teen), style);
  const kind = c.rng.chance(0.5) ? 'comment' : 'post';
  const parent = kind === 'comment' ? recentPost(c, job.platform) : undefined;
  const author = pickCitizen(job.platform, c.authorPool, c.seedTag, c.rng);
  if (parent === undefined) return { kind: 'post', text, lang: 'vi', author };
  return { kind: 'comment', text: clip(text, 200), lang: 'vi', author, parentId: parent.id };
}

/**
 * A post on a social platform, by the platform's habits: a reply, spam, a press article
 * shared or copied, an official bulletin, a video, an English post, a citizen's message to an
 * official account (Zalo), or a plain post.
 */
export function composeSocial(c: ComposeContext, job: Job): Draft {
  const draft = composeByHabit(c, job);
  if (
    draft.kind === 'post' &&
    draft.title === undefined &&
    (job.platform === 'forum' || job.platform === 'reddit')
  ) {
    draft.title = clip(draft.text.split(/(?<=[.!?])\s|\n/)[0] ?? draft.text, 90);
  }
  return draft;
}

function composeByHabit(c: ComposeContext, job: Job): Draft {
  const rng = c.rng;
  const profile = PLATFORM_PROFILES[job.platform];
  if (rng.chance(profile.comment)) {
    const reply = comment(c, job);
    if (reply !== undefined) return reply;
  }
  if (job.incident === undefined && rng.chance(profile.spam)) return spam(c, job);
  const shareRate = job.incident?.state?.articles.length ? profile.share * 3 : profile.share;
  if (rng.chance(shareRate)) {
    const shared = composeShare(c, job);
    if (shared !== undefined) return shared;
  }
  if (rng.chance(profile.official)) return composeOfficial(c, job);
  if (rng.chance(profile.video)) return composeVideo(c, job, profile);
  if (rng.chance(profile.english)) return english(c, job);
  if (job.platform === 'zalo') return message(c, job);
  return post(c, job, profile);
}
