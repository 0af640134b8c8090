/** Brute-force causal order blocks (docs §6.2) from the detector's own swing events: rescans instead of trackers and heaps. */
import type { SmcEvent } from "../../src/brain/smc/causal/smc-detector";
import type { Candles } from "./smc-csv";

interface Block {
  idx: number;
  dir: 1 | -1;
  top: number;
  bottom: number;
  breakerAt: number;
}

/** OB events per candle, each candle's events serialised and sorted (the detector's order within a candle is heap order). */
export function bruteOrderBlocks(c: Candles, events: readonly SmcEvent[], closeMitigation: boolean): string[] {
  const out: string[] = [];
  const swingsAt = new Map<number, SmcEvent[]>();
  for (const e of events) {
    const accepted = e.kind === "SWING" || e.kind === "SWING_REPLACED" || (e.kind === "SWING_FINAL" && e.bookend);
    if (accepted) swingsAt.set(e.at, [...(swingsAt.get(e.at) ?? []), e]);
  }
  const latest = { 1: -1, [-1]: -1 } as Record<1 | -1, number>;
  const level = { 1: Number.NaN, [-1]: Number.NaN } as Record<1 | -1, number>;
  const lastZone = { 1: -1, [-1]: -1 } as Record<1 | -1, number>;
  const crossed = new Set<string>();
  let active: Block[] = [];
  for (let t = 0; t < c.n; t++) {
    const now: string[] = [];
    const [h, l, o, cl] = [c.high[t]!, c.low[t]!, c.open[t]!, c.close[t]!];
    for (const e of swingsAt.get(t) ?? []) {
      latest[e.dir] = e.idx;
      level[e.dir] = e.level;
    }
    const keep: Block[] = [];
    for (const b of active) {
      const base = { idx: b.idx, at: t, dir: b.dir };
      if (b.breakerAt >= 0 && (b.dir === 1 ? h > b.top : l < b.bottom)) {
        now.push(JSON.stringify({
          kind: "OB_INVALIDATED", ...base, level: b.dir === 1 ? b.top : b.bottom, top: b.top, bottom: b.bottom,
          breakerAt: b.breakerAt,
        }));
        continue;
      }
      if (b.breakerAt < 0) {
        const hit = b.dir === 1 ? (closeMitigation ? Math.min(o, cl) : l) < b.bottom : (closeMitigation ? Math.max(o, cl) : h) > b.top;
        if (hit) {
          b.breakerAt = t;
          now.push(JSON.stringify({
            kind: "OB_BREAKER", ...base, level: b.dir === 1 ? b.bottom : b.top, top: b.top, bottom: b.bottom,
            mitigatedIndex: b.dir === 1 ? t - 1 : t,
          }));
        }
      }
      keep.push(b);
    }
    active = keep;
    for (const dir of [1, -1] as const) {
      const s = latest[dir];
      if (s < 0 || crossed.has(`${dir}:${s}`) || !(dir === 1 ? cl > level[dir] : cl < level[dir])) continue;
      crossed.add(`${dir}:${s}`);
      let zone = t - 1;
      let top = dir === 1 ? c.low[zone]! : c.high[zone]!;
      let bottom = dir === 1 ? c.high[zone]! : c.low[zone]!;
      if (t - s > 1) {
        zone = s + 1;
        for (let j = s + 2; j < t; j++) if (dir === 1 ? c.low[j]! <= c.low[zone]! : c.high[j]! >= c.high[zone]!) zone = j;
        top = c.high[zone]!;
        bottom = c.low[zone]!;
      }
      if (zone === lastZone[dir]) continue;
      lastZone[dir] = zone;
      const v0 = c.volume[t]!;
      const v1 = t >= 1 ? c.volume[t - 1]! : 0;
      const v2 = t >= 2 ? c.volume[t - 2]! : 0;
      const lowVolume = dir === 1 ? v2 : v0 + v1;
      const highVolume = dir === 1 ? v0 + v1 : v2;
      const most = Math.max(lowVolume, highVolume);
      now.push(JSON.stringify({
        kind: "OB_CREATED", idx: zone, at: t, dir, level: level[dir], top, bottom, swingIdx: s, volume: v0 + v1 + v2,
        lowVolume, highVolume, percentage: most === 0 ? 100 : (Math.min(lowVolume, highVolume) / most) * 100,
      }));
      active.push({ idx: zone, dir, top, bottom, breakerAt: -1 });
    }
    out.push(...now.sort());
  }
  return out;
}

/** The detector's OB events in the same per-candle sorted form. */
export function detectorOrderBlocks(events: readonly SmcEvent[]): string[] {
  const out: string[] = [];
  let at = -1;
  let now: string[] = [];
  for (const e of events) {
    if (!e.kind.startsWith("OB_")) continue;
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
