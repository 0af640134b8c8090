/** REST market data other than klines: ticker/24hr (rolling 24 h of 1m rows) and premiumIndex (docs §3.3). */
import type { CandleBook } from "../market/candle-book";
import { MINUTE_MS } from "../../core/minute-set";
import { COL, ROW } from "../market/candle-series";
import type { MarkPrices } from "../market/mark-prices";

const DAY_MS = 86_400_000;

/** One symbol's 24 h ticker as JSON text, or null when the symbol has no price yet (replay before its first row). */
export function tickerJson(book: CandleBook, i: number, nowMs: number): string | null {
  const spec = book.specs[i]!;
  const series = book.series[i]!;
  const visible = book.visible[i]!;
  const from = series.lowerBound(book.minuteOpen - DAY_MS + MINUTE_MS, visible);
  const live = book.forming[i] === 1;
  if (from === visible && !live) return null;
  const d = series.data;
  let open = from < visible ? d[from * ROW + COL.o]! : book.o[i]!;
  let high = -Infinity, low = Infinity, v = 0, q = 0, n = 0;
  for (let k = from; k < visible; k++) {
    const b = k * ROW;
    high = Math.max(high, d[b + COL.h]!);
    low = Math.min(low, d[b + COL.l]!);
    v += d[b + COL.v]!;
    q += d[b + COL.q]!;
    n += d[b + COL.n]!;
  }
  let last = visible > 0 ? d[(visible - 1) * ROW + COL.c]! : open;
  if (live) {
    high = Math.max(high, book.h[i]!);
    low = Math.min(low, book.l[i]!);
    v += book.v[i]!;
    q += book.q[i]!;
    n += book.trades[i]!;
    last = book.c[i]!;
  }
  if (open === 0) open = last;
  const pd = spec.priceDecimals;
  const lastId = Math.max(0, book.L[i]!);
  const change = last - open;
  return `{"symbol":"${spec.symbol}","priceChange":"${change.toFixed(pd)}","priceChangePercent":"${((change / open) * 100).toFixed(3)}","weightedAvgPrice":"${(v > 0 ? q / v : last).toFixed(pd)}","lastPrice":"${last.toFixed(pd)}","lastQty":"${book.lastQty[i]!.toFixed(spec.qtyDecimals)}","openPrice":"${open.toFixed(pd)}","highPrice":"${high.toFixed(pd)}","lowPrice":"${low.toFixed(pd)}","volume":"${v.toFixed(spec.qtyDecimals)}","quoteVolume":"${q.toFixed(spec.quoteDecimals)}","openTime":${nowMs - DAY_MS},"closeTime":${nowMs},"firstId":${Math.max(0, lastId - n + 1)},"lastId":${lastId},"count":${n}}`;
}

export function premiumIndexJson(book: CandleBook, marks: MarkPrices, i: number, nowMs: number): string {
  const index = marks.index(i).toFixed(8);
  return `{"symbol":"${book.specs[i]!.symbol}","markPrice":"${marks.mark(i).toFixed(8)}","indexPrice":"${index}","estimatedSettlePrice":"${index}","lastFundingRate":"${marks.fundingRate(i).toFixed(8)}","interestRate":"0.00010000","nextFundingTime":${marks.nextFundingMs(nowMs)},"time":${nowMs}}`;
}
