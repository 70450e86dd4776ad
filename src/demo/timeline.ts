import { ISSUES } from './content/index.js';
import { hash32, weightedPicker, type Rng } from './rng.js';
import { makeScene, type Scene } from './slots.js';

/** Posts per hour of the day in Vietnam time (UTC+7), relative: quiet nights, busy evenings. */
const HOUR_PROFILE = [
  0.35, 0.2, 0.12, 0.08, 0.08, 0.15, 0.45, 0.8, 1.0, 1.0, 0.95, 1.0, 1.1, 0.9, 0.85, 0.9, 1.0, 1.15,
  1.25, 1.35, 1.45, 1.4, 1.1, 0.7,
];
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const VN_OFFSET_MS = 7 * HOUR_MS;

/** What the stream remembers about an incident while it is live; dropped when it ends. */
export interface IncidentState {
  /** Articles published so far: what reposts copy and comments answer. */
  articles: { id: string; title: string; text: string; url: string; outlet: number }[];
  usedOutlets: Set<number>;
  /** The latest post about the incident on each platform (parent for comments). */
  lastPost: Map<string, string>;
}

/** One event that many people post about within hours, on several platforms. */
export interface Incident {
  id: number;
  issueIndex: number;
  scene: Scene;
  startMs: number;
  endMs: number;
  tauMs: number;
  /** Press articles appear only after this delay. */
  pressDelayMs: number;
  amplitude: number;
  state: IncidentState | undefined;
}

/** The time plan of a generated stream: when each post is published, and which incident it is about. */
export interface Timeline {
  incidents: readonly Incident[];
  /** Time of post `i` and its incident, if any; `i` must grow by one on each call. */
  next(i: number): { t: number; incident: Incident | undefined };
}

/** Options of a timeline: `count` posts over `[endMs - spanMs, endMs]`. */
export interface TimelineOptions {
  count: number;
  endMs: number;
  spanMs: number;
  /** Share of posts about incidents (bursts); default 0.3. */
  incidentShare?: number;
}

const pickIncidentIssue = weightedPicker(
  ISSUES.map((_, i) => i),
  ISSUES.map((issue) => issue.source.incidentWeight),
);

function baseRate(ms: number): number {
  const hour = Math.floor((ms + VN_OFFSET_MS) / HOUR_MS) % 24;
  const day = Math.floor((ms + VN_OFFSET_MS) / DAY_MS);
  return HOUR_PROFILE[hour]! * (0.85 + (hash32(day, 0xd1) % 300) / 1000);
}

function planIncidents(o: TimelineOptions, rng: Rng, startMs: number): Incident[] {
  const count = Math.min(3000, Math.max(1, Math.round((o.spanMs / DAY_MS) * 3.2)));
  const incidents: Incident[] = [];
  for (let id = 0; id < count; id++) {
    let at = startMs + rng.next() * o.spanMs;
    for (let tries = 0; tries < 8 && !rng.chance(baseRate(at) / 1.75); tries++) {
      at = startMs + rng.next() * o.spanMs;
    }
    const issueIndex = pickIncidentIssue(rng);
    const tauMs = rng.between(60, 300) * 60_000;
    const t = Math.floor(at);
    incidents.push({
      id,
      issueIndex,
      scene: makeScene(ISSUES[issueIndex]!.source, t, rng),
      startMs: t,
      endMs: t + 8 * tauMs,
      tauMs,
      pressDelayMs: rng.between(25, 150) * 60_000,
      amplitude: 0.4 + 3 * rng.next() ** 3,
      state: undefined,
    });
  }
  return incidents.sort((a, b) => a.startMs - b.startMs || a.id - b.id);
}

/**
 * Plans when posts are published: a daily rhythm (few at night) plus exponentially decaying
 * bursts for incidents. Times are drawn by stratified sampling of the rate's cumulative
 * distribution, so they come out in order without being stored.
 */
export function planTimeline(o: TimelineOptions, rng: Rng): Timeline {
  const startMs = o.endMs - o.spanMs;
  const binMs = Math.max(300_000, Math.ceil(o.spanMs / 40_000));
  const bins = Math.max(1, Math.ceil(o.spanMs / binMs));
  const width = (b: number): number => (b < bins - 1 ? binMs : o.spanMs - (bins - 1) * binMs);
  const base = new Float64Array(bins);
  let baseMass = 0;
  for (let b = 0; b < bins; b++) {
    base[b] = baseRate(startMs + b * binMs + width(b) / 2) * width(b);
    baseMass += base[b]!;
  }
  const incidents = planIncidents(o, rng, startMs);
  const share = o.incidentShare ?? 0.3;
  let weightSum = 0;
  for (const inc of incidents) weightSum += inc.amplitude;
  const burst = new Float64Array(bins);
  for (const inc of incidents) {
    inc.amplitude *= ((share / (1 - share)) * baseMass) / weightSum / inc.tauMs;
    for (let b = Math.floor((inc.startMs - startMs) / binMs); b < bins; b++) {
      const from = Math.max(startMs + b * binMs, inc.startMs);
      const to = startMs + b * binMs + width(b);
      if (from - inc.startMs > 8 * inc.tauMs) break;
      const decay = (x: number): number => Math.exp(-(x - inc.startMs) / inc.tauMs);
      burst[b]! += inc.amplitude * inc.tauMs * (decay(from) - decay(to));
    }
  }
  const cumulative = new Float64Array(bins + 1);
  for (let b = 0; b < bins; b++) cumulative[b + 1] = cumulative[b]! + base[b]! + burst[b]!;
  const total = cumulative[bins]!;
  let bin = 0;
  let nextIncident = 0;
  let active: Incident[] = [];

  let nextExpiry = Number.POSITIVE_INFINITY;
  const chooseIncident = (t: number): Incident | undefined => {
    while (nextIncident < incidents.length && incidents[nextIncident]!.startMs <= t) {
      const inc = incidents[nextIncident++]!;
      active.push(inc);
      nextExpiry = Math.min(nextExpiry, inc.endMs);
    }
    if (nextExpiry < t) {
      for (const inc of active) if (inc.endMs < t) inc.state = undefined;
      active = active.filter((inc) => inc.endMs >= t);
      nextExpiry = active.reduce((min, inc) => Math.min(min, inc.endMs), Number.POSITIVE_INFINITY);
    }
    const b = burst[bin]!;
    if (active.length === 0 || b === 0 || !rng.chance(b / (base[bin]! + b))) return undefined;
    const weights = active.map((inc) => inc.amplitude * Math.exp(-(t - inc.startMs) / inc.tauMs));
    return rng.weighted(active, weights);
  };

  return {
    incidents,
    next(i) {
      const q = ((i + rng.next()) / Math.max(1, o.count)) * total;
      while (bin < bins - 1 && cumulative[bin + 1]! <= q) bin++;
      const mass = cumulative[bin + 1]! - cumulative[bin]!;
      const offset = mass > 0 ? ((q - cumulative[bin]!) / mass) * width(bin) : 0;
      const t = Math.min(o.endMs, Math.floor(startMs + bin * binMs + Math.min(offset, width(bin))));
      return { t, incident: chooseIncident(t) };
    },
  };
}
