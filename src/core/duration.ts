/** Human durations for flags and config ("90s", "2m", "500ms", "1h"; a bare number is seconds). */

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Returns milliseconds, or null when the text is not a duration. */
export function parseDurationMs(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(text);
  if (!m) return null;
  const value = Number(m[1]);
  const unit = UNIT_MS[m[2] ?? "s"];
  if (unit === undefined || !Number.isFinite(value)) return null;
  return Math.round(value * unit);
}
