/**
 * GET /fapi/v1/klines: closed rows plus the still-open candle when the range reaches now (docs §3.2). 1m is native;
 * 3m … 1d are aggregated from 1m rows on UTC-aligned buckets; 3d, 1w and 1M are rejected with -1120.
 */
import type { CandleBook } from "../market/candle-book";
import { MINUTE_MS } from "../../core/minute-set";
import { COL } from "../market/candle-series";
import { formingRow, klineRow, seriesRow } from "../wire/market-json";
import type { Query } from "./query";
import { restErrors } from "./rest-errors";

export const KLINE_PARAMS = ["symbol", "interval", "startTime", "endTime", "limit"] as const;
const MAX_LIMIT = 1500;

const INTERVAL_MS: Record<string, number> = {
  "1m": 1, "3m": 3, "5m": 5, "15m": 15, "30m": 30, "1h": 60, "2h": 120, "4h": 240, "6h": 360, "8h": 480, "12h": 720, "1d": 1440,
};

/** Weight by limit: 1–99 → 1, 100–499 → 2, 500–1000 → 5, above → 10 (the default limit 500 costs 5). */
export function klinesWeight(limit: number | undefined): number {
  const l = limit ?? 500;
  return l < 100 ? 1 : l < 500 ? 2 : l <= 1000 ? 5 : 10;
}

/** The JSON array text of the request's rows. `listed` symbols outside the market answer []. */
export function klinesBody(book: CandleBook, query: Query, listed: Set<string>): string {
  const symbol = query.required("symbol");
  const interval = query.required("interval");
  const startTime = query.int("startTime");
  const endTime = query.int("endTime");
  const limit = query.int("limit") ?? 500;
  const i = book.index.get(symbol);
  if (i === undefined && !listed.has(symbol)) throw restErrors.invalidSymbol();
  const minutes = INTERVAL_MS[interval];
  if (minutes === undefined) throw restErrors.invalidInterval();
  if (limit < 1 || limit > MAX_LIMIT) throw restErrors.invalidParam("limit");
  if (startTime !== undefined && endTime !== undefined && startTime > endTime) throw restErrors.startAfterEnd();
  if (i === undefined) return "[]";
  return minutes === 1 ? oneMinute(book, i, startTime, endTime, limit) : aggregated(book, i, minutes * MINUTE_MS, startTime, endTime, limit);
}

/** 1m rows as a virtual array: closed rows [0, visible), then the forming candle when there is one. */
function rowCount(book: CandleBook, i: number): number {
  return book.visible[i]! + book.forming[i]!;
}

function rowTime(book: CandleBook, i: number, k: number): number {
  return k < book.visible[i]! ? book.series[i]!.get(k, COL.t) : book.minuteOpen;
}

function lowerBound(book: CandleBook, i: number, t: number): number {
  const visible = book.visible[i]!;
  const k = book.series[i]!.lowerBound(t, visible);
  return k < visible || book.forming[i] === 0 || book.minuteOpen >= t ? k : k + 1;
}

function oneMinute(book: CandleBook, i: number, startTime: number | undefined, endTime: number | undefined, limit: number): string {
  const end = endTime === undefined ? rowCount(book, i) : lowerBound(book, i, endTime + 1);
  const from = startTime === undefined ? Math.max(0, end - limit) : lowerBound(book, i, startTime);
  const to = Math.min(end, from + limit);
  const spec = book.specs[i]!;
  const rows: string[] = [];
  for (let k = from; k < to; k++) rows.push(k < book.visible[i]! ? seriesRow(spec, book.series[i]!, k) : formingRow(book, i));
  return `[${rows.join(",")}]`;
}

function aggregated(book: CandleBook, i: number, span: number, startTime: number | undefined, endTime: number | undefined, limit: number): string {
  const count = rowCount(book, i);
  if (count === 0) return "[]";
  const lastOpen = Math.floor(Math.min(endTime ?? Number.MAX_SAFE_INTEGER, rowTime(book, i, count - 1)) / span) * span;
  const firstBucket = startTime === undefined ? lastOpen - (limit - 1) * span : Math.ceil(startTime / span) * span;
  const end = lowerBound(book, i, lastOpen + span);
  const spec = book.specs[i]!;
  const series = book.series[i]!;
  const visible = book.visible[i]!;
  const rows: string[] = [];
  let k = lowerBound(book, i, firstBucket);
  while (k < end && rows.length < limit) {
    const bucket = Math.floor(rowTime(book, i, k) / span) * span;
    let o = 0, h = -Infinity, l = Infinity, c = 0, v = 0, q = 0, n = 0, V = 0, Q = 0;
    for (let first = true; k < end && Math.floor(rowTime(book, i, k) / span) * span === bucket; k++, first = false) {
      const live = k >= visible;
      const get = (col: number, arr: Float64Array) => (live ? arr[i]! : series.get(k, col));
      if (first) o = get(COL.o, book.o);
      h = Math.max(h, get(COL.h, book.h));
      l = Math.min(l, get(COL.l, book.l));
      c = get(COL.c, book.c);
      v += get(COL.v, book.v);
      q += get(COL.q, book.q);
      n += get(COL.n, book.trades);
      V += get(COL.V, book.V);
      Q += get(COL.Q, book.Q);
    }
    rows.push(klineRow(spec, bucket, o, h, l, c, v, q, n, V, Q, span));
  }
  return `[${rows.join(",")}]`;
}
