/** Payload field tables → one ring slot per event type (kline, aggTrade, bookTicker, markPriceUpdate). */
import { AGG_TRADE, BOOK_TICKER, F, KLINE, KLINE_SOURCE_STREAM, Kind, MARK_PRICE, SLOT_F64 } from "../../ring/layout";
import type { SymbolTable } from "../symbol-table";
import type { FieldTable } from "./field-table";
import { Tok } from "./json-scanner";

/** Result of one payload (or one entry of a markPrice array). */
export const Outcome = { None: 0, Record: 1, ParseError: 2, UnknownSymbol: 3, Ignored: 4, Control: 5 } as const;

// Payload keys by char code (one letter each, so the code indexes the field table).
const e = 101, E = 69, s = 115, k = 107;
const t = 116, o = 111, h = 104, l = 108, c = 99, v = 118, q = 113, n = 110, V = 86, x = 120;
const a = 97, p = 112, f = 102, T = 84, m = 109;
const u = 117, b = 98, B = 66, A = 65;
const i = 105, P = 80, r = 114;

/** The slot is reused: zero the fields this kind does not define so no value of an earlier record leaks. */
function clearFrom(slot: Float64Array, first: number): void {
  for (let j = first; j < SLOT_F64; j++) slot[j] = 0;
}

/** Writes E and the symbol last: a malformed field is a parse error even when the symbol is unknown. */
function finish(pay: FieldTable, symbols: SymbolTable, slot: Float64Array, bad: boolean): number {
  slot[F.eventTimeMs] = pay.num(E);
  const id = pay.symbolId(s, symbols);
  if (bad || pay.bad) return Outcome.ParseError;
  if (id < 0) return Outcome.UnknownSymbol;
  slot[F.symbolId] = id;
  return Outcome.Record;
}

export function writeKline(pay: FieldTable, kl: FieldTable, symbols: SymbolTable, slot: Float64Array): number {
  if (pay.typeOf(k) !== Tok.Obj) return Outcome.ParseError;
  const closed = kl.bool(x);
  slot[F.kind] = closed === 1 ? Kind.KlineClosed : Kind.Kline;
  slot[KLINE.openTimeMs] = kl.num(t);
  slot[KLINE.open] = kl.dec(o);
  slot[KLINE.high] = kl.dec(h);
  slot[KLINE.low] = kl.dec(l);
  slot[KLINE.close] = kl.dec(c);
  slot[KLINE.volume] = kl.dec(v);
  slot[KLINE.quoteVolume] = kl.dec(q);
  slot[KLINE.trades] = kl.num(n);
  slot[KLINE.takerBuyVolume] = kl.dec(V);
  slot[KLINE.closed] = closed;
  slot[KLINE.source] = KLINE_SOURCE_STREAM;
  clearFrom(slot, KLINE.source + 1);
  return finish(pay, symbols, slot, kl.bad);
}

export function writeAggTrade(pay: FieldTable, symbols: SymbolTable, slot: Float64Array): number {
  slot[F.kind] = Kind.AggTrade;
  slot[AGG_TRADE.tradeId] = pay.num(a);
  slot[AGG_TRADE.price] = pay.dec(p);
  slot[AGG_TRADE.qty] = pay.dec(q);
  slot[AGG_TRADE.firstTradeId] = pay.num(f);
  slot[AGG_TRADE.lastTradeId] = pay.num(l);
  slot[AGG_TRADE.tradeTimeMs] = pay.num(T);
  slot[AGG_TRADE.buyerIsMaker] = pay.bool(m);
  clearFrom(slot, AGG_TRADE.buyerIsMaker + 1);
  return finish(pay, symbols, slot, false);
}

export function writeBookTicker(pay: FieldTable, symbols: SymbolTable, slot: Float64Array): number {
  slot[F.kind] = Kind.BookTicker;
  slot[BOOK_TICKER.updateId] = pay.num(u);
  slot[BOOK_TICKER.bidPrice] = pay.dec(b);
  slot[BOOK_TICKER.bidQty] = pay.dec(B);
  slot[BOOK_TICKER.askPrice] = pay.dec(a);
  slot[BOOK_TICKER.askQty] = pay.dec(A);
  slot[BOOK_TICKER.transactTimeMs] = pay.num(T);
  clearFrom(slot, BOOK_TICKER.transactTimeMs + 1);
  return finish(pay, symbols, slot, false);
}

/** Mark price is required; index, settle price and funding rate may be "" (delivery contracts) or absent: NaN. */
export function writeMarkPrice(pay: FieldTable, symbols: SymbolTable, slot: Float64Array): number {
  slot[F.kind] = Kind.MarkPrice;
  slot[MARK_PRICE.markPrice] = pay.dec(p);
  slot[MARK_PRICE.indexPrice] = pay.optDec(i);
  slot[MARK_PRICE.fundingRate] = pay.optDec(r);
  slot[MARK_PRICE.nextFundingTimeMs] = pay.optNum(T);
  slot[MARK_PRICE.estSettlePrice] = pay.optDec(P);
  clearFrom(slot, MARK_PRICE.estSettlePrice + 1);
  return finish(pay, symbols, slot, false);
}

/** Dispatch on `e`; an unknown event type in valid JSON is ignored, a missing or non-string one is an error. */
export function writePayload(pay: FieldTable, kl: FieldTable, symbols: SymbolTable, slot: Float64Array): number {
  if (pay.strIs(e, "kline")) return writeKline(pay, kl, symbols, slot);
  if (pay.strIs(e, "aggTrade")) return writeAggTrade(pay, symbols, slot);
  if (pay.strIs(e, "bookTicker")) return writeBookTicker(pay, symbols, slot);
  if (pay.strIs(e, "markPriceUpdate")) return writeMarkPrice(pay, symbols, slot);
  const type = pay.typeOf(e);
  return type === Tok.Str || type === Tok.StrEsc ? Outcome.Ignored : Outcome.ParseError;
}
