/** Golden agreement for the causal SMC mode (docs §7.5): causal events vs the reference labels in ../shared/data/smc-golden. */
import { SmcDetector, type SmcEvent, type SmcOptions } from "../../src/brain/smc/causal/smc-detector";
import { type Candles, readGolden } from "./smc-csv";
import { referenceOrderBlocks } from "./smc-ob-reference";

export interface Agreement {
  matched: number;
  total: number;
  /** Events the causal side has that the reference has not (where that is meaningful), else 0. */
  extra: number;
  firstMismatch: string | null;
}

const agreement = (): Agreement => ({ matched: 0, total: 0, extra: 0, firstMismatch: null });
const miss = (a: Agreement, what: string): void => {
  a.firstMismatch ??= what;
};
const f32 = Math.fround;

/** The library's liquidity band: (max high − min low over the whole frame) × 0.01. */
export function wholeFrameBand(c: Candles, rangePercent = 0.01): number {
  let hi = Number.NEGATIVE_INFINITY;
  let lo = Number.POSITIVE_INFINITY;
  for (let i = 0; i < c.n; i++) {
    hi = Math.max(hi, c.high[i]!);
    lo = Math.min(lo, c.low[i]!);
  }
  return (hi - lo) * rangePercent;
}

export function runDetector(c: Candles, opts: SmcOptions): SmcEvent[] {
  const events: SmcEvent[] = [];
  const d = new SmcDetector(opts, { onSmcEvent: (e) => events.push(e) });
  for (let i = 0; i < c.n; i++) d.push(c.open[i]!, c.high[i]!, c.low[i]!, c.close[i]!, c.volume[i]!, c.timeMs[i]!);
  return events;
}

/** Final swings (SWING_FINAL) plus the last provisional one vs the reference list minus its end bookend. */
export function swingAgreement(events: readonly SmcEvent[]): Agreement {
  const g = readGolden("swing_highs_lows_result_data.csv");
  const [hl, level] = g.cols as [Float64Array, Float64Array];
  const ours: { idx: number; dir: number; level: number }[] = [];
  let last: { idx: number; dir: number; level: number } | null = null;
  for (const e of events) {
    if (e.kind === "SWING_FINAL") ours.push({ idx: e.idx, dir: e.dir, level: e.level });
    if (e.kind === "SWING" || e.kind === "SWING_REPLACED") last = { idx: e.idx, dir: e.dir, level: e.level };
  }
  if (last !== null) ours.push(last);
  const ref: { idx: number; dir: number; level: number }[] = [];
  for (let r = 0; r < g.n - 1; r++) if (!Number.isNaN(hl[r]!)) ref.push({ idx: r, dir: hl[r]!, level: level[r]! });
  const a = agreement();
  a.total = ref.length;
  a.extra = Math.max(0, ours.length - ref.length);
  for (let k = 0; k < ref.length; k++) {
    const x = ours[k];
    const y = ref[k]!;
    if (x !== undefined && x.idx === y.idx && x.dir === y.dir && x.level === y.level) a.matched++;
    else miss(a, `swing #${k}: reference ${JSON.stringify(y)}, causal ${JSON.stringify(x)}`);
  }
  return a;
}

/**
 * FVG rows and MitigatedIndex. Plain mode: every FVG event. Joined mode: the rows that end a run (an FVG not later
 * extended), with the run's merged top/bottom from its last FVG_EXTENDED.
 */
export function fvgAgreement(events: readonly SmcEvent[], file: string): Agreement {
  const g = readGolden(file);
  const [fvg, top, bottom, mit] = g.cols as [Float64Array, Float64Array, Float64Array, Float64Array];
  const rows = new Map<number, { dir: number; top: number; bottom: number; mitigated: number }>();
  for (const e of events) {
    if (e.kind === "FVG") rows.set(e.idx, { dir: e.dir, top: e.top, bottom: e.bottom, mitigated: 0 });
    if (e.kind === "FVG_EXTENDED") {
      rows.delete(e.prevIdx);
      rows.set(e.idx, { dir: e.dir, top: e.top, bottom: e.bottom, mitigated: 0 });
    }
    if (e.kind === "FVG_MITIGATED") {
      const r = rows.get(e.idx);
      if (r !== undefined) r.mitigated = e.at;
    }
  }
  const a = agreement();
  for (let r = 0; r < g.n; r++) {
    if (Number.isNaN(fvg[r]!)) continue;
    a.total++;
    const x = rows.get(r);
    if (x !== undefined && x.dir === fvg[r] && x.top === top[r] && x.bottom === bottom[r] && x.mitigated === mit[r]) a.matched++;
    else miss(a, `row ${r}: reference ${fvg[r]} ${top[r]} ${bottom[r]} ${mit[r]}, causal ${JSON.stringify(x)}`);
  }
  a.extra = rows.size - a.matched;
  return a;
}

/** Every reference BOS/CHOCH label has a causal one on the same row with type, direction, level and BrokenIndex. */
export function structureAgreement(events: readonly SmcEvent[]): Agreement & { cancelled: number } {
  const g = readGolden("bos_choch_result_data.csv");
  const [bos, choch, level, broken] = g.cols as [Float64Array, Float64Array, Float64Array, Float64Array];
  const ours = new Map<number, SmcEvent>();
  let cancelled = 0;
  for (const e of events) {
    if (e.kind === "BOS" || e.kind === "CHOCH") ours.set(e.idx, e);
    if (e.kind === "STRUCTURE_CANCELLED") cancelled++;
  }
  const a = agreement();
  for (let r = 0; r < g.n; r++) {
    const isBos = !Number.isNaN(bos[r]!);
    if (!isBos && Number.isNaN(choch[r]!)) continue;
    a.total++;
    const x = ours.get(r);
    const ok =
      x !== undefined && (x.kind === "BOS" || x.kind === "CHOCH") && x.kind === (isBos ? "BOS" : "CHOCH") &&
      x.dir === (isBos ? bos[r] : choch[r]) && f32(x.level) === f32(level[r]!) && x.brokenIndex === broken[r];
    if (ok) a.matched++;
    else miss(a, `row ${r}: reference ${bos[r]} ${choch[r]} ${level[r]} ${broken[r]}, causal ${JSON.stringify(x)}`);
  }
  a.extra = ours.size - a.matched;
  return { ...a, cancelled };
}

/** Pools (2+ members) with level (float32, as stored), End and Swept, vs the reference with the same band. */
export function liquidityAgreement(events: readonly SmcEvent[]): Agreement {
  const g = readGolden("liquidity_result_data.csv");
  const [liq, level, end, swept] = g.cols as [Float64Array, Float64Array, Float64Array, Float64Array];
  const pools = new Map<number, { dir: number; level: number; end: number; swept: number }>();
  for (const e of events) {
    if (e.kind === "LIQ_POOL" || e.kind === "LIQ_EXTEND" || e.kind === "LIQ_SWEPT") {
      pools.set(e.idx, { dir: e.dir, level: e.level, end: e.end, swept: Math.max(0, e.swept) });
    }
  }
  const a = agreement();
  for (let r = 0; r < g.n; r++) {
    if (Number.isNaN(liq[r]!)) continue;
    a.total++;
    const x = pools.get(r);
    const ok = x !== undefined && x.dir === liq[r] && f32(x.level) === f32(level[r]!) && x.end === end[r] && x.swept === swept[r];
    if (ok) a.matched++;
    else miss(a, `row ${r}: reference ${liq[r]} ${level[r]} ${end[r]} ${swept[r]}, causal ${JSON.stringify(x)}`);
  }
  a.extra = pools.size - a.matched;
  return a;
}

/** OB creation events (same crossing candle, zone row and direction) vs the reference pass over the golden swings. */
export function orderBlockAgreement(c: Candles, events: readonly SmcEvent[]): Agreement {
  const swings = readGolden("swing_highs_lows_result_data.csv").cols[0]!;
  const ref = referenceOrderBlocks(c, swings).creations;
  const key = (at: number, idx: number, dir: number): string => `${at}:${idx}:${dir}`;
  const ours = new Set<string>();
  for (const e of events) if (e.kind === "OB_CREATED") ours.add(key(e.at, e.idx, e.dir));
  const a = agreement();
  a.total = ref.length;
  for (const r of ref) {
    if (ours.has(key(r.at, r.idx, r.dir))) a.matched++;
    else miss(a, `reference creation ${JSON.stringify(r)} has no causal twin`);
  }
  a.extra = ours.size - a.matched;
  return a;
}
