import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { ManualClock } from "../../src/core/clock";
import { type SimHandle, startSimulator } from "../../src/sim/simulator";

const T0 = Date.UTC(2026, 0, 1, 0, 0, 0);
const MIN = 60_000;
type Row = [number, string, string, string, string, string, number, string, number, string, string, string];

async function get(sim: SimHandle, path: string): Promise<{ status: number; body: any; weight: number; headers: Headers }> {
  const res = await fetch(`${sim.restUrl}${path}`);
  return { status: res.status, body: await res.json(), weight: Number(res.headers.get("x-mbx-used-weight-1m")), headers: res.headers };
}

describe("REST market data", () => {
  let sim: SimHandle;
  let clock: ManualClock;
  let used = 0;
  /** Weight the last request cost (the header reports the running total). */
  const cost = (r: { weight: number }) => {
    const c = r.weight - used;
    used = r.weight;
    return c;
  };
  beforeAll(async () => {
    clock = new ManualClock(T0);
    sim = await startSimulator({ symbols: 20, startTimeMs: T0, historyMinutes: 600, clock, faults: { emptyMinuteProbability: 0.2 } });
  });
  afterAll(() => sim.stop());

  test("time, ping", async () => {
    const t = await get(sim, "/fapi/v1/time");
    expect(t.body).toEqual({ serverTime: T0 });
    expect(cost(t)).toBe(1);
    clock.advance(1500);
    expect((await get(sim, "/fapi/v1/time")).body.serverTime).toBe(T0 + 1500);
    expect(sim.nowMs()).toBe(T0 + 1500);
    used++;
    const p = await get(sim, "/fapi/v1/ping");
    expect(p.body).toEqual({});
    expect(cost(p)).toBe(1);
  });

  test("klines: default 500 rows, typed columns, the forming candle last, weight 5", async () => {
    const r = await get(sim, "/fapi/v1/klines?symbol=BTCUSDT&interval=1m");
    expect(r.status).toBe(200);
    expect(cost(r)).toBe(5);
    const rows = r.body as Row[];
    expect(rows.length).toBe(500);
    for (const row of rows) {
      expect(row.length).toBe(12);
      expect(row.map((v) => typeof v).join()).toBe("number,string,string,string,string,string,number,string,number,string,string,string");
      expect(row[6]).toBe(row[0] + 59_999);
      expect(row[11]).toBe("0");
      expect(Number(row[2])).toBeGreaterThanOrEqual(Math.max(Number(row[1]), Number(row[4]), Number(row[3])));
      expect(Number(row[3])).toBeLessThanOrEqual(Math.min(Number(row[1]), Number(row[4])));
    }
    for (let k = 1; k < rows.length; k++) expect(rows[k]![0]).toBe(rows[k - 1]![0] + MIN);
    expect(rows.at(-1)![0]).toBe(T0);
    expect(rows.at(-1)![6]).toBeGreaterThan(sim.nowMs()); // still open
  });

  test("klines: limit and weight bands; 1500 is the maximum", async () => {
    for (const [limit, weight, count] of [[1, 1, 1], [99, 1, 99], [100, 2, 100], [499, 2, 499], [500, 5, 500], [1000, 5, 601], [1001, 10, 601], [1500, 10, 601]] as const) {
      const r = await get(sim, `/fapi/v1/klines?symbol=ETHUSDT&interval=1m&limit=${limit}`);
      expect([limit, cost(r), r.body.length]).toEqual([limit, weight, count]);
    }
    const over = await get(sim, "/fapi/v1/klines?symbol=ETHUSDT&interval=1m&limit=1501");
    cost(over);
    expect(over.status).toBe(400);
    expect(over.body.code).toBe(-1130);
    expect(Object.keys(over.body)).toEqual(["code", "msg"]);
  });

  test("klines: startTime/endTime select by open time; start > end is -1023", async () => {
    const first = (await get(sim, `/fapi/v1/klines?symbol=SOLUSDT&interval=1m&startTime=${T0 - 10 * MIN}&limit=3`)).body as Row[];
    expect(first.map((r) => r[0])).toEqual([T0 - 10 * MIN, T0 - 9 * MIN, T0 - 8 * MIN]);
    const unaligned = (await get(sim, `/fapi/v1/klines?symbol=SOLUSDT&interval=1m&startTime=${T0 - 10 * MIN + 1}&limit=1`)).body as Row[];
    expect(unaligned[0]![0]).toBe(T0 - 9 * MIN);
    const last = (await get(sim, `/fapi/v1/klines?symbol=SOLUSDT&interval=1m&endTime=${T0 - 5 * MIN}&limit=2`)).body as Row[];
    expect(last.map((r) => r[0])).toEqual([T0 - 6 * MIN, T0 - 5 * MIN]);
    const both = (await get(sim, `/fapi/v1/klines?symbol=SOLUSDT&interval=1m&startTime=${T0 - 3 * MIN}&endTime=${T0 + 5 * MIN}`)).body as Row[];
    expect(both.map((r) => r[0])).toEqual([T0 - 3 * MIN, T0 - 2 * MIN, T0 - MIN, T0]);
    const bad = await get(sim, `/fapi/v1/klines?symbol=SOLUSDT&interval=1m&startTime=${T0}&endTime=${T0 - 1}`);
    expect([bad.status, bad.body.code]).toEqual([400, -1023]);
    used = bad.weight;
  });

  test("klines: zero-trade minutes are flat rows at the previous close", async () => {
    const rows = (await get(sim, "/fapi/v1/klines?symbol=XRPUSDT&interval=1m&limit=601")).body as Row[];
    const empty = rows.map((r, k) => [r, rows[k - 1]] as const).filter(([r, prev]) => r[8] === 0 && prev && r[0] < T0);
    expect(empty.length).toBeGreaterThan(50);
    for (const [r, prev] of empty) {
      expect([r[1], r[2], r[3]]).toEqual([prev![4], prev![4], prev![4]]);
      expect(r[4]).toBe(prev![4]);
      expect(Number(r[5])).toBe(0);
      expect(Number(r[7])).toBe(0);
    }
  });

  test("klines: the forming candle closes with the same values after its minute", async () => {
    const before = (await get(sim, "/fapi/v1/klines?symbol=BTCUSDT&interval=1m&limit=3")).body as Row[];
    clock.advance(65_000);
    const after = (await get(sim, "/fapi/v1/klines?symbol=BTCUSDT&interval=1m&limit=3")).body as Row[];
    expect(after[0]).toEqual(before[1]!); // closed rows never change
    expect(after[1]![0]).toBe(T0);
    expect(after[1]![6]).toBeLessThan(sim.nowMs());
    expect(after[2]![0]).toBe(T0 + MIN);
    clock.advance(60_000);
    const later = (await get(sim, `/fapi/v1/klines?symbol=BTCUSDT&interval=1m&startTime=${T0}&limit=1`)).body as Row[];
    expect(later[0]).toEqual(after[1]!);
    used = 0;
  });

  test("klines: 5m and 1h rows aggregate the 1m rows; 1w is an invalid interval", async () => {
    const m1 = (await get(sim, `/fapi/v1/klines?symbol=ETHUSDT&interval=1m&startTime=${T0 - 60 * MIN}&endTime=${T0 - MIN}&limit=60`)).body as Row[];
    const m5 = (await get(sim, `/fapi/v1/klines?symbol=ETHUSDT&interval=5m&startTime=${T0 - 60 * MIN}&endTime=${T0 - MIN}`)).body as Row[];
    expect(m5.length).toBe(12);
    m5.forEach((row, b) => {
      const part = m1.slice(b * 5, b * 5 + 5);
      expect(row[0]).toBe(part[0]![0]);
      expect(row[6]).toBe(row[0] + 5 * MIN - 1);
      expect(row[1]).toBe(part[0]![1]);
      expect(row[4]).toBe(part[4]![4]);
      expect(Number(row[2])).toBe(Math.max(...part.map((r) => Number(r[2]))));
      expect(Number(row[3])).toBe(Math.min(...part.map((r) => Number(r[3]))));
      expect(row[8]).toBe(part.reduce((s, r) => s + r[8], 0));
    });
    const h1 = (await get(sim, "/fapi/v1/klines?symbol=ETHUSDT&interval=1h&limit=3")).body as Row[];
    expect(h1.map((r) => r[0] % 3_600_000)).toEqual([0, 0, 0]);
    expect(h1.at(-1)![0]).toBe(T0);
    const w = await get(sim, "/fapi/v1/klines?symbol=ETHUSDT&interval=1w");
    expect([w.status, w.body.code]).toEqual([400, -1120]);
  });

  test("ticker/24hr and premiumIndex: one symbol (weight 1) or all (40 / 10)", async () => {
    used = (await get(sim, "/fapi/v1/time")).weight;
    const t = await get(sim, "/fapi/v1/ticker/24hr?symbol=BTCUSDT");
    expect(cost(t)).toBe(1);
    for (const k of ["symbol", "priceChange", "priceChangePercent", "weightedAvgPrice", "lastPrice", "lastQty", "openPrice", "highPrice", "lowPrice", "volume", "quoteVolume"]) {
      expect(typeof t.body[k]).toBe("string");
    }
    for (const k of ["openTime", "closeTime", "firstId", "lastId", "count"]) expect(typeof t.body[k]).toBe("number");
    const all = await get(sim, "/fapi/v1/ticker/24hr");
    expect(cost(all)).toBe(40);
    expect(all.body.length).toBe(20);
    const p = await get(sim, "/fapi/v1/premiumIndex?symbol=BTCUSDT");
    expect(cost(p)).toBe(1);
    expect(Object.keys(p.body)).toEqual(["symbol", "markPrice", "indexPrice", "estimatedSettlePrice", "lastFundingRate", "interestRate", "nextFundingTime", "time"]);
    expect(p.body.nextFundingTime % (8 * 3_600_000)).toBe(0);
    expect(p.body.nextFundingTime).toBeGreaterThan(sim.nowMs());
    expect(Math.abs(Number(p.body.markPrice) / Number(t.body.lastPrice) - 1)).toBeLessThan(0.01);
    const pAll = await get(sim, "/fapi/v1/premiumIndex");
    expect(cost(pAll)).toBe(10);
    expect(pAll.body.length).toBe(20);
  });

  test("errors are {code,msg} with Binance's status", async () => {
    const cases: [string, number, number][] = [
      ["/fapi/v1/klines?interval=1m", 400, -1102],
      ["/fapi/v1/klines?symbol=BTCUSDT", 400, -1102],
      ["/fapi/v1/klines?symbol=NOPEUSDT&interval=1m", 400, -1121],
      ["/fapi/v1/klines?symbol=BTCUSDT&interval=1m&limit=abc", 400, -1100],
      ["/fapi/v1/klines?symbol=BTCUSDT&interval=1m&foo=1", 400, -1104],
      ["/fapi/v1/ticker/24hr?symbol=NOPE", 400, -1121],
      ["/fapi/v1/premiumIndex?symbol=NOPE", 400, -1121],
      ["/fapi/v1/nothing", 404, -5000],
      ["/", 404, -5000],
    ];
    for (const [path, status, code] of cases) {
      const r = await get(sim, path);
      expect([path, r.status, r.body.code, typeof r.body.msg, Object.keys(r.body).length]).toEqual([path, status, code, "string", 2]);
      expect(r.headers.get("x-mbx-used-weight-1m")).not.toBeNull();
    }
    const post = await fetch(`${sim.restUrl}/fapi/v1/time`, { method: "POST" });
    expect(post.status).toBe(404);
  });
});

describe("REST weight and faults", () => {
  test("past 2400/min: 429 -1003 with Retry-After; a new minute clears it; hammering on gets a 418 ban", async () => {
    const clock = new ManualClock(T0 + 10_000);
    const sim = await startSimulator({ symbols: 5, startTimeMs: T0, historyMinutes: 10, clock });
    try {
      for (let k = 0; k < 60; k++) expect((await get(sim, "/fapi/v1/ticker/24hr")).status).toBe(200);
      const r = await get(sim, "/fapi/v1/ticker/24hr");
      expect(r.status).toBe(429);
      expect(r.body).toEqual({
        code: -1003,
        msg: "Too many requests; current limit is 2400 requests per minute. Please use the websocket for live updates to avoid polling the API.",
      });
      expect(r.headers.get("retry-after")).toBe("50");
      expect(r.weight).toBe(2440);
      expect(sim.stats().rateLimited).toBe(1);
      clock.advance(50_000);
      const fresh = await get(sim, "/fapi/v1/time");
      expect([fresh.status, fresh.weight]).toEqual([200, 1]);
      for (let k = 0; k < 60; k++) await get(sim, "/fapi/v1/ticker/24hr");
      let last = await get(sim, "/fapi/v1/time");
      for (let k = 0; k < 60 && last.status === 429; k++) last = await get(sim, "/fapi/v1/time");
      expect(last.status).toBe(418);
      expect(last.body.code).toBe(-1003);
      expect(last.body.msg).toMatch(/^Way too many requests; IP banned until \d+\. Please use the websocket/);
      expect(Number(last.headers.get("retry-after"))).toBe(120);
      clock.advance(60_000);
      expect((await get(sim, "/fapi/v1/time")).status).toBe(418); // the ban outlives the window
      clock.advance(61_000);
      expect((await get(sim, "/fapi/v1/time")).status).toBe(200);
    } finally {
      await sim.stop();
    }
  });

  test("restErrorFraction answers 503 -1001 and can be switched off at runtime", async () => {
    const sim = await startSimulator({ symbols: 3, historyMinutes: 5, faults: { restErrorFraction: 1 } });
    try {
      const r = await get(sim, "/fapi/v1/time");
      expect([r.status, r.body.code]).toEqual([503, -1001]);
      sim.faults.restErrorFraction = 0;
      expect((await get(sim, "/fapi/v1/time")).status).toBe(200);
    } finally {
      await sim.stop();
    }
  });
});
