import type { Author, Engagement, Platform, PostKind } from '../core/types.js';
import { slugify } from './outlets.js';
import { COMMUNITY_PAGES, citizenAuthor, pageAuthor } from './people.js';
import { hash32, type Rng } from './rng.js';

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * The prefix of external ids in a stream: post `i` has external id `${prefix}${i.toString(36)}`,
 * unique within the stream, marked as demo data, the same for the same seed.
 */
export function externalIdPrefix(seedTag: number): string {
  return `demo${seedTag.toString(36)}-`;
}

/** A platform-looking key (YouTube video id, Instagram shortcode) for post `i`. */
function shortKey(seedTag: number, i: number, length: number): string {
  let h = hash32(seedTag, i);
  let out = '';
  for (let k = 0; k < length; k++) {
    if (k % 5 === 0) h = hash32(h, k);
    out += KEY_ALPHABET[h & 63]!;
    h >>>= 6;
  }
  return out;
}

let numberSeedTag = Number.NaN;
let numberPrefix = '';

/** A 19-digit post number (Facebook, TikTok, X style), unique per `i`. */
function longNumber(seedTag: number, i: number): string {
  if (seedTag !== numberSeedTag) {
    numberSeedTag = seedTag;
    numberPrefix = `7${String(hash32(seedTag, 0x77) % 1e8).padStart(8, '0')}`;
  }
  return numberPrefix + String(i).padStart(10, '0');
}

function handleOf(author: Author): string {
  return author.id.replace(/^demo-(u|page)-/, '');
}

/** What a post's URL is built from. */
export interface UrlParts {
  platform: Platform;
  kind: PostKind;
  author: Author;
  seedTag: number;
  i: number;
  /** The title, or the start of the text: forums and Reddit put a slug of it in the URL. */
  heading: string;
}

/** A plausible URL on the platform's real domain; undefined for Zalo messages and comments. */
export function socialUrl(p: UrlParts): string | undefined {
  if (p.kind === 'comment' || p.kind === 'message') return undefined;
  const handle = handleOf(p.author);
  switch (p.platform) {
    case 'facebook':
      return `https://www.facebook.com/${handle}/posts/${longNumber(p.seedTag, p.i)}`;
    case 'youtube':
      return `https://www.youtube.com/watch?v=${shortKey(p.seedTag, p.i, 11)}`;
    case 'tiktok':
      return `https://www.tiktok.com/@${handle}/video/${longNumber(p.seedTag, p.i)}`;
    case 'x':
      return `https://x.com/${handle}/status/${longNumber(p.seedTag, p.i)}`;
    case 'instagram':
      return `https://www.instagram.com/p/${shortKey(p.seedTag, p.i, 11)}/`;
    case 'reddit':
      return `https://www.reddit.com/r/saigon/comments/${p.i.toString(36)}/${slugify(p.heading).replace(/-/g, '_')}/`;
    case 'forum':
      return `https://voz.vn/t/${slugify(p.heading)}.${900_000 + (p.i % 1_000_000)}/`;
    case 'mastodon':
      return `https://mastodon.social/@${handle}/${longNumber(p.seedTag, p.i)}`;
    case 'bluesky':
      return `https://bsky.app/profile/${handle}.bsky.social/post/${shortKey(p.seedTag, p.i, 13).toLowerCase()}`;
    case 'web':
      return `https://saigonreview.example/${slugify(p.heading)}-${p.i}`;
    default:
      return undefined;
  }
}

/** Picks a private citizen: a few people post a lot, most post once or twice. */
export function pickCitizen(platform: Platform, pool: number, seedTag: number, rng: Rng): Author {
  return citizenAuthor(platform, Math.floor(pool * rng.next() ** 2.2), seedTag);
}

/** Picks a community page (group, fan page, video channel). */
export function pickPage(rng: Rng): Author {
  return pageAuthor(rng.int(COMMUNITY_PAGES.length));
}

const OFFICIAL_ACCOUNTS: readonly Author[] = [
  { id: 'demo-oa-congantphcm', name: 'Công an TP.HCM', followers: 1_900_000 },
  { id: 'demo-oa-ubndtphcm', name: 'UBND TP.HCM', followers: 850_000 },
  { id: 'demo-oa-ttbc', name: 'Trung tâm Báo chí TP.HCM', followers: 420_000 },
  { id: 'demo-oa-evnhcmc', name: 'Tổng công ty Điện lực TP.HCM', followers: 610_000 },
];

/** An official (government or utility) account, as on Zalo OA. */
export function pickOfficial(rng: Rng): Author {
  return rng.pick(OFFICIAL_ACCOUNTS);
}

/** Likes, comments, shares and views in proportion to the author's reach, heavy-tailed. */
export function engagementFor(
  kind: PostKind,
  followers: number,
  boost: number,
  rng: Rng,
): Engagement {
  if (kind === 'comment' || kind === 'message') {
    const likes = rng.chance(0.02) ? rng.int(2000) : rng.int(25);
    return { likes };
  }
  const reach = Math.sqrt(followers + 100) * 3 * boost;
  const likes = Math.floor(reach * rng.next() ** 3) + rng.int(6);
  const engagement: Engagement = {
    likes,
    comments: Math.floor(likes * (0.05 + rng.next() * 0.3)),
    shares: Math.floor(likes * rng.next() * 0.2),
  };
  if (kind === 'video' || kind === 'article') {
    engagement.views = Math.floor(likes * (15 + rng.next() * 60)) + rng.int(300);
  }
  return engagement;
}
