import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync } from "node:fs";
import { ManualClock } from "../../src/core/clock";
import { generatedExchangeInfo } from "../../src/sim/exchange/exchange-info";
import { generateUniverse } from "../../src/sim/exchange/generated-universe";
import { Prng } from "../../src/sim/prng";
import { type SimHandle, startSimulator } from "../../src/sim/simulator";
import { sharedData } from "../support/shared-data";

interface Sym {
  symbol: string;
  pair: string;
  contractType: string;
  status: string;
  quoteAsset: string;
  baseAsset: string;
  marginAsset: string;
  pricePrecision: number;
  quantityPrecision: number;
  deliveryDate: number;
  onboardDate: number;
  underlyingType: string;
  orderTypes: string[];
  timeInForce: string[];
  filters: Record<string, string | number>[];
}
interface Info {
  timezone: string;
  serverTime: number;
  rateLimits: { rateLimitType: string; interval: string; intervalNum: number; limit: number }[];
  assets: { asset: string }[];
  symbols: Sym[];
}

const universe = (info: Info) => info.symbols.filter((s) => s.contractType === "PERPETUAL" && s.quoteAsset === "USDT" && s.status === "TRADING");
const filter = (s: Sym, type: string) => s.filters.find((f) => f.filterType === type);

describe("generated exchangeInfo", () => {
  for (const n of [1, 9, 10, 50, 600]) {
    test(`exactly ${n} active USDT perpetuals, plus listings a universe filter must drop`, () => {
      const specs = generateUniverse(n, new Prng(1));
      const info = JSON.parse(generatedExchangeInfo(specs, 1_700_000_000_000, new Prng(2)).body(123)) as Info;
      expect(universe(info).map((s) => s.symbol)).toEqual(specs.map((s) => s.symbol));
      expect(new Set(info.symbols.map((s) => s.symbol)).size).toBe(info.symbols.length);
      const others = info.symbols.filter((s) => !universe(info).includes(s));
      expect(others.length).toBeGreaterThanOrEqual(5);
      expect(others.some((s) => s.status !== "TRADING")).toBe(true);
      expect(others.some((s) => s.quoteAsset !== "USDT")).toBe(true);
      expect(others.some((s) => s.contractType === "CURRENT_QUARTER" && s.deliveryDate < 4133404800000)).toBe(true);
      const nonAscii = universe(info).filter((s) => /[^\x00-\x7f]/.test(s.symbol));
      expect(nonAscii.length > 0).toBe(n >= 10);
    });
  }

  test("the Binance shape: top level, rate limits, filters, order types", () => {
    const specs = generateUniverse(50, new Prng(7));
    const info = JSON.parse(generatedExchangeInfo(specs, 1_700_000_000_000, new Prng(3)).body(42)) as Info;
    expect(Object.keys(info)).toEqual(["timezone", "serverTime", "futuresType", "rateLimits", "exchangeFilters", "assets", "symbols"]);
    expect(info.serverTime).toBe(42);
    expect(info.rateLimits).toContainEqual({ rateLimitType: "REQUEST_WEIGHT", interval: "MINUTE", intervalNum: 1, limit: 2400 });
    expect(info.rateLimits).toContainEqual({ rateLimitType: "ORDERS", interval: "MINUTE", intervalNum: 1, limit: 1200 });
    expect(info.rateLimits).toContainEqual({ rateLimitType: "ORDERS", interval: "SECOND", intervalNum: 10, limit: 300 });
    expect(info.assets.map((a) => a.asset)).toContain("USDT");
    for (const s of universe(info)) {
      expect(s.pair).toBe(s.symbol);
      expect(s.symbol).toBe(s.baseAsset + "USDT");
      expect(s.marginAsset).toBe("USDT");
      expect(s.deliveryDate).toBe(4133404800000);
      expect(s.underlyingType).toBe("COIN");
      expect(s.orderTypes).toEqual(expect.arrayContaining(["LIMIT", "MARKET", "STOP_MARKET", "TAKE_PROFIT_MARKET"]));
      expect(s.timeInForce).toEqual(expect.arrayContaining(["GTC", "IOC", "FOK", "GTX"]));
      const types = s.filters.map((f) => f.filterType);
      expect(types).toEqual(expect.arrayContaining(["PRICE_FILTER", "LOT_SIZE", "MARKET_LOT_SIZE", "MAX_NUM_ORDERS", "MIN_NOTIONAL", "PERCENT_PRICE"]));
      const price = filter(s, "PRICE_FILTER")!;
      expect(Number(price.tickSize)).toBeGreaterThan(0);
      expect(Number(price.minPrice)).toBeLessThan(Number(price.maxPrice));
      expect(Number(filter(s, "LOT_SIZE")!.stepSize)).toBe(Number(filter(s, "MARKET_LOT_SIZE")!.stepSize));
      expect(Number(filter(s, "MARKET_LOT_SIZE")!.maxQty)).toBeLessThanOrEqual(Number(filter(s, "LOT_SIZE")!.maxQty));
      expect(typeof filter(s, "MIN_NOTIONAL")!.notional).toBe("string");
    }
    const btc = info.symbols.find((s) => s.symbol === "BTCUSDT")!;
    expect(filter(btc, "PRICE_FILTER")!.tickSize).toBe("0.1");
    expect(filter(btc, "LOT_SIZE")!.stepSize).toBe("0.001");
    expect(filter(btc, "MIN_NOTIONAL")!.notional).toBe("100");
  });

  test("the same seed gives the same universe; another seed another one", () => {
    const a = generateUniverse(200, new Prng(5)).map((s) => `${s.symbol}:${s.startPrice}`);
    expect(generateUniverse(200, new Prng(5)).map((s) => `${s.symbol}:${s.startPrice}`)).toEqual(a);
    expect(generateUniverse(200, new Prng(6)).map((s) => `${s.symbol}:${s.startPrice}`)).not.toEqual(a);
    expect(new Set(a.map((x) => x.split(":")[0])).size).toBe(200);
  });
});

describe("exchangeInfo over REST", () => {
  let sim: SimHandle;
  beforeAll(async () => {
    sim = await startSimulator({ symbols: 12, historyMinutes: 5 });
  });
  afterAll(() => sim.stop());

  test("GET /fapi/v1/exchangeInfo serves the generated universe with weight 1", async () => {
    const res = await fetch(`${sim.restUrl}/fapi/v1/exchangeInfo`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.headers.get("x-mbx-used-weight-1m")).toBe("1");
    const info = (await res.json()) as Info;
    expect(universe(info).map((s) => s.symbol)).toEqual(sim.symbols);
    expect(sim.symbols).toContain("币安人生USDT");
  });
});

const CAPTURE = sharedData("exchange-info/fapi-v1-exchangeInfo-2025-12-24.json");
describe.skipIf(!existsSync(CAPTURE))("a real capture", () => {
  test("is served byte for byte, its 516 universe symbols trade, its rate limit governs", async () => {
    // a clock that stands still: the weight window cannot roll over mid-test
    const sim = await startSimulator({ exchangeInfoPath: CAPTURE, historyMinutes: 2, clock: new ManualClock(Date.now()) });
    try {
      const body = await (await fetch(`${sim.restUrl}/fapi/v1/exchangeInfo`)).text();
      expect(body).toBe(await Bun.file(CAPTURE).text());
      expect(sim.symbols.length).toBe(516);
      expect(sim.symbols).toContain("币安人生USDT");
      const res = await fetch(`${sim.restUrl}/fapi/v1/klines?symbol=${encodeURIComponent("测试测试USDT")}&interval=1m&limit=2`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as unknown[]).length).toBe(2);
      // listed but not a universe symbol: known, no market
      expect(await (await fetch(`${sim.restUrl}/fapi/v1/klines?symbol=ETHBTC&interval=1m`)).json()).toEqual([]);
      // REQUEST_WEIGHT 6000 from the capture: 150 × weight 40 fit (with the 7 weight used above, 149 do)
      const statuses: number[] = [];
      for (let k = 0; k < 150; k++) statuses.push((await fetch(`${sim.restUrl}/fapi/v1/ticker/24hr`)).status);
      expect(statuses.slice(0, 149).every((s) => s === 200)).toBe(true);
      const limited = await fetch(`${sim.restUrl}/fapi/v1/ticker/24hr`);
      expect(limited.status).toBe(429);
      expect(((await limited.json()) as { msg: string }).msg).toContain("current limit is 6000 requests per minute");
    } finally {
      await sim.stop();
    }
  }, 20_000);
});
