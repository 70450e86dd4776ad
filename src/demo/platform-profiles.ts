import type { Platform } from '../core/types.js';

/** How people use one platform: what share of items are comments, videos, English, spam… */
export interface PlatformProfile {
  /** Share of items that are replies to an earlier post. */
  comment: number;
  /** Share of top-level items that are videos. */
  video: number;
  /** Share of top-level items that share or copy a press article. */
  share: number;
  english: number;
  spam: number;
  /** Share of top-level items by official accounts. */
  official: number;
  hashtagRate: number;
  /** Share typed without diacritics. */
  plainRate: number;
  /** Longest text the platform allows (or that people write there). */
  maxLength: number;
  /** Extra core sentences beyond the first (0–n). */
  extraSentences: number;
  /** Relative volume in a default stream. */
  weight: number;
}

const SOCIAL: PlatformProfile = {
  comment: 0.35,
  video: 0,
  share: 0.06,
  english: 0.05,
  spam: 0.03,
  official: 0,
  hashtagRate: 0.3,
  plainRate: 0.36,
  maxLength: 800,
  extraSentences: 1,
  weight: 1,
};

export const PLATFORM_PROFILES: Readonly<Record<Platform, PlatformProfile>> = {
  news: { ...SOCIAL, comment: 0.35, plainRate: 0.15, weight: 14 },
  facebook: {
    ...SOCIAL,
    comment: 0.45,
    video: 0.05,
    share: 0.1,
    english: 0.02,
    spam: 0.05,
    official: 0.02,
    weight: 36,
  },
  youtube: {
    ...SOCIAL,
    comment: 0.7,
    video: 1,
    share: 0,
    english: 0.03,
    spam: 0.04,
    hashtagRate: 0.3,
    weight: 9,
  },
  tiktok: {
    ...SOCIAL,
    comment: 0.6,
    video: 1,
    share: 0,
    english: 0.01,
    spam: 0.05,
    hashtagRate: 0.9,
    plainRate: 0.4,
    maxLength: 300,
    extraSentences: 0,
    weight: 12,
  },
  x: {
    ...SOCIAL,
    comment: 0.3,
    share: 0.1,
    english: 0.15,
    hashtagRate: 0.45,
    maxLength: 280,
    extraSentences: 0,
    weight: 4,
  },
  zalo: {
    ...SOCIAL,
    comment: 0,
    share: 0.05,
    english: 0,
    spam: 0.03,
    official: 0.2,
    hashtagRate: 0.02,
    plainRate: 0.3,
    weight: 7,
  },
  instagram: {
    ...SOCIAL,
    comment: 0.4,
    video: 0.2,
    share: 0,
    english: 0.15,
    hashtagRate: 0.85,
    extraSentences: 0,
    weight: 3,
  },
  forum: {
    ...SOCIAL,
    comment: 0.55,
    share: 0.08,
    english: 0.01,
    spam: 0.04,
    hashtagRate: 0.02,
    plainRate: 0.3,
    extraSentences: 2,
    weight: 8,
  },
  reddit: {
    ...SOCIAL,
    comment: 0.5,
    share: 0.05,
    english: 0.75,
    spam: 0.01,
    hashtagRate: 0,
    plainRate: 0.5,
    weight: 2,
  },
  mastodon: { ...SOCIAL, english: 0.3, maxLength: 500, weight: 1 },
  bluesky: { ...SOCIAL, english: 0.3, maxLength: 300, weight: 1 },
  web: { ...SOCIAL, comment: 0.2, share: 0.2, plainRate: 0.1, weight: 1 },
  import: { ...SOCIAL, weight: 1 },
};

/** Platforms of a default stream (the others only when asked for). */
export const DEFAULT_PLATFORMS: readonly Platform[] = [
  'news',
  'facebook',
  'youtube',
  'tiktok',
  'x',
  'zalo',
  'instagram',
  'forum',
  'reddit',
];
