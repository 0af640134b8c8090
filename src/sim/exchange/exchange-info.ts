/** exchangeInfo as the simulator serves it: generated in Binance's shape, or a real capture served verbatim. */
import { readFileSync } from "node:fs";
import type { Prng } from "../prng";
import { SimError } from "../sim-options";
import { drawActivity, makeSpec, type SymbolSpec } from "./symbol-spec";

export interface ExchangeInfoSource {
  /** The response body; `serverTimeMs` is used only by the generated document. */
  body(serverTimeMs: number): string;
  /** REQUEST_WEIGHT per minute from the served rateLimits. */
  weightLimit: number;
  /** Every symbol the document lists (klines of a listed but unstreamed symbol return []). */
  listed: Set<string>;
}

const ORDER_TYPES = ["LIMIT", "MARKET", "STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET"];
const TIME_IN_FORCE = ["GTC", "IOC", "FOK", "GTX", "GTD"];
const PERPETUAL_DELIVERY = 4133404800000;
const GENERATED_RATE_LIMITS = [
  { rateLimitType: "REQUEST_WEIGHT", interval: "MINUTE", intervalNum: 1, limit: 2400 },
  { rateLimitType: "ORDERS", interval: "MINUTE", intervalNum: 1, limit: 1200 },
  { rateLimitType: "ORDERS", interval: "SECOND", intervalNum: 10, limit: 300 },
];
const ASSETS = ["USDT", "BTC", "BNB", "ETH", "USDC"].map((asset) => ({
  asset,
  marginAvailable: true,
  autoAssetExchange: asset === "USDT" ? "-100" : "0",
}));

interface Listing {
  spec: SymbolSpec;
  symbol: string;
  pair: string;
  contractType: string;
  status: string;
  quote: string;
  deliveryDate: number;
  tickText: string;
}

function symbolEntry(l: Listing, rng: Prng): Record<string, unknown> {
  const s = l.spec;
  const wide = rng.next() < 0.1;
  const maxQty = Math.max(1, Math.round((5_000_000 / s.startPrice) / s.stepSize)) * s.stepSize;
  const qtyText = (q: number) => q.toFixed(s.qtyDecimals);
  const priceText = (p: number) => (l.tickText === "0" ? "0" : p.toFixed(s.priceDecimals));
  return {
    symbol: l.symbol,
    pair: l.pair,
    contractType: l.contractType,
    deliveryDate: l.deliveryDate,
    onboardDate: 1569398400000 + Math.floor(rng.next() * 1.8e11),
    status: l.status,
    maintMarginPercent: "2.5000",
    requiredMarginPercent: "5.0000",
    baseAsset: s.base,
    quoteAsset: l.quote,
    marginAsset: l.quote,
    pricePrecision: Math.min(8, s.priceDecimals + 1),
    quantityPrecision: s.qtyDecimals,
    baseAssetPrecision: 8,
    quotePrecision: 8,
    underlyingType: "COIN",
    underlyingSubType: [],
    triggerProtect: "0.0500",
    liquidationFee: "0.020000",
    marketTakeBound: "0.10",
    maxMoveOrderLimit: 10000,
    filters: [
      {
        filterType: "PRICE_FILTER",
        tickSize: l.tickText,
        minPrice: priceText(Math.max(s.tickSize, s.startPrice / 1000)),
        maxPrice: priceText(s.startPrice * 100),
      },
      { filterType: "LOT_SIZE", stepSize: s.stepText, minQty: s.stepText, maxQty: qtyText(maxQty) },
      { filterType: "MARKET_LOT_SIZE", stepSize: s.stepText, minQty: s.stepText, maxQty: qtyText(Math.max(s.stepSize, maxQty / 10)) },
      { filterType: "MAX_NUM_ORDERS", limit: 200 },
      { filterType: "MIN_NOTIONAL", notional: String(s.minNotional) },
      {
        filterType: "PERCENT_PRICE",
        multiplierUp: wide ? "1.1500" : "1.0500",
        multiplierDown: wide ? "0.8500" : "0.9500",
        multiplierDecimal: "4",
      },
      { filterType: "POSITION_RISK_CONTROL", positionControlSide: "NONE" },
    ],
    orderTypes: ORDER_TYPES,
    timeInForce: TIME_IN_FORCE,
    permissionSets: ["GRID", "COPY"],
  };
}

/** Listings outside the universe, so that a universe filter (PERPETUAL + USDT + TRADING) has work to do. */
function extraListings(market: SymbolSpec[], startTimeMs: number, rng: Prng): Listing[] {
  const like = (symbol: string, base: string, price: number) =>
    makeSpec({ symbol, base, tickText: "0.0001", stepText: "1", minNotional: 5, startPrice: price, activity: drawActivity(rng), volFactor: 1 });
  const dated = (offsetDays: number) => {
    const d = new Date(startTimeMs + offsetDays * 86_400_000);
    const at = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 27, 8);
    return { at, suffix: new Date(at).toISOString().slice(2, 10).replaceAll("-", "") };
  };
  const quarter = dated(90);
  const delivered = dated(-30);
  const btc = market.find((s) => s.base === "BTC") ?? like("BTCUSDT", "BTC", 90_000);
  const base = { contractType: "PERPETUAL", status: "TRADING", quote: "USDT", deliveryDate: PERPETUAL_DELIVERY };
  const mk = (spec: SymbolSpec, o: Partial<Listing>): Listing => ({ ...base, spec, symbol: spec.symbol, pair: spec.symbol, tickText: spec.tickText, ...o });
  return [
    mk(like("OLDCOINUSDT", "OLDCOIN", 0.05), { status: "SETTLING" }),
    mk(like("NEWCOINUSDT", "NEWCOIN", 0.5), { status: "PENDING_TRADING", tickText: "0" }),
    mk(like("SOLUSDC", "SOL", 140), { quote: "USDC" }),
    mk(like("ETHBTC", "ETH", 0.03), { quote: "BTC" }),
    mk(btc, { symbol: `BTCUSDT_${quarter.suffix}`, pair: "BTCUSDT", contractType: "CURRENT_QUARTER", deliveryDate: quarter.at }),
    // a leftover of the kind the December 2025 capture has (odd contractType with a space, delivery in the past)
    mk(like(`ETHUSDT_${delivered.suffix}`, "ETH", 3000), {
      pair: "ETHUSDT",
      contractType: "CURRENT_QUARTER DELIVERING",
      status: "DELIVERING",
      deliveryDate: delivered.at,
    }),
    mk(like("XAUUSDT", "XAU", 4000), { contractType: "TRADIFI_PERPETUAL" }),
  ];
}

/** A generated document: exactly `market` as active USDT perpetuals, plus a few listings outside the universe. */
export function generatedExchangeInfo(market: SymbolSpec[], startTimeMs: number, rng: Prng): ExchangeInfoSource {
  const listings: Listing[] = market.map((spec) => ({
    spec,
    symbol: spec.symbol,
    pair: spec.symbol,
    contractType: "PERPETUAL",
    status: "TRADING",
    quote: "USDT",
    deliveryDate: PERPETUAL_DELIVERY,
    tickText: spec.tickText,
  }));
  listings.push(...extraListings(market, startTimeMs, rng));
  const tail = JSON.stringify({
    futuresType: "U_MARGINED",
    rateLimits: GENERATED_RATE_LIMITS,
    exchangeFilters: [],
    assets: ASSETS,
    symbols: listings.map((l) => symbolEntry(l, rng)),
  }).slice(1);
  return {
    body: (serverTimeMs) => `{"timezone":"UTC","serverTime":${Math.floor(serverTimeMs)},${tail}`,
    weightLimit: 2400,
    listed: new Set(listings.map((l) => l.symbol)),
  };
}

interface CaptureSymbol {
  symbol: string;
  baseAsset: string;
  quoteAsset: string;
  contractType: string;
  status: string;
  filters: { filterType: string; tickSize?: string; stepSize?: string; notional?: string }[];
}

export interface Capture {
  source: ExchangeInfoSource;
  /** The PERPETUAL/USDT/TRADING symbols, with synthetic price levels and activity. */
  market: SymbolSpec[];
}

/** Reads a capture; the body is served byte for byte, its rateLimits govern the weight limit. */
export function loadExchangeInfoCapture(path: string, rng: Prng): Capture {
  let text: string;
  let doc: { rateLimits?: { rateLimitType: string; interval: string; intervalNum: number; limit: number }[]; symbols?: CaptureSymbol[] };
  try {
    text = readFileSync(path, "utf8");
    doc = JSON.parse(text);
  } catch (e) {
    throw new SimError(`cannot read exchangeInfo capture ${path}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  if (!Array.isArray(doc.symbols)) throw new SimError(`${path} has no symbols array; is it a /fapi/v1/exchangeInfo response?`);
  const weight = doc.rateLimits?.find((r) => r.rateLimitType === "REQUEST_WEIGHT" && r.interval === "MINUTE");
  const market: SymbolSpec[] = [];
  for (const s of doc.symbols) {
    if (s.contractType !== "PERPETUAL" || s.quoteAsset !== "USDT" || s.status !== "TRADING") continue;
    const tickText = s.filters.find((f) => f.filterType === "PRICE_FILTER")?.tickSize ?? "0.0001";
    const stepText = s.filters.find((f) => f.filterType === "LOT_SIZE")?.stepSize ?? "1";
    const tick = Number(tickText) > 0 ? Number(tickText) : 0.0001;
    // a price level 2 000 … 200 000 ticks up: enough resolution for structure, plausible for the tick
    const price = Math.round(rng.logUniform(2_000, 200_000)) * tick;
    market.push(
      makeSpec({
        symbol: s.symbol,
        base: s.baseAsset,
        tickText: Number(tickText) > 0 ? tickText : "0.0001",
        stepText,
        minNotional: Number(s.filters.find((f) => f.filterType === "MIN_NOTIONAL")?.notional ?? 5),
        startPrice: price,
        activity: drawActivity(rng),
        volFactor: 0.7 + 1.3 * rng.next(),
      }),
    );
  }
  const body = text;
  return {
    source: {
      body: () => body,
      weightLimit: weight?.limit ?? 2400,
      listed: new Set(doc.symbols.map((s) => s.symbol)),
    },
    market,
  };
}
