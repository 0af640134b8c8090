import { expect, test } from "bun:test";
import { join } from "node:path";

// The hot path must not allocate (docs/performance.md §3.6): a closure or slice per frame showed up here as
// one eden collection per ~55k frames; a clean parser runs 1M frames without one.
test("1M kline/aggTrade/bookTicker/markPrice frames trigger no garbage collection", async () => {
  const n = 1_000_000;
  const proc = Bun.spawn([process.execPath, join(import.meta.dir, "alloc-probe.ts"), String(n)], {
    env: { ...process.env, BUN_JSC_logGC: "1" },
    stdout: "pipe",
    stderr: "pipe",
  });
  const [out, log] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text()]);
  expect(await proc.exited).toBe(0);
  const from = log.indexOf("ALLOC-PROBE-START");
  const to = log.indexOf("ALLOC-PROBE-END");
  expect(from).toBeGreaterThanOrEqual(0);
  expect(to).toBeGreaterThan(from);
  const collections = log.slice(from, to).match(/=> (Eden|Full)Collection/g) ?? [];
  expect(JSON.parse(out)).toEqual({ records: n, parseErrors: 0 });
  expect(collections).toEqual([]);
});
