/**
 * pandas `resample` buckets for previous_high_low (§3.6): fixed spans are left-closed, start-labelled and aligned to
 * midnight of the first candle's day; "W[-DAY]" and "M"/"ME" are right-closed and labelled by their last day at 00:00.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const WEEKDAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/** A parsed time frame: `labelOf(t)` is the epoch-ms label of the bucket holding candle time t. */
export interface TimeFrame {
  readonly name: string;
  labelOf(timeMs: number, firstTimeMs: number): number;
}

const FIXED_UNITS: Record<string, number> = { min: MINUTE_MS, t: MINUTE_MS, h: 60 * MINUTE_MS, d: DAY_MS };

/** Parses "15min", "4h", "1D", "W", "W-FRI", "M", "ME"; returns null for anything else. */
export function parseTimeFrame(name: string): TimeFrame | null {
  const fixed = /^(\d*)(min|T|h|H|D|d)$/.exec(name);
  if (fixed) {
    const count = fixed[1] === "" ? 1 : Number(fixed[1]);
    const spanMs = count * FIXED_UNITS[fixed[2]!.toLowerCase()]!;
    if (!(spanMs > 0)) return null;
    return { name, labelOf: (t, first) => fixedLabel(t, first, spanMs) };
  }
  const week = /^W(?:-(SUN|MON|TUE|WED|THU|FRI|SAT))?$/.exec(name);
  if (week) {
    const endDay = WEEKDAYS.indexOf(week[1] ?? "SUN");
    return { name, labelOf: (t) => weekLabel(t, endDay) };
  }
  if (name === "M" || name === "ME") return { name, labelOf: monthLabel };
  return null;
}

/** pandas origin "start_day": bins of spanMs from midnight (UTC) of the first candle's day, labelled by start. */
function fixedLabel(t: number, firstTimeMs: number, spanMs: number): number {
  const origin = Math.floor(firstTimeMs / DAY_MS) * DAY_MS;
  return origin + Math.floor((t - origin) / spanMs) * spanMs;
}

/**
 * Anchored weeks: pandas moves the right-closed edges to the end of the anchor day, so the bucket runs from the day
 * after the anchor 00:00 to the anchor day 23:59:59.999 and is labelled by the anchor day 00:00.
 */
function weekLabel(t: number, endDay: number): number {
  const day = Math.floor(t / DAY_MS);
  const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  const ahead = (endDay - weekday + 7) % 7;
  return (day + ahead) * DAY_MS;
}

/** Month end, same edge rule as weeks: a candle belongs to its calendar month, labelled by its last day 00:00. */
function monthLabel(t: number): number {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0);
}
