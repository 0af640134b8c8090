/** The trading universe: every USDⓈ-M PERPETUAL contract quoted in USDT with status TRADING, no volume filter. */
import { AegisError } from "../core/errors";
import { createUsdmClient } from "./usdm-client";

export interface UniverseSymbol {
  symbol: string;
  baseAsset: string;
  tickSize: number;
  stepSize: number;
  minQty: number;
  marketMaxQty: number;
  minNotional: number;
}

export interface Universe {
  symbols: UniverseSymbol[];
  /** REQUEST_WEIGHT per minute from the exchange's rateLimits (production 2400, demo 6000). */
  weightPerMinute: number;
}

interface RawFilter {
  filterType?: string;
  [k: string]: unknown;
}
interface RawSymbol {
  symbol?: string;
  baseAsset?: string;
  contractType?: string;
  quoteAsset?: string;
  status?: string;
  filters?: RawFilter[];
}
export interface RawExchangeInfo {
  symbols?: RawSymbol[];
  rateLimits?: { rateLimitType?: string; interval?: string; intervalNum?: number; limit?: number }[];
}

/** The exchange could not be reached or answered nonsense; retrying later may help. */
export class ExchangeUnavailableError extends AegisError {
  override name = "ExchangeUnavailableError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, true, options);
  }
}

export const isActiveUsdtPerpetual = (s: RawSymbol): boolean =>
  s.contractType === "PERPETUAL" && s.quoteAsset === "USDT" && s.status === "TRADING";

// Filters are looked up by filterType, never by position: their order is not a contract.
const filterNumber = (s: RawSymbol, type: string, key: string): number => {
  const f = s.filters?.find((x) => x.filterType === type);
  const v = f?.[key];
  return v === undefined ? NaN : Number(v);
};

export function selectUniverse(info: RawExchangeInfo): Universe {
  const symbols = (info.symbols ?? []).filter(isActiveUsdtPerpetual).map((s) => ({
    symbol: s.symbol ?? "",
    baseAsset: s.baseAsset ?? "",
    tickSize: filterNumber(s, "PRICE_FILTER", "tickSize"),
    stepSize: filterNumber(s, "LOT_SIZE", "stepSize"),
    minQty: filterNumber(s, "LOT_SIZE", "minQty"),
    marketMaxQty: filterNumber(s, "MARKET_LOT_SIZE", "maxQty"),
    minNotional: filterNumber(s, "MIN_NOTIONAL", "notional"),
  }));
  const weight = info.rateLimits?.find((r) => r.rateLimitType === "REQUEST_WEIGHT" && r.interval === "MINUTE");
  const perMinute = weight?.limit !== undefined ? weight.limit / (weight.intervalNum ?? 1) : 2400;
  return { symbols: symbols.filter((s) => s.symbol !== ""), weightPerMinute: perMinute };
}

/** Loads markets through ccxt (one GET /fapi/v1/exchangeInfo) and keeps the raw response for rateLimits. */
export async function loadUniverse(restUrl: string, timeoutMs = 10_000): Promise<Universe> {
  const ex = await createUsdmClient({ restUrl, timeoutMs });
  let raw: RawExchangeInfo | undefined;
  const implicit = ex as unknown as { fapiPublicGetExchangeInfo: (p?: object) => Promise<RawExchangeInfo> };
  const original = implicit.fapiPublicGetExchangeInfo.bind(ex);
  implicit.fapiPublicGetExchangeInfo = async (p) => (raw = await original(p));
  try {
    await ex.loadMarkets();
  } catch (e) {
    const why = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    throw new ExchangeUnavailableError(`cannot load markets from ${restUrl}/fapi/v1/exchangeInfo (${why.slice(0, 300)})`, { cause: e });
  }
  if (!raw?.symbols) throw new ExchangeUnavailableError(`${restUrl}/fapi/v1/exchangeInfo returned no symbols`);
  return selectUniverse(raw);
}
