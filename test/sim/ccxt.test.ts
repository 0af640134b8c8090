import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { binanceusdm } from "ccxt";
import { type SimHandle, startSimulator } from "../../src/sim/simulator";
import { klines, tap, until } from "./sim-test-kit";

/** binanceusdm pointed at the simulator as in docs/binance-usdm.md ("Recipe"): every urls.api string → the sim. */
function client(restUrl: string): binanceusdm {
  const ex = new binanceusdm({
    timeout: 5_000,
    enableRateLimit: false,
    options: { defaultType: "swap", fetchMarkets: { types: ["linear"] }, fetchCurrencies: false, fetchMargins: false, adjustForTimeDifference: true },
  });
  const api = ex.urls.api as Record<string, unknown>;
  for (const [k, v] of Object.entries(api)) if (typeof v === "string") api[k] = v.replace(/^https:\/\/[^/]+/, restUrl);
  return ex;
}

describe("ccxt binanceusdm against the simulator", () => {
  let sim: SimHandle;
  beforeAll(async () => {
    sim = await startSimulator({ symbols: 30, speed: 120, historyMinutes: 100, startTimeMs: Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000 });
  });
  afterAll(() => sim.stop());

  test("loadMarkets, fetchTime, fetchTicker, fetchFundingRate", async () => {
    const ex = client(sim.restUrl);
    const markets = await ex.loadMarkets();
    const linear = Object.values(markets).filter((m) => m && m.swap && m.linear && m.settle === "USDT" && m.active);
    expect(linear.map((m) => m!.id).sort()).toEqual([...sim.symbols, "XAUUSDT"].sort()); // ccxt counts TRADIFI as a swap
    const btc = ex.market("BTC/USDT:USDT");
    expect(btc.id).toBe("BTCUSDT");
    expect(btc.precision.price).toBe(0.1);
    expect(btc.limits.cost?.min).toBe(100);
    expect(ex.market("币安人生/USDT:USDT").id).toBe("币安人生USDT");
    const time = await ex.fetchTime();
    expect(Math.abs(time! - sim.nowMs())).toBeLessThan(500);
    const ticker = await ex.fetchTicker("ETH/USDT:USDT");
    expect(ticker.last).toBeGreaterThan(0);
    const funding = await ex.fetchFundingRate("ETH/USDT:USDT");
    expect(funding.markPrice).toBeGreaterThan(0);
    expect(funding.fundingTimestamp! % (8 * 3_600_000)).toBe(0); // ccxt puts nextFundingTime here
  }, 15_000);

  test("fetchOHLCV returns what the stream closed", async () => {
    const ex = client(sim.restUrl);
    await ex.loadMarkets();
    const t = await tap(`${sim.wsUrl}/market/ws/solusdt@kline_1m`);
    await until(() => klines(t.frames).filter((k) => k.k.x).length >= 2, 5000, "two closes");
    t.ws.close();
    const closes = klines(t.frames).filter((k) => k.k.x);
    const candles = await ex.fetchOHLCV("SOL/USDT:USDT", "1m", closes[0]!.k.t, 2);
    expect(candles).toEqual(closes.slice(0, 2).map((k) => [k.k.t, Number(k.k.o), Number(k.k.h), Number(k.k.l), Number(k.k.c), Number(k.k.v)]));
  }, 15_000);
});
