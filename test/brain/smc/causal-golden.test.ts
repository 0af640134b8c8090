/** Causal SMC vs the library's golden outputs (docs §7.5, compat on): the agreement figures are asserted exactly. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { SmcEvent } from "../../../src/brain/smc/causal/smc-detector";
import { refFvgs, refLiquidity, refStructures, refSwings } from "../../support/smc-batch-reference";
import { type Candles, GOLDEN_INPUT, haveFile, readCandles, readGolden } from "../../support/smc-csv";
import {
  fvgAgreement, liquidityAgreement, orderBlockAgreement, runDetector, structureAgreement, swingAgreement,
  wholeFrameBand,
} from "../../support/smc-golden";
import { referenceOrderBlocks } from "../../support/smc-ob-reference";

const measured: Record<string, unknown> = {};

describe.skipIf(!haveFile(GOLDEN_INPUT))("causal SMC agreement with the reference on EURUSD 15m (compat)", () => {
  let c: Candles;
  let events: SmcEvent[];
  let joined: SmcEvent[];
  beforeAll(() => {
    c = readCandles(GOLDEN_INPUT);
    const band = wholeFrameBand(c);
    measured.band = band;
    events = runDetector(c, { swingLength: 5, compat: true, liquidityBand: { mode: "constant", band } });
    joined = runDetector(c, { swingLength: 5, compat: true, joinConsecutiveFvg: true, liquidityBand: { mode: "constant", band } });
  });
  afterAll(() => console.log(JSON.stringify({ test: "smc-causal-golden", ...measured })));

  test("the batch oracle used by the random-walk tests reproduces the golden files", () => {
    const swings = refSwings(c, 5, 9, true);
    const g = readGolden("swing_highs_lows_result_data.csv");
    const gl: { idx: number; dir: number; level: number }[] = [];
    for (let r = 0; r < g.n; r++) if (!Number.isNaN(g.cols[0]![r]!)) gl.push({ idx: r, dir: g.cols[0]![r]!, level: g.cols[1]![r]! });
    expect(swings).toEqual(gl as typeof swings);
    for (const [join, file] of [[false, "fvg_result_data.csv"], [true, "fvg_consecutive_result_data.csv"]] as const) {
      const f = readGolden(file);
      const rows = refFvgs(c, join).map((x) => [x.idx, x.dir, x.top, x.bottom, x.mitigated]);
      const want: number[][] = [];
      for (let r = 0; r < f.n; r++) if (!Number.isNaN(f.cols[0]![r]!)) want.push([r, ...f.cols.map((col) => col[r]!)]);
      expect(rows).toEqual(want);
    }
    const b = readGolden("bos_choch_result_data.csv");
    const st = refStructures(c, swings, true, true).map((x) => [
      x.idx, x.kind === "BOS" ? x.dir : Number.NaN, x.kind === "CHOCH" ? x.dir : Number.NaN, x.level, x.brokenIndex,
    ]);
    const wantSt: number[][] = [];
    for (let r = 0; r < b.n; r++) {
      const [bos, choch, level, broken] = b.cols.map((col) => col[r]!) as [number, number, number, number];
      if (!Number.isNaN(bos) || !Number.isNaN(choch)) wantSt.push([r, bos, choch, Math.fround(level), broken]);
    }
    expect(st).toEqual(wantSt);
    const l = readGolden("liquidity_result_data.csv");
    const pools = refLiquidity(c, swings, wholeFrameBand(c)).map((x) => [x.idx, x.dir, Math.fround(x.level), x.end, x.swept]);
    const wantPools: number[][] = [];
    for (let r = 0; r < l.n; r++) {
      const [liq, level, end, swept] = l.cols.map((col) => col[r]!) as [number, number, number, number];
      if (!Number.isNaN(liq)) wantPools.push([r, liq, Math.fround(level), end, swept]);
    }
    expect(pools).toEqual(wantPools);
    const ob = referenceOrderBlocks(c, g.cols[0]!);
    const o = readGolden("ob_result_data.csv");
    let survivors = 0;
    for (let r = 0; r < o.n; r++) {
      const [dir, top, bottom, , mitigated] = o.cols.map((col) => col[r]!) as [number, number, number, number, number];
      const want = Number.isNaN(dir) ? [0, 0, 0, 0] : [dir, Math.fround(top), Math.fround(bottom), mitigated];
      expect([ob.ob[r]!, ob.top[r]!, ob.bottom[r]!, ob.mitigated[r]!]).toEqual(want);
      if (ob.ob[r] !== 0) survivors++;
    }
    expect([survivors, ob.creations.length]).toEqual([66, 1085]);
  });

  test("final swings = the reference swing list minus the end bookend (2,707 / 2,707)", () => {
    const a = swingAgreement(events);
    measured.swings = `${a.matched}/${a.total}`;
    expect(a).toEqual({ matched: 2707, total: 2707, extra: 0, firstMismatch: null });
    expect(events.filter((e) => e.kind === "SWING_REPLACED").length).toBe(216);
  });

  test("FVG and mitigation identical (5,020 / 5,020); joined runs vs fvg_consecutive (3,756 / 3,756)", () => {
    const a = fvgAgreement(events, "fvg_result_data.csv");
    const j = fvgAgreement(joined, "fvg_consecutive_result_data.csv");
    measured.fvg = `${a.matched}/${a.total}`;
    measured.fvgJoined = `${j.matched}/${j.total}`;
    expect(a).toEqual({ matched: 5020, total: 5020, extra: 0, firstMismatch: null });
    expect(j).toEqual({ matched: 3756, total: 3756, extra: 0, firstMismatch: null });
  });

  test("reference BOS/CHOCH ⊆ causal with the same level and BrokenIndex (1,129 / 1,129)", () => {
    const a = structureAgreement(events);
    measured.structure = `${a.matched}/${a.total}`;
    measured.structureCausalOnly = a.extra;
    measured.structureCancelled = a.cancelled;
    expect(a).toEqual({ matched: 1129, total: 1129, extra: 32, firstMismatch: null, cancelled: 143 });
  });

  test("liquidity with the injected whole-frame band identical (498 / 498)", () => {
    const a = liquidityAgreement(events);
    measured.liquidity = `${a.matched}/${a.total}`;
    expect(a).toEqual({ matched: 498, total: 498, extra: 0, firstMismatch: null });
  });

  test("order-block creations: at least 95 % of the reference's (1,051 / 1,085; 160 causal-only)", () => {
    const a = orderBlockAgreement(c, events);
    measured.orderBlocks = `${a.matched}/${a.total}`;
    measured.orderBlocksPct = +((100 * a.matched) / a.total).toFixed(2);
    measured.orderBlocksCausalOnly = a.extra;
    expect(a.matched / a.total).toBeGreaterThanOrEqual(0.95);
    expect([a.matched, a.total, a.extra]).toEqual([1051, 1085, 160]);
  });
});
