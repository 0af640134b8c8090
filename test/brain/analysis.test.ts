// The whole analysis path on real Binance 1m candles: signals are well-formed, come only from live candles,
// and depend only on the past (a prefix run emits exactly the full run's earlier signals).
import { describe, expect, test } from "bun:test";
import { Analysis } from "../../src/brain/analysis";
import { EventBus } from "../../src/brain/event-bus";
import { FEATURE_COUNT } from "../../src/brain/strategy/features";
import type { Signal } from "../../src/brain/strategy/signal";
import { strategySection } from "../../src/config/sections/strategy";
import { KLINE, SLOT_F64 } from "../../src/ring/layout";
import { hasKlines, klinePath, readKlineCsv, type KlineColumns } from "../support/kline-csv";

const FILES = ["BTCUSDT-1m.csv", "ETHUSDT-1m.csv", "SOLUSDT-1m.csv"] as const;
const cfg = strategySection.parse({});

function run(data: KlineColumns[], upTo: number, live = (_i: number) => true): Signal[] {
  const out: Signal[] = [];
  const bus = new EventBus();
  bus.on("SignalGenerated", (e) => out.push(e.signal));
  const a = new Analysis(cfg, bus, (id) => FILES[id]!.split("-")[0]!, 8);
  const slot = new Float64Array(SLOT_F64);
  for (let i = 0; i < upTo; i++) {
    data.forEach((d, id) => {
      if (i >= d.length) return;
      slot[KLINE.openTimeMs] = d.openTimeMs[i]!;
      slot[KLINE.open] = d.open[i]!;
      slot[KLINE.high] = d.high[i]!;
      slot[KLINE.low] = d.low[i]!;
      slot[KLINE.close] = d.close[i]!;
      slot[KLINE.volume] = d.volume[i]!;
      a.onOrderedCandle(id, slot, 0, live(i));
    });
  }
  return out;
}

describe.skipIf(!FILES.every((f) => hasKlines("binance-um-2025", "1m", f)))("analysis on real 1m candles", () => {
  const data = FILES.map((f) => readKlineCsv(klinePath("binance-um-2025", "1m", f)));
  const n = Math.min(...data.map((d) => d.length));
  const all = run(data, n);

  test("signals are produced and every one is a well-formed trade", () => {
    expect(all.length).toBeGreaterThan(10);
    for (const s of all) {
      const d = s.side === "LONG" ? 1 : -1;
      expect((s.entry - s.stop) * d).toBeGreaterThan(0); // the stop is beyond the entry, on the losing side
      expect((s.target - s.entry) * d).toBeGreaterThan(0);
      expect(s.rewardRisk).toBeGreaterThanOrEqual(cfg.minRewardRisk);
      expect(s.confidence).toBeGreaterThanOrEqual(cfg.minConfidence);
      expect(s.confidence).toBeLessThanOrEqual(1);
      expect(s.expiresAtMs).toBeGreaterThan(s.atMs);
      expect(s.features).toHaveLength(FEATURE_COUNT);
      expect(Array.from(s.features).every(Number.isFinite)).toBe(true);
    }
  });

  test("history candles build structure but never trade", () => {
    expect(run(data, 3000, () => false)).toEqual([]);
  });

  test("no signal depends on the future: a prefix run emits exactly the full run's earlier signals", () => {
    for (const m of [5_000, 17_000, 31_000]) {
      const cut = data[0]!.openTimeMs[m]!;
      const prefix = run(data, m).map((s) => JSON.stringify({ ...s, features: Array.from(s.features) }));
      const full = all.filter((s) => s.atMs <= cut).map((s) => JSON.stringify({ ...s, features: Array.from(s.features) }));
      expect(prefix).toEqual(full);
    }
  }, 60_000);
});
