import { describe, expect, test } from "bun:test";
import type { Ohlc } from "../../../src/brain/smc/ohlc";
import { bosChoch } from "../../../src/brain/smc/reference/bos-choch";
import { compareTableWithGolden } from "../../../src/brain/smc/reference/golden-compare";
import { liquidity } from "../../../src/brain/smc/reference/liquidity";
import { orderBlocks } from "../../../src/brain/smc/reference/order-blocks";
import { previousHighLow } from "../../../src/brain/smc/reference/previous-high-low";
import { formatCell } from "../../../src/brain/smc/reference/python-repr";
import { pythonRound1 } from "../../../src/brain/smc/reference/python-round";
import { retracements } from "../../../src/brain/smc/reference/retracements";
import { sessions } from "../../../src/brain/smc/reference/sessions";
import { swingHighsLows, type SwingResult } from "../../../src/brain/smc/reference/swing-highs-lows";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Candles from [open, high, low, close, volume?] rows, every stepMs from startMs. */
function candles(rows: number[][], startMs = Date.UTC(2024, 0, 1), stepMs = 15 * 60_000): Ohlc {
  const col = (k: number) => Float64Array.from(rows, (r) => r[k] ?? 0);
  return { timeMs: Float64Array.from(rows, (_, i) => startMs + i * stepMs), open: col(0), high: col(1), low: col(2), close: col(3), volume: col(4) };
}

/** A hand-made swing list: {row: [type, level]}. */
function swingList(n: number, points: Record<number, [number, number]>): SwingResult {
  const highLow = new Float64Array(n).fill(Number.NaN);
  const level = new Float64Array(n).fill(Number.NaN);
  for (const [row, [type, lvl]] of Object.entries(points)) {
    highLow[Number(row)] = type;
    level[Number(row)] = lvl;
  }
  return { highLow, level };
}

const nanRows = (a: ArrayLike<number>) => Array.from(a).every(Number.isNaN);

describe("retracement rounding: Python round(x, 1), exact ties to even (§3.8)", () => {
  test("k.25 goes down, k.75 goes up, negatives mirror, −0 stays", () => {
    expect([0.25, 2.25, 81.25, -6.25, 0.75, 2.75, -2.75, 0.35, 0.45, -0.04].map(pythonRound1)).toEqual([0.2, 2.2, 81.2, -6.2, 0.8, 2.8, -2.8, 0.3, 0.5, -0]);
    expect(Object.is(pythonRound1(-0.04), -0)).toBe(true);
  });

  test("a leg that lands exactly on 81.25 and −6.25 reports 81.2 and −6.2", () => {
    // Swings alternate on rows 0–3 so the start-zeroing stops at row 3; the up leg then runs from bottom 0 to top 16.
    const ohlc = candles([[1, 2, 0, 1], [1, 16, 1, 1], [1, 2, 0, 1], [1, 16, 1, 1], [5, 9, 3, 5], [5, 20, 17, 18], [5, 9, 4, 5]]);
    const swings = swingList(7, { 0: [-1, 0], 1: [1, 16], 2: [-1, 0], 3: [1, 16] });
    const r = retracements(ohlc, swings);
    // Outputs are shifted down one row: row 5 holds candle 4 (low 3: 100 − 3/16·100 = 81.25), row 6 candle 5 (low 17).
    expect(Array.from(r.direction)).toEqual([0, 0, 0, 0, 1, 1, 1]);
    expect(r.currentRetracement[5]).toBe(81.2);
    expect(r.currentRetracement[6]).toBe(-6.2);
    expect(r.deepestRetracement[6]).toBe(81.2);
  });
});

describe("order blocks: cases the goldens do not exercise (§3.4)", () => {
  test("i = s+1 swaps Top and Bottom for a bullish block only; missing volume terms count 0", () => {
    const bull = orderBlocks(candles([[2, 5, 1, 4, 7], [4, 8, 4, 7, 3]]), swingList(2, { 0: [1, 5] }));
    expect([bull.ob[0], bull.top[0], bull.bottom[0], bull.obVolume[0], bull.mitigatedIndex[0], bull.percentage[0]]).toEqual([1, 1, 5, 10, 0, 0]);
    const bear = orderBlocks(candles([[4, 5, 2, 3, 7], [3, 3, 1, 1, 3]]), swingList(2, { 0: [-1, 2] }));
    expect([bear.ob[0], bear.top[0], bear.bottom[0], bear.obVolume[0], bear.mitigatedIndex[0], bear.percentage[0]]).toEqual([-1, 5, 2, 10, 0, 0]);
  });

  const bullRows = [[3, 4, 2, 3, 0], [4, 5, 3, 4, 0], [4, 4.5, 2.2, 3, 30], [3, 4, 2.2, 3.5, 40], [3.5, 6, 3.4, 6, 50], [5, 5.5, 2, 5, 0]];
  const bullSwings = swingList(7, { 1: [1, 5] });

  test("bullish: zone is the latest lowest low; volumes, float32 percentage, breaker at i−1", () => {
    const r = orderBlocks(candles(bullRows), bullSwings);
    // Crossing at i = 4; rows 2 and 3 tie on the low, the latest wins. lowVol = v[2] = 30, highVol = v[3] + v[4] = 90.
    expect([r.ob[3], r.top[3], r.bottom[3], r.obVolume[3]]).toEqual([1, 4, Math.fround(2.2), 120]);
    // numpy divides the float32 volumes in float32: fround(30/90)·100, not 30/90·100 (33.33333206…).
    expect(r.percentage[3]).toBe(33.333335876464844);
    expect(r.mitigatedIndex[3]).toBe(4); // candle 5 broke it: the library stores i−1
    expect(nanRows(r.ob.subarray(0, 3))).toBe(true);
  });

  test("close_mitigation uses min(open, close); a breaker traded back above Top is deleted", () => {
    const deleting = [...bullRows, [4.2, 4.5, 4, 4.4, 0]];
    expect(nanRows(orderBlocks(candles(deleting), bullSwings).ob)).toBe(true);
    const r = orderBlocks(candles(deleting), bullSwings, true);
    expect([r.ob[3], r.mitigatedIndex[3], r.percentage[3]]).toEqual([1, 0, 33.333335876464844]);
  });

  test("bearish: latest highest high, lowVol = v[i] + v[i−1], breaker at i; zero volume gives 100", () => {
    const rows = [[4, 5, 3.5, 4, 0], [4, 4.5, 3, 3.5, 0], [3.5, 6, 3.2, 4, 30], [4, 6, 3.4, 4, 40], [3.5, 3.6, 1.5, 2, 50], [2, 6.5, 2, 6, 0]];
    const r = orderBlocks(candles(rows), swingList(6, { 1: [-1, 3] }));
    expect([r.ob[3], r.top[3], r.bottom[3], r.obVolume[3], r.percentage[3], r.mitigatedIndex[3]]).toEqual([-1, 6, Math.fround(3.4), 120, 33.333335876464844, 5]);
    const silent = orderBlocks(candles(rows.map((row) => [...row.slice(0, 4), 0])), swingList(6, { 1: [-1, 3] }));
    expect(silent.percentage[3]).toBe(100);
  });
});

describe("bos_choch breaks (§3.3)", () => {
  // Higher low then a higher high: BOS +1 on row 2 (level 5). Candle 3 closes above 5 but the search starts at p+2.
  const ohlc = candles([[2, 3, 1, 2], [2, 4, 2, 3], [3, 5, 3, 4], [4, 7, 4, 7], [4, 5.5, 2, 4], [4, 5, 3, 4.5], [4.5, 6, 4, 5.8], [5, 6, 5, 5.5]]);
  const swings = swingList(8, { 0: [-1, 1], 2: [1, 5], 4: [-1, 2], 6: [1, 6] });

  test("close_break=True: the first close above the level from p+2", () => {
    const r = bosChoch(ohlc, swings);
    expect([r.bos[2], r.choch[2], r.level[2], r.brokenIndex[2]]).toEqual([1, Number.NaN, 5, 6]);
    expect(r.bos.filter((v) => !Number.isNaN(v)).length).toBe(1);
  });

  test("close_break=False: the first high above the level", () => {
    expect(bosChoch(ohlc, swings, false).brokenIndex[2]).toBe(4);
  });
});

describe("liquidity (§3.5)", () => {
  test("the band comes from the whole frame; Swept is the first high ≥ Level + pip; members stop before it", () => {
    const pip = (20 - 0) * 0.01;
    // Frame range 0 … 20, so pip = 0.2; candle 5 reaches exactly 10 + pip, candle 9 holds the frame's high.
    const highs = [6, 10, 9.9, 10.1, 9.9, 10 + pip, 9.9, 10.05, 9.9, 20];
    const rows = highs.map((h, i) => [9, h, i === 0 ? 0 : 9, 9.5]);
    const r = liquidity(candles(rows), swingList(10, { 1: [1, 10], 3: [1, 10.1], 7: [1, 10.05] }));
    expect([r.liquidity[1], r.level[1], r.end[1], r.swept[1]]).toEqual([1, Math.fround(10.05), 3, 5]);
    expect(Array.from(r.liquidity).filter((v) => !Number.isNaN(v)).length).toBe(1);
  });
});

describe("swing_highs_lows edge cases (§3.2)", () => {
  test("a candle that is both the window's high and low is a swing high", () => {
    const rows = [[3, 4, 2, 3], [3, 4.5, 2.5, 3], [3, 4.2, 2.2, 3], [3, 4.1, 2.1, 3], [3, 10, 0, 3], [3, 4.3, 2.3, 3], [3, 4.4, 2.4, 3], [3, 4, 2, 3], [3, 4, 2, 3]];
    const r = swingHighsLows(candles(rows), 2);
    expect([r.highLow[4], r.level[4]]).toEqual([1, 10]);
  });

  test("fewer than 3L candles: no candidate, no bookends, every row NaN downstream too", () => {
    const rows = Array.from({ length: 14 }, (_, i) => [1, 2 + (i % 3), 0.5 - (i % 2), 1.5]);
    const ohlc = candles(rows);
    const s = swingHighsLows(ohlc, 5);
    expect(nanRows(s.highLow) && nanRows(s.level)).toBe(true);
    expect(nanRows(bosChoch(ohlc, s).brokenIndex)).toBe(true);
    expect(nanRows(orderBlocks(ohlc, s).ob)).toBe(true);
    expect(nanRows(liquidity(ohlc, s).liquidity)).toBe(true);
    expect(Array.from(retracements(ohlc, s).direction).every((d) => d === 0)).toBe(true);
  });
});

describe("previous_high_low time frames (§3.6)", () => {
  test('"W": weekday candles see two weeks back; a Sunday candle after 00:00 sees the week just ended', () => {
    // Daily candles at 12:00 from Monday 2024-01-01 to Sunday 2024-01-21; high = 10 + day of month.
    const rows = Array.from({ length: 21 }, (_, i) => [5, 11 + i, 1, 5]);
    const r = previousHighLow(candles(rows, Date.UTC(2024, 0, 1, 12), DAY), "W");
    const highs = Array.from(r.previousHigh);
    expect(nanRows(highs.slice(0, 13))).toBe(true); // through Saturday the 13th
    expect(highs.slice(13, 20)).toEqual(Array(7).fill(17)); // Sunday the 14th … Saturday the 20th: week ending the 7th
    expect(highs[20]).toBe(24); // Sunday the 21st: the week ending the 14th
    expect(r.brokenHigh[13]).toBe(1);
  });

  test('"4h": a candle exactly on a bucket start sees the bucket two back', () => {
    const rows = Array.from({ length: 13 }, (_, i) => [5, 10 + i, 1, 5]);
    const r = previousHighLow(candles(rows, Date.UTC(2024, 0, 1), HOUR), "4h");
    expect(Array.from(r.previousHigh.subarray(4, 10))).toEqual([Number.NaN, 13, 13, 13, 13, 17]);
  });

  test('"M": month buckets, labelled by the last day; only that day after 00:00 sees the month just ended', () => {
    const times = [Date.UTC(2024, 0, 10), Date.UTC(2024, 1, 10), Date.UTC(2024, 2, 10), Date.UTC(2024, 2, 31), Date.UTC(2024, 2, 31, 6)];
    const ohlc = candles(times.map((_, i) => [5, 10 + i, 1, 5]));
    const r = previousHighLow({ ...ohlc, timeMs: Float64Array.from(times) }, "M");
    expect(Array.from(r.previousHigh)).toEqual([Number.NaN, Number.NaN, 10, 10, 11]);
  });

  test("unknown time frames are refused", () => {
    expect(() => previousHighLow(candles([[1, 2, 0, 1]]), "fortnight")).toThrow(RangeError);
  });
});

describe("sessions (§3.7)", () => {
  const quarterHours = (from: number, count: number) => candles(Array.from({ length: count }, (_, i) => [1, 2 + (i % 5), 1 - (i % 3) / 10, 1]), from);

  test("a window across midnight (Sydney 21:00–06:00) is inclusive at both ends and resets after an inactive row", () => {
    const ohlc = quarterHours(Date.UTC(2024, 0, 1, 20, 45), 40); // 20:45 … 06:30
    const r = sessions(ohlc, "Sydney");
    expect(r.active[0]).toBe(0);
    expect(r.active[1]).toBe(1); // 21:00
    expect(r.active[37]).toBe(1); // 06:00
    expect(r.active[38]).toBe(0);
    expect(r.high[37]).toBe(6); // running max of the window
    expect([r.high[38], r.low[38]]).toEqual([0, 0]);
    expect(r.low[1]).toBe(Math.fround(1 - 0.1));
  });

  test('Custom windows, and the library\'s inverted "UTC+N" sign', () => {
    const ohlc = quarterHours(Date.UTC(2024, 0, 1, 5), 4); // 05:00 … 05:45 UTC
    expect(Array.from(sessions(ohlc, "Custom", { startTime: "05:15", endTime: "05:30" }).active)).toEqual([0, 1, 1, 0]);
    expect(Array.from(sessions(ohlc, "London").active)).toEqual([0, 0, 0, 0]);
    // "UTC+2" becomes Etc/GMT+2 (= UTC−2), so 05:00 reads as 07:00: London opens.
    expect(Array.from(sessions(ohlc, "London", { timeZone: "UTC+2" }).active)).toEqual([1, 1, 1, 1]);
    expect(() => sessions(ohlc, "Paris")).toThrow(RangeError);
    expect(() => sessions(ohlc, "Custom", { startTime: "25:00", endTime: "01:00" })).toThrow(RangeError);
  });
});

describe("output text and comparison", () => {
  test("cells print as pandas writes them: shortest repr, float32 at float32", () => {
    expect(formatCell(Float64Array.of(153), 0)).toBe("153.0");
    expect(formatCell(Float64Array.of(-1), 0)).toBe("-1.0");
    expect(formatCell(Float64Array.of(0.97369), 0)).toBe("0.97369");
    expect(formatCell(Float32Array.of(0.97345555), 0)).toBe("0.97345555");
    expect(formatCell(Float64Array.of(Number.NaN), 0)).toBe("");
    expect(formatCell(Int32Array.of(1), 0)).toBe("1");
    expect(formatCell(Float64Array.of(1e-5), 0)).toBe("1e-05");
  });

  test("the comparator is exact: one float32 ulp, a NaN for an empty cell, or a wrong header fail", () => {
    const golden = "A,B\n1.0,0.97345555\n,2.0\n";
    const table = (a: number[], b: number[], names = ["A", "B"]) => ({
      file: "x.csv",
      columns: [[names[0]!, Float64Array.from(a)], [names[1]!, Float32Array.from(b)]] as [string, Float64Array | Float32Array][],
    });
    expect(compareTableWithGolden(golden, table([1, Number.NaN], [0.97345555, 2]))).toEqual({ rows: 2, rowsMatched: 2, firstMismatch: null });
    const ulp = compareTableWithGolden(golden, table([1, Number.NaN], [Math.fround(0.97345555) + 2 ** -24, 2]));
    expect([ulp.rowsMatched, ulp.firstMismatch]).toEqual([1, 'row 0, column B: expected "0.97345555", got 0.9734556078910828']);
    expect(compareTableWithGolden(golden, table([1, 0], [0.97345555, 2])).rowsMatched).toBe(1);
    expect(compareTableWithGolden(golden, table([1, Number.NaN], [0.97345555, 2], ["A", "C"])).firstMismatch).toMatch(/^header/);
  });
});
