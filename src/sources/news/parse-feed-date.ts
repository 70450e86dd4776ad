import { VIETNAM_OFFSET_MINUTES } from '../../core/date-zone.js';
import { readDate } from '../../core/read-date.js';

export { VIETNAM_OFFSET_MINUTES, parseZone } from '../../core/date-zone.js';

/**
 * Reads a feed's date (`pubDate`, `dc:date`, Atom, JSON Feed, the day-first dates of Vietnamese
 * sites) with the one date reader, `readDate`: day-first numeric dates, a date that names no zone
 * taken at `defaultOffsetMinutes` (Vietnam's +07:00 unless the source says otherwise). Returns
 * epoch milliseconds, or undefined when the text is no date we can read with certainty (never a
 * guess in the machine's zone).
 */
export function parseFeedDate(
  text: string,
  defaultOffsetMinutes: number = VIETNAM_OFFSET_MINUTES,
): number | undefined {
  const reading = readDate(text, { offsetMinutes: defaultOffsetMinutes });
  return reading.isRead ? reading.epochMs : undefined;
}
