import { afterAll, expect, test } from "bun:test";
import { createConsola } from "consola";
import { systemClock } from "../../src/core/clock";
import { MINUTE_MS } from "../../src/core/minute-set";
import { Backfiller } from "../../src/feed/backfiller";
import type { KlineRow } from "../../src/feed/kline-rest";
import { RestBudget } from "../../src/feed/rest-budget";

const T0 = 1_764_000_000_000 - (1_764_000_000_000 % MINUTE_MS);
const quiet = createConsola({ level: -999 });
const seen: string[] = [];
let failNext = 0;
let failStatus = 503;

// A tiny Binance-shaped klines endpoint: minute i has close = i; minute 7 does not exist (a halted symbol).
const server = Bun.serve({
  hostname: "127.0.0.1",
  port: 0,
  development: false,
  fetch(req) {
    const u = new URL(req.url);
    seen.push(u.search);
    if (failNext > 0) {
      failNext--;
      return Response.json({ code: failStatus === 429 ? -1003 : -1001, msg: "nope" }, { status: failStatus, headers: { "retry-after": "1" } });
    }
    if (u.searchParams.get("symbol") === "BADUSDT") return Response.json({ code: -1121, msg: "Invalid symbol." }, { status: 400 });
    const start = Number(u.searchParams.get("startTime"));
    const end = Number(u.searchParams.get("endTime"));
    const limit = Number(u.searchParams.get("limit"));
    const rows = [];
    for (let t = start; t <= end && rows.length < limit; t += MINUTE_MS) {
      const i = (t - T0) / MINUTE_MS;
      if (i === 7) continue;
      rows.push([t, "1", "2", "0.5", String(i), "10", t + MINUTE_MS - 1, "10", 3, "4", "4", "0"]);
    }
    return Response.json(rows, { headers: { "x-mbx-used-weight-1m": "5" } });
  },
});
afterAll(() => server.stop(true));

function harness(names = ["AUSDT", "BADUSDT"]) {
  const got: [number, KlineRow][] = [];
  const bf = new Backfiller(
    { restUrl: `http://127.0.0.1:${server.port}`, pageSize: 3, timeoutMs: 2000, concurrency: 2 },
    new RestBudget(1000, 2400, systemClock),
    {
      symbolName: (id) => names[id]!,
      deliver: (id, row) => (got.push([id, row]), true),
      closedThroughMs: () => T0 + 100 * MINUTE_MS,
    },
    systemClock,
    quiet,
  );
  return { bf, got };
}

test("pages a range in requests of pageSize, and counts minutes REST does not have", async () => {
  const { bf, got } = harness();
  bf.request(0, T0 + 5 * MINUTE_MS, T0 + 12 * MINUTE_MS);
  expect(await bf.drain(5000)).toBe(true);
  expect(got.map(([, r]) => r.close)).toEqual([5, 6, 8, 9, 10, 11, 12]);
  expect(bf.unavailable).toBe(1);
  expect(bf.requests).toBe(3); // 8 minutes at 3 per page
});

test("requests for one symbol coalesce into one range", async () => {
  const { bf, got } = harness();
  seen.length = 0;
  bf.request(0, T0 + 20 * MINUTE_MS, T0 + 20 * MINUTE_MS);
  bf.request(0, T0 + 21 * MINUTE_MS, T0 + 22 * MINUTE_MS);
  expect(await bf.drain(5000)).toBe(true);
  expect(got.map(([, r]) => r.close).sort((a, b) => a - b)).toEqual([20, 21, 22]);
});

test("a 503 is retried with backoff; a -1121 is given up and logged, not retried forever", async () => {
  const { bf, got } = harness();
  failNext = 1;
  failStatus = 503;
  bf.request(0, T0 + 30 * MINUTE_MS, T0 + 31 * MINUTE_MS);
  bf.request(1, T0 + 30 * MINUTE_MS, T0 + 31 * MINUTE_MS);
  expect(await bf.drain(8000)).toBe(true);
  expect(got.filter(([id]) => id === 0).map(([, r]) => r.close)).toEqual([30, 31]);
  expect(bf.failures).toBe(2);
  expect(bf.unavailable).toBe(2);
}, 10_000);

test("a 429 bans every request until Retry-After has passed", async () => {
  const { bf, got } = harness();
  failNext = 1;
  failStatus = 429;
  const t0 = performance.now();
  bf.request(0, T0 + 40 * MINUTE_MS, T0 + 40 * MINUTE_MS);
  expect(await bf.drain(8000)).toBe(true);
  expect(performance.now() - t0).toBeGreaterThanOrEqual(990);
  expect(got.map(([, r]) => r.close)).toEqual([40]);
}, 10_000);
