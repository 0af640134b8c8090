import { expect, test } from "bun:test";
import { join } from "node:path";
import { runGcProbe } from "../../support/gc-probe";

// The hot path must not allocate (docs/performance.md §3.6): a closure or slice per frame showed up here as
// one eden collection per ~55k frames; a clean parser runs 1M frames without one.
test("1M kline/aggTrade/bookTicker/markPrice frames trigger no garbage collection", async () => {
  const n = 1_000_000;
  const { out, collections } = await runGcProbe(join(import.meta.dir, "alloc-probe.ts"), [String(n)]);
  expect(JSON.parse(out)).toEqual({ records: n, parseErrors: 0 });
  expect(collections).toEqual([]);
});
