/** smartmoneyconcepts 0.0.27 `sessions`: whether each candle's open time is inside a session window, with running range. */
import type { Ohlc } from "../ohlc";

export interface SessionsResult {
  active: Int32Array;
  /** Running high/low inside the window, float32; 0 on inactive rows. */
  high: Float32Array;
  low: Float32Array;
}

/** Built-in windows in UTC, §3.7 (the lower-case "london close kill zone" is the library's spelling). */
export const SESSION_WINDOWS: Readonly<Record<string, readonly [string, string]>> = {
  Sydney: ["21:00", "06:00"],
  Tokyo: ["00:00", "09:00"],
  London: ["07:00", "16:00"],
  "New York": ["13:00", "22:00"],
  "Asian kill zone": ["00:00", "04:00"],
  "London open kill zone": ["06:00", "09:00"],
  "New York kill zone": ["11:00", "14:00"],
  "london close kill zone": ["14:00", "16:00"],
};

export interface SessionOptions {
  /** "Custom" takes startTime and endTime ("HH:MM"). */
  startTime?: string;
  endTime?: string;
  /** "UTC" (default), or "UTC±N"/"GMT±N" with the library's inverted sign (§3.7 step 4). */
  timeZone?: string;
}

const DAY_MS = 86_400_000;

/** @throws RangeError for an unknown session, a bad HH:MM, or a time zone this port does not model. */
export function sessions(ohlc: Ohlc, session: string, options: SessionOptions = {}): SessionsResult {
  const [start, end] = windowMinutes(session, options);
  const shiftMs = timeZoneShiftMs(options.timeZone ?? "UTC");
  const { timeMs, high: h, low: l } = ohlc;
  const n = timeMs.length;
  const out: SessionsResult = { active: new Int32Array(n), high: new Float32Array(n), low: new Float32Array(n) };
  for (let i = 0; i < n; i++) {
    // HH:MM of the open time; seconds are ignored (§3.7 step 1).
    const t = Math.floor(((((timeMs[i]! + shiftMs) % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
    // Both ends inclusive: an exclusive end changes 255 golden rows (§3.7 step 2).
    const inside = start < end ? start <= t && t <= end : t >= start || t <= end;
    if (!inside) continue;
    const prevHigh = i > 0 ? out.high[i - 1]! : 0;
    const prevLow = i > 0 && out.low[i - 1] !== 0 ? out.low[i - 1]! : Number.POSITIVE_INFINITY;
    out.active[i] = 1;
    out.high[i] = Math.max(h[i]!, prevHigh);
    out.low[i] = Math.min(l[i]!, prevLow);
  }
  return out;
}

function windowMinutes(session: string, options: SessionOptions): [number, number] {
  const builtIn = SESSION_WINDOWS[session];
  let pair: readonly [string | undefined, string | undefined];
  if (builtIn) pair = builtIn;
  else if (session === "Custom") pair = [options.startTime, options.endTime];
  else throw new RangeError(`unknown session "${session}"; use ${Object.keys(SESSION_WINDOWS).join(", ")} or Custom`);
  if (pair[0] === undefined || pair[1] === undefined) throw new RangeError("a Custom session needs both startTime and endTime");
  return [hhmm(pair[0]), hhmm(pair[1])];
}

function hhmm(text: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new RangeError(`"${text}" is not a time of day HH:MM`);
  return minutes;
}

/**
 * The library rewrites "UTC+2" to the POSIX zone "Etc/GMT+2", which means UTC−2, localises the naive times there and
 * converts to UTC: the times move by +2 h, the sign inverted (§3.7 step 4, read from the code, not golden-pinned).
 */
function timeZoneShiftMs(timeZone: string): number {
  if (timeZone === "UTC") return 0;
  const m = /^(?:UTC|GMT)(?:([+-])(\d{1,2}))?$/.exec(timeZone);
  if (!m || Number(m[2] ?? 0) > 14) throw new RangeError(`time zone "${timeZone}" is not modelled; use UTC (Binance data is UTC)`);
  return (m[1] === "-" ? -1 : 1) * Number(m[2] ?? 0) * 3_600_000;
}
