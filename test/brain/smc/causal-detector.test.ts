/** Causal SMC by hand: swing state machine, BOS/CHOCH timing, joined FVG runs, options and input checks. */
import { describe, expect, test } from "bun:test";
import { SmcDetector, type SmcEvent, type SmcOptions } from "../../../src/brain/smc/causal/smc-detector";

type Row = readonly [open: number, high: number, low: number, close: number];

function feed(rows: readonly Row[], opts: SmcOptions): { d: SmcDetector; events: SmcEvent[] } {
  const events: SmcEvent[] = [];
  const d = new SmcDetector(opts, { onSmcEvent: (e) => events.push(e) });
  rows.forEach(([o, h, l, c], i) => d.push(o, h, l, c, 1, i * 60_000));
  return { d, events };
}
const only = (events: SmcEvent[], kinds: readonly string[]): SmcEvent[] => events.filter((e) => kinds.includes(e.kind));

// L = 1: a pivot is tested one candle late against its successor.
const ZIGZAG: Row[] = [
  [9.5, 10, 9, 9.8], // 0 low candidate (9 <= 10)
  [10.2, 11, 10, 10.8], // 1 low candidate 10: not below 9, ignored
  [11.2, 12, 11, 11.5], // 2 high 12
  [11, 11, 10, 10.2], // 3 low 10
  [10.8, 13, 10.5, 12.5], // 4 high 13; closes above 12
  [11.8, 12, 9, 11], // 5 high 12 = equal, not higher: ignored
  [11, 11, 8, 9], // 6 low 8 (8 <= 8.5, high 11 < 11.5); closes below 10
  [9, 11.5, 8.5, 9], // 7 no candidate: high 11.5 < 12, low 8.5 > 7.5
  [9, 12, 7.5, 8], // 8 low 7.5 replaces 8
  [8, 12.5, 7.6, 12], // 9
];

describe("causal SMC, hand-built", () => {
  test("swing state machine: candidates, acceptance, equal-high ignore, replacement, finality", () => {
    const { d, events } = feed(ZIGZAG, { swingLength: 1 });
    const swings = only(events, ["SWING_CANDIDATE", "SWING", "SWING_REPLACED", "SWING_FINAL"])
      .map((e) => [e.kind, e.idx, e.at, e.dir, e.level]);
    expect(swings).toEqual([
      ["SWING_CANDIDATE", 0, 1, -1, 9], ["SWING", 0, 1, -1, 9],
      ["SWING_CANDIDATE", 1, 2, -1, 10],
      ["SWING_CANDIDATE", 2, 3, 1, 12], ["SWING_FINAL", 0, 3, -1, 9], ["SWING", 2, 3, 1, 12],
      ["SWING_CANDIDATE", 3, 4, -1, 10], ["SWING_FINAL", 2, 4, 1, 12], ["SWING", 3, 4, -1, 10],
      ["SWING_CANDIDATE", 4, 5, 1, 13], ["SWING_FINAL", 3, 5, -1, 10], ["SWING", 4, 5, 1, 13],
      ["SWING_CANDIDATE", 5, 6, 1, 12],
      ["SWING_CANDIDATE", 6, 7, -1, 8], ["SWING_FINAL", 4, 7, 1, 13], ["SWING", 6, 7, -1, 8],
      ["SWING_CANDIDATE", 8, 9, -1, 7.5], ["SWING_REPLACED", 8, 9, -1, 7.5],
    ]);
    expect(events.find((e) => e.kind === "SWING_REPLACED")).toMatchObject({ replacedIdx: 6, replacedLevel: 8 });
    expect([d.swingHighIdx, d.swingHighLevel, d.swingHighFinal]).toEqual([4, 13, true]);
    expect([d.swingLowIdx, d.swingLowLevel, d.swingLowFinal]).toEqual([8, 7.5, false]);
  });

  test("BOS fires when its pattern is armed after the break; CHOCH likewise; brokenIndex may precede at", () => {
    const { d, events } = feed(ZIGZAG, { swingLength: 1 });
    // X4..X1 = low 0 (9), high 2 (12), low 3 (10), high 4 (13): a higher low, then a high above 12 → BOS up on row 2,
    // broken by the close of row 4 (12.5 > 12) and armed at 5. Then high 2, low 3, high 4, low 6: X2 = 13 above
    // X4 = 12, and 8 below 10 → CHOCH down on row 3, broken by the close of row 6 (9 < 10), armed at 7. The
    // replacement at 9 re-tests X3 = row 3, already decided.
    expect(only(events, ["BOS", "CHOCH", "STRUCTURE_CANCELLED"])).toEqual([
      { kind: "BOS", idx: 2, at: 5, dir: 1, level: 12, brokenIndex: 4, armedAt: 5 },
      { kind: "CHOCH", idx: 3, at: 7, dir: -1, level: 10, brokenIndex: 6, armedAt: 7 },
    ]);
    expect([d.trend, d.trendKind, d.trendIdx, d.trendLevel]).toEqual([-1, "CHOCH", 3, 10]);
    expect(d.pendingStructures.count).toBe(0);
  });

  test("compat: the bookend at row 0 is final before the first swing, and candidates start at 2L-1", () => {
    const { events } = feed(ZIGZAG, { swingLength: 1, compat: true });
    const first = only(events, ["SWING_CANDIDATE", "SWING", "SWING_FINAL"]).slice(0, 3);
    // 2L-1 = 1: row 0 is no candidate; row 1 is a low (10 <= 11) → bookend high at row 0 (high 10).
    expect(first).toEqual([
      { kind: "SWING_CANDIDATE", idx: 1, at: 2, dir: -1, level: 10 },
      { kind: "SWING_FINAL", idx: 0, at: 2, dir: 1, level: 10, bookend: true },
      { kind: "SWING", idx: 1, at: 2, dir: -1, level: 10 },
    ]);
  });

  const GAPS: Row[] = [
    [1, 2, 0.5, 1.5],
    [2, 4, 1.8, 3.9], // gap 1: (2, 3)
    [3.9, 6, 3, 5.9], // gap 2: (4, 5)
    [5.9, 8, 5, 7.9], // gap 3: (6, 7)
    [7.9, 9, 7, 8.5], // no gap on 4: high 8 of row 3 is above the low 7.5 of row 5
    [8.5, 8.8, 7.5, 8],
    [8.3, 8.4, 6.9, 7], // trades into the run (low 6.9 <= top 7)
  ];

  test("joined FVGs: one run, extended twice, mitigated as a whole", () => {
    const { d, events } = feed(GAPS, { swingLength: 3, joinConsecutiveFvg: true });
    expect(only(events, ["FVG", "FVG_EXTENDED", "FVG_MITIGATED"])).toEqual([
      { kind: "FVG", idx: 1, at: 2, dir: 1, level: 3, top: 3, bottom: 2 },
      { kind: "FVG", idx: 2, at: 3, dir: 1, level: 5, top: 5, bottom: 4 },
      { kind: "FVG_EXTENDED", idx: 2, at: 3, dir: 1, level: 5, top: 5, bottom: 2, prevIdx: 1, startIdx: 1, seq: 1 },
      { kind: "FVG", idx: 3, at: 4, dir: 1, level: 7, top: 7, bottom: 6 },
      { kind: "FVG_EXTENDED", idx: 3, at: 4, dir: 1, level: 7, top: 7, bottom: 2, prevIdx: 2, startIdx: 1, seq: 2 },
      { kind: "FVG_MITIGATED", idx: 3, at: 6, dir: 1, level: 7, top: 7, bottom: 2 },
    ]);
    expect(d.fvgs.count).toBe(0);
  });

  test("plain FVGs: three gaps, only the one the last candle reaches is mitigated; the view holds the other two", () => {
    const { d, events } = feed(GAPS, { swingLength: 3 });
    expect(only(events, ["FVG_MITIGATED"])).toEqual([{ kind: "FVG_MITIGATED", idx: 3, at: 6, dir: 1, level: 7, top: 7, bottom: 6 }]);
    const open = Array.from({ length: d.fvgs.count }, (_, k) => [d.fvgs.idx(k), d.fvgs.dir(k), d.fvgs.top(k), d.fvgs.bottom(k)]);
    expect(open.sort()).toEqual([[1, 1, 3, 2], [2, 1, 5, 4]]);
  });

  test("options: defaults, ring rounding, and RangeErrors that name the setting", () => {
    const d = new SmcDetector({ swingLength: 5, historyCapacity: 5 }, { onSmcEvent: () => {} });
    expect(d.options).toEqual({
      swingLength: 5, compat: false, joinConsecutiveFvg: false, closeBreak: true, closeMitigation: false,
      liquidityBand: { mode: "range", rangePercent: 0.01, window: 500 }, historyCapacity: 16,
    });
    expect(d.history.capacity).toBe(16);
    const sink = { onSmcEvent: () => {} };
    expect(() => new SmcDetector({ swingLength: 0 }, sink)).toThrow(/swingLength 0/);
    expect(() => new SmcDetector({ swingLength: 5, historyCapacity: 0 }, sink)).toThrow(/historyCapacity/);
    const atr0 = { mode: "atr", multiple: 1, period: 0 } as const;
    expect(() => new SmcDetector({ swingLength: 5, liquidityBand: atr0 }, sink)).toThrow(/liquidityBand/);
  });

  test("a bad candle throws before any state changes", () => {
    const { d } = feed(ZIGZAG.slice(0, 3), { swingLength: 1 });
    expect(() => d.push(1, 0.5, 1, 1, 1, 0)).toThrow(RangeError);
    expect(() => d.push(Number.NaN, 2, 1, 1, 1, 0)).toThrow(RangeError);
    expect(d.t).toBe(2);
    expect(d.push(1, 2, 0.5, 1.5, 1, 0)).toBe(3);
  });
});
