import { describe, expect, test } from "bun:test";
import { CANDLE, type CandleField } from "../../../src/brain/candles/candle-series";
import { CandleStore } from "../../../src/brain/candles/candle-store";
import { TF, TF_NAMES } from "../../../src/brain/candles/timeframe";
import { hasKlines, klinePath, readKlineCsv } from "../../support/kline-csv";
import { IndicatorBank } from "../indicators/indicator-bank";

// FILUSDT Sep–Oct 2023: 65 zero-trade minutes (volume 0, O=H=L=C), a 19-minute run on 2023-09-12 08:34 (data/README.md §2).
const FILES = ["FILUSDT-1m-2023-09.csv", "FILUSDT-1m-2023-10.csv"];

describe.skipIf(!FILES.every((f) => hasKlines("binance-vision-um", f)))("zero-volume minutes (FILUSDT, 12-column files)", () => {
  test("store and every indicator on every timeframe stay finite after warm-up", () => {
    const banks = [new IndicatorBank(), new IndicatorBank(), new IndicatorBank(), new IndicatorBank()] as const;
    const zInRun: number[] = [];
    const runStart = Date.UTC(2023, 8, 12, 8, 34);
    const store: CandleStore = new CandleStore(1, 100_000, 20_000, {
      onCandleClosed(id, tf) {
        const s = store.series(id, tf);
        const bank = banks[tf as 0 | 1 | 2 | 3];
        bank.update(s);
        const t = s.last(CANDLE.openTimeMs);
        if (tf === TF.M1 && t >= runStart && t < runStart + 19 * 60_000) zInRun.push(bank.volZ.value, bank.rsi.value);
      },
    });
    let zeroMinutes = 0;
    for (const f of FILES) {
      const k = readKlineCsv(klinePath("binance-vision-um", f));
      for (let i = 0; i < k.length; i++) {
        if (k.trades[i] === 0) zeroMinutes++;
        store.onClosed1m(0, k.openTimeMs[i]!, k.open[i]!, k.high[i]!, k.low[i]!, k.close[i]!, k.volume[i]!, k.quoteVolume[i]!,
          k.trades[i]!, k.takerBuyVolume[i]!);
      }
    }
    expect(zeroMinutes).toBe(65);
    expect(banks[0].all.length).toBe(11);
    expect(zInRun.length).toBe(38);
    expect(zInRun.every(Number.isFinite)).toBe(true);
    const counts = [0, 1, 2, 3].map((tf) => store.series(0, tf).count);
    expect(counts).toEqual([87_840, 17_568, 5_856, 1_464]);
    for (const [tf, bank] of banks.entries()) {
      expect([TF_NAMES[tf], bank.updates, bank.bad]).toEqual([TF_NAMES[tf], counts[tf]!, 0]);
      for (const [name, u] of bank.all) {
        expect([TF_NAMES[tf], name, u.ready, Number.isFinite(u.value)]).toEqual([TF_NAMES[tf], name, true, true]);
      }
      const s = store.series(0, tf);
      expect(s.incomplete).toBe(0);
      for (let k = 0; k < s.length; k++) {
        for (let f = 0; f <= CANDLE.minutes; f++) {
          if (!Number.isFinite(s.get(f as CandleField, k))) throw new Error(`${TF_NAMES[tf]} #${k} field ${f}`);
        }
      }
    }
    // The 08:30 5m bucket holds minute 08:34, the first of the flat run; 08:35–08:50 are flat and empty.
    const s5 = store.series(0, TF.M5);
    const k = (runStart + 60_000 - s5.openTimeMs(0)) / 300_000;
    expect(s5.openTimeMs(k)).toBe(Date.UTC(2023, 8, 12, 8, 35));
    for (let j = k; j < k + 3; j++) {
      expect([s5.volume(j), s5.trades(j), s5.quoteVolume(j), s5.high(j) - s5.low(j)]).toEqual([0, 0, 0, 0]);
    }
  });
});
