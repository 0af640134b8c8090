/** Checks shared by the causal SMC tests: the event contract (docs §7 "Causal mode" 3–4) and serialised comparison. */
import type { SmcEvent } from "../../src/brain/smc/causal/smc-detector";

/** Row-valued fields an event may carry besides idx and at: each must be -1 ("none") or within [0, at]. */
const ROW_FIELDS = [
  "brokenIndex", "armedAt", "replacedIdx", "prevIdx", "startIdx", "byIdx", "swingIdx", "mitigatedIndex", "breakerAt",
  "end", "swept",
] as const;

export const serialise = (events: readonly SmcEvent[]): string[] => events.map((e) => JSON.stringify(e));

/** Events with at < m, serialised. */
export const before = (events: readonly SmcEvent[], m: number): string[] => serialise(events.filter((e) => e.at < m));

/** First index where two serialised event lists differ, described; null when equal. */
export function firstDifference(a: readonly string[], b: readonly string[]): string | null {
  const n = Math.max(a.length, b.length);
  for (let k = 0; k < n; k++) if (a[k] !== b[k]) return `event #${k} (of ${a.length} vs ${b.length}): ${a[k]} ≠ ${b[k]}`;
  return null;
}

/**
 * Emit-once per (kind, idx, dir) (EXTEND events add their seq), at non-decreasing, idx <= at, every row field
 * within [-1, at], SWING_CANDIDATE lag L and FVG lag 1, a BOS/CHOCH level fires or is cancelled at most once, and
 * follow-up events point back to an original emitted earlier.
 * Returns the first violation, or null.
 */
export function contractViolation(events: readonly SmcEvent[], L: number): string | null {
  const seen = new Set<string>();
  let lastAt = -1;
  for (let k = 0; k < events.length; k++) {
    const e = events[k]!;
    const where = `event #${k} ${JSON.stringify(e)}`;
    const seq = e.kind === "LIQ_EXTEND" || e.kind === "FVG_EXTENDED" ? `:${e.seq}` : "";
    const key = `${e.kind}:${e.idx}:${e.dir}${seq}`;
    if (seen.has(key)) return `${where}: emitted twice`;
    seen.add(key);
    if (e.at < lastAt) return `${where}: at decreased from ${lastAt}`;
    lastAt = e.at;
    if (!(Number.isInteger(e.idx) && e.idx >= 0 && e.idx <= e.at)) return `${where}: idx outside [0, at]`;
    if (!Number.isFinite(e.level)) return `${where}: level not finite`;
    for (const f of ROW_FIELDS) {
      const v = (e as unknown as Record<string, unknown>)[f];
      if (v !== undefined && !(typeof v === "number" && Number.isInteger(v) && v >= -1 && v <= e.at)) {
        return `${where}: ${f} outside [-1, at]`;
      }
    }
    if (e.kind === "SWING_CANDIDATE" && e.at - e.idx !== L) return `${where}: candidate lag ${e.at - e.idx} ≠ L=${L}`;
    if (e.kind === "FVG" && e.at - e.idx !== 1) return `${where}: FVG lag ${e.at - e.idx} ≠ 1`;
    if (e.kind === "BOS" || e.kind === "CHOCH" || e.kind === "STRUCTURE_CANCELLED") {
      // A level either fires or is cancelled, once.
      if (seen.has(`decided:${e.idx}`)) return `${where}: level at ${e.idx} decided twice`;
      seen.add(`decided:${e.idx}`);
    }
    const origin = originOf(e);
    if (origin !== null && !origin.some((o) => seen.has(`${o}:${e.idx}:${e.dir}`))) return `${where}: no earlier ${origin.join("/")}`;
  }
  return null;
}

function originOf(e: SmcEvent): string[] | null {
  switch (e.kind) {
    case "SWING_FINAL":
      return e.bookend ? null : ["SWING", "SWING_REPLACED"];
    case "FVG_MITIGATED":
    case "FVG_EXTENDED":
      return ["FVG"];
    case "OB_BREAKER":
    case "OB_INVALIDATED":
      return ["OB_CREATED"];
    case "LIQ_EXTEND":
    case "LIQ_SWEPT":
      return ["LIQ_POOL"];
    case "SWING":
    case "SWING_REPLACED":
      return ["SWING_CANDIDATE"];
    default:
      return null;
  }
}
