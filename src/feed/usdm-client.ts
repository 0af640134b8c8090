/** ccxt binanceusdm pointed at one configured base URL: no other host is ever contacted. */
import type { binanceusdm } from "ccxt";

export interface UsdmClientOptions {
  restUrl: string;
  apiKey?: string;
  secret?: string;
  timeoutMs?: number;
}

/**
 * ccxt is imported lazily: it adds ~0.3–0.7 s and ~40 MB to whichever thread loads it (bun-notes §2.4),
 * and most threads never need it.
 */
export async function createUsdmClient(opts: UsdmClientOptions): Promise<binanceusdm> {
  const ccxt = await import("ccxt");
  class UsdmClient extends ccxt.binanceusdm {
    // ccxt picks its error table by URL prefix; at any URL but Binance's own it would fall back to the
    // generic table (e.g. -2019 as ExchangeError). Force the USDⓈ-M ("linear") table everywhere.
    override getExceptionsByUrl(_url: string | undefined, exactOrBroad: string) {
      return this.safeDict(this.safeDict(this.exceptions, "linear", {}), exactOrBroad, {});
    }
  }
  const ex = new UsdmClient({
    apiKey: opts.apiKey,
    secret: opts.secret,
    timeout: opts.timeoutMs ?? 10_000,
    enableRateLimit: true,
    rateLimiterAlgorithm: "rollingWindow",
    // Retries stay off: a resent order can fill twice. The engine decides what to retry.
    maxRetriesOnFailure: 0,
    options: {
      defaultType: "swap",
      fetchMarkets: { types: ["linear"] },
      fetchCurrencies: false, // with keys, loadMarkets() would call /sapi on api.binance.com
      fetchMargins: false,
      adjustForTimeDifference: true,
      recvWindow: 5_000,
      fetchOpenOrders: { warnWithoutSymbol: false },
      setMarginMode: { throwMarginModeAlreadySet: false },
    },
  });
  // Every REST key, not only the fapi ones: a key left alone would still point at binance.com.
  const api = ex.urls.api as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(api)) {
    if (typeof v === "string") api[k] = v.replace(/^https?:\/\/[^/]+/, opts.restUrl);
  }
  return ex;
}
