/** Binance market payloads as strings built with template literals: one string per frame, no object trees. */
import type { CandleBook } from "../market/candle-book";
import { COL, ROW, type CandleSeries } from "../market/candle-series";
import type { SymbolSpec } from "../exchange/symbol-spec";

/** `<s>@kline_1m` payload for the forming candle of symbol i (docs §2.1). */
export function klinePayload(book: CandleBook, i: number, eventMs: number, closed: boolean): string {
  const s = book.specs[i]!;
  return `{"e":"kline","E":${eventMs},"s":"${s.symbol}","k":${klineBody(s, book.minuteOpen, book.f[i]!, book.L[i]!, book.o[i]!, book.c[i]!, book.h[i]!, book.l[i]!, book.v[i]!, book.trades[i]!, closed, book.q[i]!, book.V[i]!, book.Q[i]!)}}`;
}

/** The `k` object of a 1m kline frame, decimals as the symbol's filters write them. */
export function klineBody(
  s: SymbolSpec,
  t: number,
  f: number,
  L: number,
  o: number,
  c: number,
  h: number,
  l: number,
  v: number,
  n: number,
  closed: boolean,
  q: number,
  V: number,
  Q: number,
): string {
  const pd = s.priceDecimals;
  const qd = s.qtyDecimals;
  return `{"t":${t},"T":${t + 59_999},"s":"${s.symbol}","i":"1m","f":${f},"L":${L},"o":"${o.toFixed(pd)}","c":"${c.toFixed(pd)}","h":"${h.toFixed(pd)}","l":"${l.toFixed(pd)}","v":"${v.toFixed(qd)}","n":${n},"x":${closed},"q":"${q.toFixed(s.quoteDecimals)}","V":"${V.toFixed(qd)}","Q":"${Q.toFixed(s.quoteDecimals)}","B":"0"}`;
}

/** `<s>@aggTrade` payload (docs §2.2, with `nq`). */
export function aggTradePayload(
  spec: SymbolSpec,
  eventMs: number,
  aggId: number,
  price: number,
  qty: number,
  firstId: number,
  lastId: number,
  tradeMs: number,
  buyerMaker: boolean,
): string {
  const q = qty.toFixed(spec.qtyDecimals);
  return `{"e":"aggTrade","E":${eventMs},"a":${aggId},"s":"${spec.symbol}","p":"${price.toFixed(spec.priceDecimals)}","q":"${q}","nq":"${q}","f":${firstId},"l":${lastId},"T":${tradeMs},"m":${buyerMaker}}`;
}

/** One REST kline row (docs §3.2): 12 columns, times and count as integers, the rest as strings. */
export function klineRow(spec: SymbolSpec, t: number, o: number, h: number, l: number, c: number, v: number, q: number, n: number, V: number, Q: number, spanMs = 60_000): string {
  const pd = spec.priceDecimals;
  const qd = spec.qtyDecimals;
  const qq = spec.quoteDecimals;
  return `[${t},"${o.toFixed(pd)}","${h.toFixed(pd)}","${l.toFixed(pd)}","${c.toFixed(pd)}","${v.toFixed(qd)}",${t + spanMs - 1},"${q.toFixed(qq)}",${n},"${V.toFixed(qd)}","${Q.toFixed(qq)}","0"]`;
}

/** Row k of a series as a REST kline row. */
export function seriesRow(spec: SymbolSpec, series: CandleSeries, k: number): string {
  const d = series.data;
  const b = k * ROW;
  return klineRow(spec, d[b + COL.t]!, d[b + COL.o]!, d[b + COL.h]!, d[b + COL.l]!, d[b + COL.c]!, d[b + COL.v]!, d[b + COL.q]!, d[b + COL.n]!, d[b + COL.V]!, d[b + COL.Q]!);
}

/** The forming candle of symbol i as a REST kline row. */
export function formingRow(book: CandleBook, i: number): string {
  return klineRow(book.specs[i]!, book.minuteOpen, book.o[i]!, book.h[i]!, book.l[i]!, book.c[i]!, book.v[i]!, book.q[i]!, book.trades[i]!, book.V[i]!, book.Q[i]!);
}
