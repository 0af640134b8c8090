/** Causal events vs the batch oracle on any candles: the §7.5 agreement rules, checked on random walks with ties. */
import type { SmcEvent, SmcOptions } from "../../src/brain/smc/causal/smc-detector";
import { type RefSwing, refFvgs, refLiquidity, refStructures, refSwings } from "./smc-batch-reference";
import type { Candles } from "./smc-csv";
import { bruteOrderBlocks, detectorOrderBlocks } from "./smc-ob-brute";
import { firstDifference } from "./smc-checks";
import { bruteStructures, detectorStructures } from "./smc-structure-brute";

const show = (x: unknown): string => JSON.stringify(x);

/**
 * - final swings + the last provisional = the oracle's list without its end bookend;
 * - FVGs (joined or not) with top, bottom and mitigation identical;
 * - the oracle's BOS/CHOCH (on that list, so the end bookend never acts as X1) ⊆ causal, same level and break;
 * - constant band: pools over the causal final swings identical (level, end, swept);
 * - order blocks and BOS/CHOCH/cancellations identical to brute-force rescans driven by the detector's own swing
 *   events (these check the trackers, heaps and the fire/cancel rule, not the library).
 * Returns the first violation, or null.
 */
export function oracleViolation(c: Candles, opts: SmcOptions, events: readonly SmcEvent[]): string | null {
  const L = opts.swingLength;
  const compat = opts.compat ?? false;
  const ref = refSwings(c, L, compat ? 2 * L - 1 : L - 1, compat);
  const refList = compat ? ref.slice(0, -1) : ref;
  const finals: RefSwing[] = [];
  let last: RefSwing | null = null;
  for (const e of events) {
    if (e.kind === "SWING_FINAL") finals.push({ idx: e.idx, dir: e.dir, level: e.level });
    if (e.kind === "SWING" || e.kind === "SWING_REPLACED") last = { idx: e.idx, dir: e.dir, level: e.level };
  }
  const ours = last === null ? finals : [...finals, last];
  if (show(ours) !== show(refList)) return `swings differ: causal ${ours.length}, oracle ${refList.length}`;

  const fvgs = new Map<number, { dir: number; top: number; bottom: number; mitigated: number }>();
  for (const e of events) {
    if (e.kind === "FVG") fvgs.set(e.idx, { dir: e.dir, top: e.top, bottom: e.bottom, mitigated: 0 });
    if (e.kind === "FVG_EXTENDED") {
      fvgs.delete(e.prevIdx);
      fvgs.set(e.idx, { dir: e.dir, top: e.top, bottom: e.bottom, mitigated: 0 });
    }
    if (e.kind === "FVG_MITIGATED") fvgs.get(e.idx)!.mitigated = e.at;
  }
  const refF = refFvgs(c, opts.joinConsecutiveFvg ?? false);
  const oursF = [...fvgs.entries()].map(([idx, f]) => ({ idx, ...f }));
  oursF.sort((a, b) => a.idx - b.idx);
  if (show(oursF) !== show(refF)) return `FVGs differ: causal ${oursF.length}, oracle ${refF.length}`;

  const structures = new Map<number, SmcEvent>();
  for (const e of events) if (e.kind === "BOS" || e.kind === "CHOCH") structures.set(e.idx, e);
  for (const r of refStructures(c, refList, opts.closeBreak ?? true, compat)) {
    const e = structures.get(r.idx);
    const level = e === undefined ? Number.NaN : compat ? Math.fround(e.level) : e.level;
    const same = e !== undefined && e.kind === r.kind && e.dir === r.dir && level === r.level;
    if (!same || !("brokenIndex" in e) || e.brokenIndex !== r.brokenIndex) {
      return `oracle ${r.kind} ${show(r)} has no causal twin (${show(e)})`;
    }
  }

  const band = opts.liquidityBand;
  if (band?.mode === "constant") {
    const pools = new Map<number, { idx: number; dir: number; level: number; end: number; swept: number }>();
    for (const e of events) {
      if (e.kind === "LIQ_POOL" || e.kind === "LIQ_EXTEND" || e.kind === "LIQ_SWEPT") {
        pools.set(e.idx, { idx: e.idx, dir: e.dir, level: e.level, end: e.end, swept: Math.max(0, e.swept) });
      }
    }
    const oursP = [...pools.values()].sort((a, b) => a.idx - b.idx);
    const refP = refLiquidity(c, finals, band.band);
    if (show(oursP) !== show(refP)) return `pools differ: causal ${oursP.length}, oracle ${refP.length}`;
  }
  const ob = firstDifference(detectorOrderBlocks(events), bruteOrderBlocks(c, events, opts.closeMitigation ?? false));
  if (ob !== null) return `order blocks differ from the rescan: ${ob}`;
  const st = firstDifference(detectorStructures(events), bruteStructures(c, events, opts.closeBreak ?? true, compat));
  return st === null ? null : `structures differ from the rescan: ${st}`;
}
