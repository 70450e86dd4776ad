import type { Author, Platform, PostKind } from '../core/types.js';
import type { Rng } from './rng.js';
import type { Scene } from './slots.js';
import type { Incident, IncidentState } from './timeline.js';

/** A recently generated top-level post, kept so comments and shares can point at it. */
export interface RecentPost {
  id: string;
  issueIndex: number;
  scene: Scene;
  title?: string;
  text?: string;
  url?: string;
  /** Index into OUTLETS for press articles. */
  outlet?: number;
}

/** What the composers share while one stream is generated. */
export interface ComposeContext {
  rng: Rng;
  seedTag: number;
  /** How many distinct citizens post. */
  authorPool: number;
  /** Ring buffers of recent top-level posts, per platform (bounded). */
  recent: Map<Platform, RecentPost[]>;
}

/** The post being generated: its number, time, platform and what it is about. */
export interface Job {
  i: number;
  t: number;
  platform: Platform;
  id: string;
  issueIndex: number;
  scene: Scene;
  incident: Incident | undefined;
}

/** A composed post before ids, times and engagement are added. */
export interface Draft {
  kind: PostKind;
  text: string;
  lang: 'vi' | 'en';
  author: Author;
  title?: string;
  url?: string;
  parentId?: string;
  /** Engagement multiplier (viral incidents, press). */
  boost?: number;
  /** Keep as a parent for later comments/shares (top-level posts only). */
  remember?: Omit<RecentPost, 'id' | 'issueIndex' | 'scene'>;
}

const RING_SIZE = 48;

/** Remembers a top-level post; the oldest is forgotten once the ring is full. */
export function rememberPost(c: ComposeContext, platform: Platform, post: RecentPost): void {
  let ring = c.recent.get(platform);
  if (ring === undefined) {
    ring = [];
    c.recent.set(platform, ring);
  }
  if (ring.length < RING_SIZE) ring.push(post);
  else ring[c.rng.int(RING_SIZE)] = post;
}

/** A recent post on the platform, or undefined when there is none yet. */
export function recentPost(c: ComposeContext, platform: Platform): RecentPost | undefined {
  const ring = c.recent.get(platform);
  return ring === undefined || ring.length === 0 ? undefined : c.rng.pick(ring);
}

/** The live state of an incident, created on first use. */
export function incidentState(incident: Incident): IncidentState {
  incident.state ??= { articles: [], usedOutlets: new Set(), lastPost: new Map() };
  return incident.state;
}
