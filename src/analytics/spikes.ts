/**
 * Spike detection on an hourly count series (a topic, a category, an area, category × area, a
 * term), after SigniTrend (Schubert, Weiler, Kriegel, KDD 2014): an exponentially weighted mean
 * and variance of the count, kept per hour of the week in Vietnam time (Asia/Ho_Chi_Minh, UTC+7,
 * no daylight saving), so that the usual Monday-morning flood of traffic posts is not news; until
 * an hour of the week has been seen twice, the same hour of the day stands in. The score is
 * SigniTrend's `(x − max(μ, β)) / (σ + β)`: the noise floor `β` keeps a series that goes from 0 to
 * 2 posts quiet. An hour is hot when the score passes the sensitivity's threshold, the count its
 * minimum, and the count is also well above the same hour yesterday and a week ago (confirmation
 * against the previous day and week, as Meltwater does), so one noisy baseline does not alert.
 *
 * State per series is fixed in size (O(1) in the series' length): 168 + 24 slots of mean,
 * variance and observations, and the last 168 hourly counts. Pure: no clock, no I/O.
 */

const HOUR_MS = 3_600_000;
const VIETNAM_OFFSET_HOURS = 7;
const WEEK_HOURS = 168;
/** 1970-01-01, the epoch's first day, was a Thursday (Monday = 0). */
const EPOCH_WEEKDAY = 3;

/** How eager the detector is: ít (fewer alerts), cân bằng, nhiều (more). */
export type Sensitivity = 'low' | 'balanced' | 'high';

export interface SensitivitySettings {
  /** Score at or above which an hour is hot. */
  threshold: number;
  /** Fewest posts in the hour for it to be hot. */
  minCount: number;
  /** The count must be at least this many times yesterday's and last week's same hour. */
  confirmRatio: number;
}

export const SENSITIVITIES: Readonly<Record<Sensitivity, SensitivitySettings>> = {
  low: { threshold: 5, minCount: 12, confirmRatio: 2 },
  balanced: { threshold: 3.5, minCount: 8, confirmRatio: 1.5 },
  high: { threshold: 2.5, minCount: 5, confirmRatio: 1.25 },
};

export interface SpikeOptions {
  /** Weight of the newest observation in a slot's mean and variance; default 0.3. */
  alpha?: number;
  /** Noise floor β in posts per hour; default 2. */
  noiseFloor?: number;
}

/** One series' detector state: fixed size, plain numbers (serializable as JSON). */
export interface SpikeState {
  /** Per hour of the week: EWMA mean, EWMA variance, observations (capped). */
  weekMean: number[];
  weekVar: number[];
  weekSeen: number[];
  /** Per hour of the day, the stand-in while an hour of the week is new. */
  dayMean: number[];
  dayVar: number[];
  daySeen: number[];
  /** The last 168 hourly counts, by hour of the week; `lastHour` says which hour is newest. */
  recent: number[];
  /** Epoch hour (UTC hours since 1970) of the newest observation; -1 before the first. */
  lastHour: number;
}

export interface SpikeVerdict {
  isHot: boolean;
  count: number;
  /** The baseline for this hour (posts per hour). */
  expected: number;
  /** count ÷ max(expected, 1): "gấp 5,1 lần". */
  ratio: number;
  /** SigniTrend's score; 0 before any baseline. */
  score: number;
  /** The same hour yesterday and a week ago, when the state reaches back that far. */
  previousDay?: number;
  previousWeek?: number;
}

export function newSpikeState(): SpikeState {
  const zeros = (n: number): number[] => new Array<number>(n).fill(0);
  return {
    weekMean: zeros(WEEK_HOURS),
    weekVar: zeros(WEEK_HOURS),
    weekSeen: zeros(WEEK_HOURS),
    dayMean: zeros(24),
    dayVar: zeros(24),
    daySeen: zeros(24),
    recent: zeros(WEEK_HOURS),
    lastHour: -1,
  };
}

/** Hour of the week (Monday 00:00 = 0) and of the day, in Vietnam time, of an epoch hour. */
export function vietnamHourSlots(epochHour: number): { week: number; day: number } {
  const local = epochHour + VIETNAM_OFFSET_HOURS;
  const week = (((local + EPOCH_WEEKDAY * 24) % WEEK_HOURS) + WEEK_HOURS) % WEEK_HOURS;
  return { week, day: week % 24 };
}

function ewma(mean: number, variance: number, x: number, alpha: number): [number, number] {
  // West (1979) / Finch (2009): incremental exponentially weighted mean and variance.
  const delta = x - mean;
  const nextMean = mean + alpha * delta;
  const nextVar = (1 - alpha) * (variance + alpha * delta * delta);
  return [nextMean, nextVar];
}

/**
 * Scores `count`, the posts of the hour starting at `hourStartMs`, against the state, then learns
 * it. Hours must come in order; a skipped hour counts as 0 (no posts), a repeated or older one is
 * scored but not learned (a late post re-scoring its hour). Returns the verdict for that hour.
 */
export function observeHour(
  state: SpikeState,
  hourStartMs: number,
  count: number,
  sensitivity: Sensitivity = 'balanced',
  options: SpikeOptions = {},
): SpikeVerdict {
  const alpha = options.alpha ?? 0.3;
  const beta = options.noiseFloor ?? 2;
  const settings = SENSITIVITIES[sensitivity];
  const hour = Math.floor(hourStartMs / HOUR_MS);
  const isNew = hour > state.lastHour;
  if (isNew && state.lastHour >= 0) {
    // Hours with no posts since the last observation are zeros, learned as such (at most a week).
    for (let h = Math.max(state.lastHour + 1, hour - WEEK_HOURS); h < hour; h++)
      learn(state, h, 0, alpha);
  }
  const verdict = score(state, hour, count, settings, beta);
  if (isNew) learn(state, hour, count, alpha);
  return verdict;
}

function score(
  state: SpikeState,
  hour: number,
  count: number,
  settings: SensitivitySettings,
  beta: number,
): SpikeVerdict {
  const { week, day } = vietnamHourSlots(hour);
  const useWeek = state.weekSeen[week]! >= 2;
  const seen = useWeek ? state.weekSeen[week]! : state.daySeen[day]!;
  const mean = useWeek ? state.weekMean[week]! : state.dayMean[day]!;
  const variance = useWeek ? state.weekVar[week]! : state.dayVar[day]!;
  const expected = seen === 0 ? 0 : mean;
  const s = seen === 0 ? 0 : (count - Math.max(mean, beta)) / (Math.sqrt(variance) + beta);
  const verdict: SpikeVerdict = {
    isHot: false,
    count,
    expected,
    ratio: count / Math.max(expected, 1),
    score: s,
  };
  const back = (hours: number): number | undefined =>
    state.lastHour >= 0 &&
    hour - hours <= state.lastHour &&
    state.lastHour - (hour - hours) < WEEK_HOURS
      ? state.recent[vietnamHourSlots(hour - hours).week]
      : undefined;
  const previousDay = back(24);
  const previousWeek = back(WEEK_HOURS);
  if (previousDay !== undefined) verdict.previousDay = previousDay;
  if (previousWeek !== undefined) verdict.previousWeek = previousWeek;
  const isConfirmed = [previousDay, previousWeek].every(
    (before) => before === undefined || count >= settings.confirmRatio * Math.max(before, 1),
  );
  verdict.isHot = seen > 0 && s >= settings.threshold && count >= settings.minCount && isConfirmed;
  return verdict;
}

function learn(state: SpikeState, hour: number, count: number, alpha: number): void {
  const { week, day } = vietnamHourSlots(hour);
  [state.weekMean[week], state.weekVar[week]] =
    state.weekSeen[week] === 0
      ? [count, 0]
      : ewma(state.weekMean[week]!, state.weekVar[week]!, count, alpha);
  [state.dayMean[day], state.dayVar[day]] =
    state.daySeen[day] === 0
      ? [count, 0]
      : ewma(state.dayMean[day]!, state.dayVar[day]!, count, alpha);
  state.weekSeen[week] = Math.min(state.weekSeen[week]! + 1, 1_000);
  state.daySeen[day] = Math.min(state.daySeen[day]! + 1, 1_000);
  state.recent[week] = count;
  state.lastHour = hour;
}

/**
 * The plain explanation of a hot hour, in Vietnamese and English: "Ngập nước ở phường Tân Mỹ: 46
 * bài trong 1 giờ, gấp 5,1 lần bình thường vào giờ này". `label` is the series' name as people
 * read it (already in each language).
 */
export function explainSpike(
  label: { vi: string; en: string },
  verdict: SpikeVerdict,
): { vi: string; en: string } {
  const ratio = (locale: string): string =>
    verdict.ratio.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const count = (locale: string): string => verdict.count.toLocaleString(locale);
  return {
    vi: `${label.vi}: ${count('vi-VN')} bài trong 1 giờ, gấp ${ratio('vi-VN')} lần bình thường vào giờ này`,
    en: `${label.en}: ${count('en-US')} posts in 1 hour, ${ratio('en-US')} times the usual for this hour`,
  };
}
