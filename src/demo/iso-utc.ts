const DAY_MS = 86_400_000;
let cachedDay = Number.NaN;
let cachedPrefix = '';

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * `new Date(ms).toISOString()`, several times faster for times that fall on the same day as the
 * previous call (a stream in time order): the date part is cached.
 */
export function isoUtc(time: number): string {
  const ms = Math.trunc(time);
  const day = Math.floor(ms / DAY_MS);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedPrefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
  }
  let rest = ms - day * DAY_MS;
  const millis = rest % 1000;
  rest = (rest - millis) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  const minutes = rest % 60;
  const hours = (rest - minutes) / 60;
  const mmm = millis < 10 ? `00${millis}` : millis < 100 ? `0${millis}` : String(millis);
  return `${cachedPrefix}${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}.${mmm}Z`;
}
