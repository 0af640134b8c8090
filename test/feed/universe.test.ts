import { describe, expect, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { selectUniverse, type RawExchangeInfo } from "../../src/feed/universe";
import { sharedData } from "../support/shared-data";

const CAPTURE_2025 = sharedData("exchange-info/fapi-v1-exchangeInfo-2025-12-24.json");
const CAPTURE_2021 = sharedData("exchange-info/fapi-v1-exchangeInfo-2021-07-21.json");

describe.skipIf(!existsSync(CAPTURE_2025))("universe from the real exchangeInfo captures", () => {
  const info = JSON.parse(readFileSync(CAPTURE_2025, "utf8")) as RawExchangeInfo & { symbols: Record<string, unknown>[] };

  test("516 active USDT perpetuals in the December 2025 capture, counted independently", () => {
    // Independent count: a plain loop over the raw JSON, no code shared with selectUniverse.
    let independent = 0;
    for (const s of info.symbols) if (s.contractType === "PERPETUAL" && s.quoteAsset === "USDT" && s.status === "TRADING") independent++;
    expect(independent).toBe(516);
    const u = selectUniverse(info);
    expect(u.symbols.length).toBe(independent);
    expect(u.weightPerMinute).toBe(6000);
  });

  test("non-ASCII symbols are in, and filters are found by filterType", () => {
    const u = selectUniverse(info);
    const names = u.symbols.map((s) => s.symbol);
    expect(names).toContain("币安人生USDT");
    expect(names).toContain("测试测试USDT");
    const btc = u.symbols.find((s) => s.symbol === "BTCUSDT")!;
    expect(btc).toMatchObject({ tickSize: 0.1, stepSize: 0.001, minNotional: 100 });
    for (const s of u.symbols) {
      expect(s.tickSize).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(s.minNotional)).toBe(true);
    }
  });

  test("the 2021 capture: 117 of 122, weight 2400 per minute", () => {
    const old = JSON.parse(readFileSync(CAPTURE_2021, "utf8")) as RawExchangeInfo;
    const u = selectUniverse(old);
    expect(u.symbols.length).toBe(117);
    expect(u.weightPerMinute).toBe(2400);
  });
});

test("filters are looked up by filterType, whatever their order", () => {
  const u = selectUniverse({
    symbols: [
      {
        symbol: "XUSDT", baseAsset: "X", contractType: "PERPETUAL", quoteAsset: "USDT", status: "TRADING",
        filters: [{ filterType: "MIN_NOTIONAL", notional: "5" }, { filterType: "LOT_SIZE", stepSize: "0.1", minQty: "0.1" }, { filterType: "PRICE_FILTER", tickSize: "0.001" }],
      },
      { symbol: "YUSDT", contractType: "PERPETUAL", quoteAsset: "USDT", status: "SETTLING" },
      { symbol: "ZUSDC", contractType: "PERPETUAL", quoteAsset: "USDC", status: "TRADING" },
      { symbol: "X_260327", contractType: "CURRENT_QUARTER", quoteAsset: "USDT", status: "TRADING" },
    ],
  });
  expect(u.symbols).toHaveLength(1);
  expect(u.symbols[0]).toMatchObject({ symbol: "XUSDT", tickSize: 0.001, stepSize: 0.1, minNotional: 5 });
  expect(u.weightPerMinute).toBe(2400);
});
