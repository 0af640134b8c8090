import { expect, test } from "bun:test";
import { join } from "node:path";
import { runGcProbe } from "../../support/gc-probe";

// Causal SMC on the per-candle path (smc-reference.md §6.1). Each event is a fresh object literal, but the sink
// reads it and keeps nothing, so the optimizing JIT sinks the allocation: ~1M events leave no garbage. One object
// per event that survived would grow the heap by tens of MB; the ~1 MB allowed is state (open zones and pools
// that the random walk never mitigates), not garbage.
test("1M candles through 8 causal SMC detectors trigger no garbage collection", async () => {
  const { out, collections } = await runGcProbe(join(import.meta.dir, "alloc-probe.ts"), ["1000000"]);
  const r = JSON.parse(out) as { grownBytes: number; candles: number; events: number };
  expect(r.candles).toBe(1_000_000);
  expect(r.events).toBeGreaterThan(500_000);
  expect(collections).toEqual([]);
  expect(r.grownBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
});
