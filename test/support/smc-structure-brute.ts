/** Brute-force causal BOS/CHOCH (docs §6.2) from the detector's swing events: break scans over all candles, no trackers. */
import type { SmcEvent } from "../../src/brain/smc/causal/smc-detector";
import type { Candles } from "./smc-csv";

interface Swing {
  idx: number;
  dir: 1 | -1;
  level: number;
}
interface Armed {
  idx: number;
  dir: 1 | -1;
  level: number;
  breakLevel: number;
  kind: "BOS" | "CHOCH";
  armedAt: number;
}

/** BOS, CHOCH and STRUCTURE_CANCELLED, serialised, each candle's events sorted. f32Break: compat mode's float32 breaks. */
export function bruteStructures(c: Candles, events: readonly SmcEvent[], closeBreak: boolean, f32Break: boolean): string[] {
  const beyond = (a: Armed, j: number): boolean =>
    a.dir === 1 ? (closeBreak ? c.close[j]! : c.high[j]!) > a.breakLevel : (closeBreak ? c.close[j]! : c.low[j]!) < a.breakLevel;
  const out: string[] = [];
  const finals: Swing[] = [];
  let last: Swing | null = null;
  const decided = new Set<number>();
  let pending: Armed[] = [];
  let k = 0;
  for (let t = 0; t < c.n; t++) {
    let accepted = false;
    for (; k < events.length && events[k]!.at === t; k++) {
      const e = events[k]!;
      if (e.kind === "SWING_FINAL") finals.push({ idx: e.idx, dir: e.dir, level: e.level });
      if (e.kind === "SWING" || e.kind === "SWING_REPLACED") {
        last = { idx: e.idx, dir: e.dir, level: e.level };
        accepted = true;
      }
    }
    let fresh: { a: Armed; brokenAt: number } | null = null;
    const [x4, x3, x2] = [finals[finals.length - 3], finals[finals.length - 2], finals[finals.length - 1]];
    if (accepted && last !== null && x4 !== undefined && x3 !== undefined && x2 !== undefined && !decided.has(x3.idx)) {
      const [l4, l3, l2, l1] = [x4.level, x3.level, x2.level, last.level];
      const up = last.dir === 1;
      const pass = up ? l3 < l1 : l3 > l1;
      const bos = up ? l4 < l2 && l2 < l3 : l4 > l2 && l2 > l3;
      const choch = up ? l2 < l4 && l4 < l3 : l2 > l4 && l4 > l3;
      if (pass && (bos || choch)) {
        decided.add(x3.idx);
        const a: Armed = {
          idx: x3.idx, dir: x3.dir, level: l3, breakLevel: f32Break ? Math.fround(l3) : l3, kind: bos ? "BOS" : "CHOCH", armedAt: t,
        };
        let brokenAt = -1;
        for (let j = a.idx + 2; j <= t && brokenAt < 0; j++) if (beyond(a, j)) brokenAt = j;
        if (brokenAt >= 0) fresh = { a, brokenAt };
        else pending.push(a);
      }
    }
    let winner = fresh;
    if (winner === null) {
      for (const a of pending) if (beyond(a, t) && (winner === null || a.idx > winner.a.idx)) winner = { a, brokenAt: t };
    }
    if (winner === null) continue;
    const w = winner.a;
    const now = [JSON.stringify({
      kind: w.kind, idx: w.idx, at: t, dir: w.dir, level: w.level, brokenIndex: winner.brokenAt, armedAt: w.armedAt,
    })];
    for (const a of pending) {
      if (a.idx >= w.idx) continue;
      now.push(JSON.stringify({
        kind: "STRUCTURE_CANCELLED", idx: a.idx, at: t, dir: a.dir, level: a.level, structure: a.kind, armedAt: a.armedAt,
        byIdx: w.idx, brokenIndex: beyond(a, t) ? t : -1,
      }));
    }
    pending = pending.filter((a) => a.idx > w.idx);
    out.push(...now.sort());
  }
  return out;
}

/** The detector's structure events in the same per-candle sorted form. */
export function detectorStructures(events: readonly SmcEvent[]): string[] {
  const out: string[] = [];
  let at = -1;
  let now: string[] = [];
  for (const e of events) {
    if (e.kind !== "BOS" && e.kind !== "CHOCH" && e.kind !== "STRUCTURE_CANCELLED") continue;
    if (e.at !== at) {
      out.push(...now.sort());
      now = [];
      at = e.at;
    }
    now.push(JSON.stringify(e));
  }
  out.push(...now.sort());
  return out;
}
