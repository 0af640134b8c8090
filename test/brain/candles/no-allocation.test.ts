import { expect, test } from "bun:test";
import { join } from "node:path";
import { runGcProbe } from "../../support/gc-probe";

// No garbage per candle (docs/performance.md §3.9). Two probes: the GC log (a collection needs several MB of
// garbage) and bun:jsc memoryUsage() growth, which counts garbage not yet collected: a clean run grows by 0 bytes,
// one 2-element array per 100 candles grew it by ~170 kB, one per candle would be tens of MB.
test("1M closed candles through CandleStore and every indicator trigger no garbage collection", async () => {
  const n = 1_000_000;
  const { out, collections } = await runGcProbe(join(import.meta.dir, "alloc-probe.ts"), [String(n)]);
  const r = JSON.parse(out) as { grownBytes: number; candles: number; closes: number; bad: number; incomplete: boolean };
  expect(r.candles).toBe(1_200_000);
  expect(r.closes).toBeGreaterThan(1_200_000 * (1 + 1 / 5 + 1 / 15 + 1 / 60) * 0.95);
  expect([r.bad, r.incomplete]).toEqual([0, true]);
  expect(collections).toEqual([]);
  expect(r.grownBytes).toBeLessThanOrEqual(256 * 1024);
});
