/**
 * The REST side: routes, weight (X-MBX-USED-WEIGHT-1M on every response, 429/418 past the limit), the 503 fault,
 * and Binance error bodies. Market data is brought up to the current sim time before each answer.
 */
import type { CandleBook } from "../market/candle-book";
import type { MarkPrices } from "../market/mark-prices";
import type { Prng } from "../prng";
import type { SimFaults, SimStats } from "../sim-options";
import { KLINE_PARAMS, klinesBody, klinesWeight } from "./klines";
import { premiumIndexJson, tickerJson } from "./market-endpoints";
import { Query } from "./query";
import { BinanceRestError, errorBody, restErrors } from "./rest-errors";
import type { WeightLimiter } from "./weight-limiter";

export interface RestDeps {
  book: CandleBook;
  marks: MarkPrices;
  limiter: WeightLimiter;
  exchangeInfo(nowMs: number): string;
  listed: Set<string>;
  faults: SimFaults;
  stats: SimStats;
  rng: Prng;
  simNowMs(): number;
  /** Runs the market up to the current sim time, so REST and the streams agree. */
  advance(): void;
}

interface Route {
  params: readonly string[];
  weight(q: Query): number;
  body(q: Query, d: RestDeps): string;
}

function symbolIndex(d: RestDeps, symbol: string): number {
  const i = d.book.index.get(symbol);
  if (i === undefined) throw restErrors.invalidSymbol();
  return i;
}

const ROUTES: Record<string, Route> = {
  "/fapi/v1/ping": { params: [], weight: () => 1, body: () => "{}" },
  "/fapi/v1/time": { params: [], weight: () => 1, body: (_q, d) => `{"serverTime":${d.simNowMs()}}` },
  "/fapi/v1/exchangeInfo": { params: [], weight: () => 1, body: (_q, d) => d.exchangeInfo(d.simNowMs()) },
  "/fapi/v1/klines": {
    params: KLINE_PARAMS,
    weight: (q) => klinesWeight(q.int("limit")),
    body: (q, d) => klinesBody(d.book, q, d.listed),
  },
  "/fapi/v1/ticker/24hr": {
    params: ["symbol"],
    weight: (q) => (q.get("symbol") === undefined ? 40 : 1),
    body: (q, d) => {
      const now = d.simNowMs();
      const symbol = q.get("symbol");
      if (symbol !== undefined) return tickerJson(d.book, symbolIndex(d, symbol), now) ?? "{}";
      const all: string[] = [];
      for (let i = 0; i < d.book.n; i++) {
        const t = tickerJson(d.book, i, now);
        if (t !== null) all.push(t);
      }
      return `[${all.join(",")}]`;
    },
  },
  "/fapi/v1/premiumIndex": {
    params: ["symbol"],
    weight: (q) => (q.get("symbol") === undefined ? 10 : 1),
    body: (q, d) => {
      const now = d.simNowMs();
      const symbol = q.get("symbol");
      if (symbol !== undefined) return premiumIndexJson(d.book, d.marks, symbolIndex(d, symbol), now);
      const all: string[] = [];
      for (let i = 0; i < d.book.n; i++) if (d.book.c[i]! > 0) all.push(premiumIndexJson(d.book, d.marks, i, now));
      return `[${all.join(",")}]`;
    },
  },
};

export function restHandler(d: RestDeps): (req: Request, url: URL) => Response {
  const respond = (status: number, body: string, extra?: Record<string, string>) =>
    new Response(body, {
      status,
      headers: { "Content-Type": "application/json", "X-MBX-USED-WEIGHT-1M": String(d.limiter.used()), ...extra },
    });
  const fail = (e: BinanceRestError) => respond(e.status, errorBody(e.code, e.message));

  return (req, url) => {
    d.stats.restRequests++;
    const route = req.method === "GET" ? ROUTES[url.pathname] : undefined;
    let query: Query | undefined;
    let weight = 1;
    let early: BinanceRestError | undefined;
    try {
      if (!route) throw restErrors.unknownPath(req.method, url.pathname);
      query = new Query(url, route.params);
      weight = route.weight(query);
    } catch (e) {
      if (!(e instanceof BinanceRestError)) throw e;
      early = e;
    }
    const verdict = d.limiter.charge(weight);
    if (verdict.kind !== "ok") {
      d.stats.rateLimited++;
      const retry = { "Retry-After": String(verdict.retryAfterS) };
      if (verdict.kind === "banned") {
        const msg = `Way too many requests; IP banned until ${verdict.untilMs}. Please use the websocket for live updates to avoid bans.`;
        return respond(418, errorBody(-1003, msg), retry);
      }
      const msg = `Too many requests; current limit is ${d.limiter.limit} requests per minute. Please use the websocket for live updates to avoid polling the API.`;
      return respond(429, errorBody(-1003, msg), retry);
    }
    if (early || !route || !query) return fail(early ?? restErrors.unknown());
    if (d.faults.restErrorFraction > 0 && d.rng.next() < d.faults.restErrorFraction) return fail(restErrors.internal());
    try {
      d.advance();
      return respond(200, route.body(query, d));
    } catch (e) {
      if (e instanceof BinanceRestError) return fail(e);
      throw e;
    }
  };
}
