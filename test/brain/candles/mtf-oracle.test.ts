import { describe, expect, test } from "bun:test";
import { CandleStore } from "../../../src/brain/candles/candle-store";
import { TF, TF_NAMES } from "../../../src/brain/candles/timeframe";
import { hasKlines, type KlineColumns, klinePath, readKlineCsv } from "../../support/kline-csv";

// Oracle: the exchange's own 5m/15m/1h candles over the same 21 whole UTC days as the 1m files (data/README.md §8).
const SYMBOLS = ["DOGEUSDT", "DOTUSDT", "BTCUSDT", "ETHUSDT"];
const HIGHER = [TF.M5, TF.M15, TF.H1] as const;
const EXPECTED = [0, 6_048, 2_016, 504];

function feed(store: CandleStore, id: number, m1: KlineColumns, from = 0): void {
  for (let i = from; i < m1.length; i++) {
    store.onClosed1m(id, m1.openTimeMs[i]!, m1.open[i]!, m1.high[i]!, m1.low[i]!, m1.close[i]!, m1.volume[i]!,
      m1.quoteVolume[i]!, m1.trades[i]!, m1.takerBuyVolume[i]!);
  }
}

describe.skipIf(!hasKlines("binance-um-2025-mtf"))("1m → 5m/15m/1h against the exchange's candles", () => {
  for (const [id, sym] of SYMBOLS.entries()) {
    test(sym, () => {
      const m1 = readKlineCsv(klinePath("binance-um-2025-mtf", "1m", `${sym}-1m.csv`));
      const order: number[] = [];
      const store = new CandleStore(8, 64, 8_000, { onCandleClosed: (s, tf) => s === id && order.push(tf) });
      feed(store, id, m1);
      expect(store.series(id, TF.M1).count).toBe(30_240);
      for (const tf of HIGHER) {
        const name = TF_NAMES[tf];
        const s = store.series(id, tf);
        expect(s.count).toBe(EXPECTED[tf]!);
        expect(s.incomplete).toBe(0);
        if (!hasKlines("binance-um-2025-mtf", name, `${sym}-${name}.csv`)) continue; // DOGE has no 15m file
        const x = readKlineCsv(klinePath("binance-um-2025-mtf", name, `${sym}-${name}.csv`));
        expect(x.length).toBe(EXPECTED[tf]!);
        let exactVolume = 0;
        let maxRel = 0;
        for (let k = 0; k < x.length; k++) {
          const at = `${sym} ${name} #${k}`;
          expect([at, s.openTimeMs(k), s.open(k), s.high(k), s.low(k), s.close(k)]).toEqual(
            [at, x.openTimeMs[k]!, x.open[k]!, x.high[k]!, x.low[k]!, x.close[k]!]);
          const v = s.volume(k);
          const want = x.volume[k]!;
          if (v === want) exactVolume++;
          maxRel = Math.max(maxRel, Math.abs(v - want) / want);
        }
        console.log(`${sym} ${name}: ${x.length} buckets, OHLC exact, volume exact ${exactVolume}/${x.length}, max rel ${maxRel}`);
        expect(maxRel).toBeLessThanOrEqual(1e-12);
        expect(exactVolume).toBe(x.length);
      }
      // 30,240 × 1m, then 5m/15m/1h each after its last minute, in timeframe order.
      expect(order.length).toBe(30_240 + 6_048 + 2_016 + 504);
      expect(order.slice(0, 6)).toEqual([TF.M1, TF.M1, TF.M1, TF.M1, TF.M1, TF.M5]);
      expect(order.slice(order.length - 4)).toEqual([TF.M1, TF.M5, TF.M15, TF.H1]);
    });
  }

  test("starting mid-bucket drops the leading partial buckets, never emits them", () => {
    const m1 = readKlineCsv(klinePath("binance-um-2025-mtf", "1m", "BTCUSDT-1m.csv"));
    const x5 = readKlineCsv(klinePath("binance-um-2025-mtf", "5m", "BTCUSDT-5m.csv"));
    const store = new CandleStore(1, 16, 8_000, { onCandleClosed() {} });
    feed(store, 0, m1, 7); // 00:07: inside the first 5m, 15m and 1h buckets
    expect(store.droppedLeading).toBe(3);
    const s5 = store.series(0, TF.M5);
    expect(s5.count).toBe(6_048 - 2);
    expect(s5.openTimeMs(0)).toBe(x5.openTimeMs[2]!);
    expect(s5.open(0)).toBe(x5.open[2]!);
    expect(store.series(0, TF.M15).count).toBe(2_016 - 1);
    expect(store.series(0, TF.H1).count).toBe(504 - 1);
    expect(s5.incomplete + store.series(0, TF.M15).incomplete + store.series(0, TF.H1).incomplete).toBe(0);
  });
});
