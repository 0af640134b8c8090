import { describe, expect, test } from "bun:test";
import { CANDLE } from "../../../src/brain/candles/candle-series";
import { CandleStore } from "../../../src/brain/candles/candle-store";
import { TF } from "../../../src/brain/candles/timeframe";

const T0 = Date.UTC(2025, 0, 1); // a 1h (and so 15m and 5m) boundary
const at = (minute: number) => T0 + minute * 60_000;

/** A store whose listener logs "tf@minute×minutes" for symbol 0, read from the series inside the callback. */
function harness() {
  const log: string[] = [];
  const store: CandleStore = new CandleStore(4, 100, 100, {
    onCandleClosed(id, tf) {
      const s = store.series(id, tf);
      log.push(`${id}:${["1m", "5m", "15m", "1h"][tf]}@${(s.last(CANDLE.openTimeMs) - T0) / 60_000}×${s.last(CANDLE.minutes)}`);
    },
  });
  /** Minute m with open m, high m + 0.5, low m − 0.5, close m + 0.25, volume 0.1, quote 1.1, 2 trades, taker 0.05. */
  const close = (...minutes: number[]) => {
    for (const m of minutes) store.onClosed1m(0, at(m), m, m + 0.5, m - 0.5, m + 0.25, 0.1, 1.1, 2, 0.05);
  };
  return { store, log, close };
}
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe("aggregation", () => {
  test("a bucket closes when its last minute arrives: first open, max high, min low, last close, exact sums", () => {
    const { store, log, close } = harness();
    close(...range(0, 5));
    expect(log).toEqual(["0:1m@0×1", "0:1m@1×1", "0:1m@2×1", "0:1m@3×1", "0:1m@4×1", "0:5m@0×5"]);
    const s = store.series(0, TF.M5);
    expect([s.open(0), s.high(0), s.low(0), s.close(0), s.volume(0), s.quoteVolume(0), s.trades(0), s.takerBuyVolume(0)])
      .toEqual([0, 4.5, -0.5, 4.25, 0.5, 5.5, 10, 0.25]);
    close(...range(5, 60));
    expect(log.slice(-4)).toEqual(["0:1m@59×1", "0:5m@55×5", "0:15m@45×15", "0:1h@0×60"]);
    const h = store.series(0, TF.H1);
    expect([h.count, h.open(0), h.high(0), h.low(0), h.close(0), h.volume(0), h.trades(0), h.incomplete]).toEqual([1, 0, 59.5, -0.5, 59.25, 6, 120, 0]);
    expect([store.series(0, TF.M5).count, store.series(0, TF.M15).count]).toEqual([12, 4]);
  });

  test("a hole: the bucket closes with what it has when a later bucket's minute arrives, counted incomplete", () => {
    const { store, log, close } = harness();
    close(0, 1, 2, 6);
    expect(log).toEqual(["0:1m@0×1", "0:1m@1×1", "0:1m@2×1", "0:1m@6×1", "0:5m@0×3"]);
    const s = store.series(0, TF.M5);
    expect([s.count, s.incomplete, s.close(0), s.volume(0)]).toEqual([1, 1, 2.25, 0.3]); // 0.1 + 0.1 + 0.1 in float64 is not
    close(7, 8, 9);
    expect(log.slice(-2)).toEqual(["0:1m@9×1", "0:5m@5×4"]);
    expect([s.count, s.incomplete, s.open(1)]).toEqual([2, 2, 6]);
  });

  test("the last minute after a hole closes its bucket at once; a stale bucket closes first, in time order", () => {
    const { store, log, close } = harness();
    close(0, 1, 4);
    expect(log.slice(-1)).toEqual(["0:5m@0×3"]);
    close(5, 6, 7, 8, 14);
    // Minute 14 closes the stale 5m@5, then 5m@10 (its last minute), then 15m@0 (its last minute too).
    expect(log.slice(-4)).toEqual(["0:1m@14×1", "0:5m@5×4", "0:5m@10×1", "0:15m@0×8"]);
    expect([store.series(0, TF.M5).incomplete, store.series(0, TF.M15).incomplete]).toEqual([3, 1]);
  });

  test("buckets with no minute at all are not made up", () => {
    const { store, log, close } = harness();
    close(...range(0, 5), ...range(20, 25));
    expect(log.filter((l) => !l.includes(":1m@"))).toEqual(["0:5m@0×5", "0:15m@0×5", "0:5m@20×5"]);
    expect([store.series(0, TF.M5).count, store.series(0, TF.M15).count, store.series(0, TF.M15).incomplete]).toEqual([2, 1, 1]);
    close(...range(25, 30));
    expect(log.slice(-2)).toEqual(["0:5m@25×5", "0:15m@15×10"]);
  });

  test("a symbol first seen mid-bucket drops its leading partial buckets", () => {
    const { store, log, close } = harness();
    close(...range(2, 20));
    expect(store.droppedLeading).toBe(2); // 5m@0 and 15m@0; the 1h bucket is still open
    expect(log.filter((l) => !l.includes(":1m@"))).toEqual(["0:5m@5×5", "0:5m@10×5", "0:5m@15×5"]);
    close(...range(20, 60));
    expect(store.droppedLeading).toBe(3);
    expect(store.series(0, TF.H1).count).toBe(0);
    expect(store.series(0, TF.M15).count).toBe(3);
  });
});

describe("input hygiene", () => {
  test("a candle not newer than the last is ignored and counted", () => {
    const { store, log, close } = harness();
    close(0, 1, 2);
    close(2, 1);
    expect(store.ignored).toBe(2);
    expect(log.length).toBe(3);
    expect(store.series(0, TF.M1).count).toBe(3);
    expect(store.lastClosedMs(0)).toBe(at(2));
  });

  test("symbols are independent and ids outside [0, maxSymbols) are counted, not thrown", () => {
    const { store, close } = harness();
    close(0, 1);
    store.onClosed1m(1, at(0), 9, 9, 9, 9, 0, 0, 0, 0);
    for (const bad of [-1, 4, 1.5, NaN]) store.onClosed1m(bad, at(5), 1, 1, 1, 1, 1, 1, 1, 1);
    expect(store.badSymbol).toBe(4);
    expect([store.series(0, TF.M1).count, store.series(1, TF.M1).count, store.series(1, TF.M1).last()]).toEqual([2, 1, 9]);
    expect(() => store.series(4, TF.M1)).toThrow(RangeError);
    expect(() => store.series(0, 4)).toThrow(RangeError);
    expect(store.lastClosedMs(3)).toBe(-Infinity);
  });

  test("the forming candle is kept until its minute closes; stale forming updates are ignored", () => {
    const { store, close } = harness();
    expect(store.forming(0)).toBeNull();
    close(0);
    store.onForming(0, at(1), 1, 2, 0.5, 1.5, 3, 4, 5, 6);
    const f = store.forming(0);
    expect([f?.openTimeMs, f?.open, f?.high, f?.low, f?.close, f?.volume, f?.quoteVolume, f?.trades, f?.takerBuyVolume])
      .toEqual([at(1), 1, 2, 0.5, 1.5, 3, 4, 5, 6]);
    store.onForming(0, at(1), 1, 2.5, 0.5, 2, 3, 4, 5, 6);
    expect(store.forming(0)?.high).toBe(2.5);
    close(1);
    expect(store.forming(0)).toBeNull();
    store.onForming(0, at(1), 1, 2, 0.5, 1.5, 3, 4, 5, 6);
    expect([store.ignoredForming, store.forming(0)]).toEqual([1, null]);
  });
});
