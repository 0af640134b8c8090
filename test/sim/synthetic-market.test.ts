import { describe, expect, test } from "bun:test";
import { generateUniverse } from "../../src/sim/exchange/generated-universe";
import { MINUTE_MS } from "../../src/core/minute-set";
import { COL } from "../../src/sim/market/candle-series";
import type { MarketSink } from "../../src/sim/market/market";
import { SyntheticMarket } from "../../src/sim/market/synthetic-market";
import { Prng } from "../../src/sim/prng";
import { DEFAULT_FAULTS } from "../../src/sim/sim-options";

const T0 = Date.UTC(2026, 0, 1);

function counting(n: number) {
  const frames = new Int32Array(n);
  const sink: MarketSink = {
    wantsKline: () => true,
    wantsAggTrade: () => false,
    kline: (i, _e, closed) => {
      if (!closed) frames[i]!++;
    },
    aggTrade: () => {},
  };
  return { frames, sink };
}

describe("synthetic market", () => {
  const specs = generateUniverse(300, new Prng(3));
  const market = new SyntheticMarket({ specs, seed: 3, startTimeMs: T0, historyMinutes: 240, faults: { ...DEFAULT_FAULTS } });
  const { frames, sink } = counting(specs.length);
  const minutes = 10;
  for (let t = market.firstTickMs; t <= T0 + minutes * MINUTE_MS; t += 250) market.tick(t, sink);

  test("about 0.8 kline updates per sim-second per symbol on average; a few busy, many quiet", () => {
    const perSec = Array.from(frames, (f) => f / (minutes * 60));
    const mean = perSec.reduce((a, b) => a + b, 0) / perSec.length;
    expect(mean).toBeGreaterThan(0.55);
    expect(mean).toBeLessThan(1.05);
    const sorted = [...perSec].sort((a, b) => a - b);
    expect(sorted.at(-1)!).toBeGreaterThan(2.5); // busy
    expect(sorted[Math.floor(sorted.length / 2)]!).toBeLessThan(mean); // most are quieter than the mean
    expect(Math.max(...perSec)).toBeLessThanOrEqual(4); // never above Binance's 4 pushes per second
  });

  test("prices sit on the tick grid, quantities on the step grid; candles are consistent", () => {
    const book = market.book;
    for (let i = 0; i < book.n; i++) {
      const s = specs[i]!;
      const series = book.series[i]!;
      expect(series.length).toBe(240 + minutes);
      for (let k = 0; k < series.length; k++) {
        const [o, h, l, c, v] = [COL.o, COL.h, COL.l, COL.c, COL.v].map((col) => series.get(k, col)) as [number, number, number, number, number];
        for (const p of [o, h, l, c]) expect(Math.abs(p / s.tickSize - Math.round(p / s.tickSize))).toBeLessThan(1e-6);
        expect(Math.abs(v / s.stepSize - Math.round(v / s.stepSize))).toBeLessThan(1e-6);
        expect(h).toBeGreaterThanOrEqual(Math.max(o, c));
        expect(l).toBeLessThanOrEqual(Math.min(o, c));
        expect(series.get(k, COL.t)).toBe(T0 - 240 * MINUTE_MS + k * MINUTE_MS);
      }
    }
  });

  test("regimes: per-minute ranges vary widely (quiet and volatile spells), and trends move price over hours", () => {
    const s = market.book.series[10]!;
    const ranges: number[] = [];
    for (let k = 0; k < s.length; k++) ranges.push((s.get(k, COL.h) - s.get(k, COL.l)) / s.get(k, COL.c));
    ranges.sort((a, b) => a - b);
    const p10 = ranges[Math.floor(ranges.length * 0.1)]!;
    const p90 = ranges[Math.floor(ranges.length * 0.9)]!;
    expect(p90).toBeGreaterThan(2 * p10);
    // 4 h of 1m moves: mostly a few percent, never a collapse
    let moved = 0;
    for (let i = 0; i < market.book.n; i++) {
      const series = market.book.series[i]!;
      const change = Math.abs(Math.log(series.get(series.length - 1, COL.c) / series.get(0, COL.o)));
      expect(change).toBeLessThan(0.5);
      if (change > 0.01) moved++;
    }
    expect(moved).toBeGreaterThan(market.book.n / 4);
  });
});

describe("candle series retention", () => {
  test("a long run keeps a bounded history, newest rows intact", () => {
    const specs = generateUniverse(2, new Prng(1));
    const m = new SyntheticMarket({ specs, seed: 1, startTimeMs: T0, historyMinutes: 10, faults: { ...DEFAULT_FAULTS } });
    m.book.retainRows = 100;
    const { sink } = counting(2);
    const end = T0 + 400 * MINUTE_MS;
    for (let t = m.firstTickMs; t <= end; t += 250) m.tick(t, sink);
    const s = m.book.series[0]!;
    expect(s.length).toBeGreaterThanOrEqual(100);
    expect(s.length).toBeLessThan(200);
    expect(s.get(0, COL.t)).toBeGreaterThan(T0);
    expect(s.get(s.length - 1, COL.t)).toBe(end - MINUTE_MS);
    for (let k = 1; k < s.length; k++) expect(s.get(k, COL.t) - s.get(k - 1, COL.t)).toBe(MINUTE_MS);
    expect(m.book.visible[0]).toBe(s.length);
  });
});
