/** Reference for the stream parser: the expected outcome and slot of a frame, computed from JSON.parse alone. */
import { AGG_TRADE, BOOK_TICKER, F, KLINE, KLINE_SOURCE_STREAM, Kind, MARK_PRICE, SLOT_F64 } from "../../../src/ring/layout";
import type { SymbolTable } from "../../../src/feed/symbol-table";

export type Outcome = "record" | "parseError" | "unknownSymbol" | "ignored" | "control";
export interface Expected {
  outcome: Outcome;
  /** One per record (a markPrice array yields several), each SLOT_F64 long. */
  slots: Float64Array[];
  /** Per-entry outcomes of an array frame. */
  entries: Outcome[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Field rules stated independently of the parser: numbers are finite JSON numbers, decimals match DECIMAL. */
class Fields {
  bad = false;
  constructor(readonly o: Obj) {}
  num(key: string): number {
    const v = this.o[key];
    if (typeof v === "number" && Number.isFinite(v)) return v;
    this.bad = true;
    return Number.NaN;
  }
  optNum(key: string): number {
    const v = this.o[key];
    return v === undefined || v === null ? Number.NaN : this.num(key);
  }
  dec(key: string): number {
    const v = this.o[key];
    if (typeof v === "string" && DECIMAL.test(v) && Number.isFinite(Number(v))) return Number(v);
    this.bad = true;
    return Number.NaN;
  }
  optDec(key: string): number {
    const v = this.o[key];
    return v === undefined || v === null || v === "" ? Number.NaN : this.dec(key);
  }
  bool(key: string): number {
    const v = this.o[key];
    if (v === true) return 1;
    if (v === false) return 0;
    this.bad = true;
    return Number.NaN;
  }
}

function payload(o: Obj, symbols: SymbolTable, recvUs: number): { outcome: Outcome; slot?: Float64Array } {
  if (typeof o.e !== "string") return { outcome: "parseError" };
  const slot = new Float64Array(SLOT_F64);
  const p = new Fields(o);
  let k: Fields | null = null;
  switch (o.e) {
    case "kline": {
      if (!isObj(o.k)) return { outcome: "parseError" };
      k = new Fields(o.k);
      const closed = k.bool("x");
      slot[F.kind] = closed === 1 ? Kind.KlineClosed : Kind.Kline;
      slot[KLINE.openTimeMs] = k.num("t");
      slot[KLINE.open] = k.dec("o");
      slot[KLINE.high] = k.dec("h");
      slot[KLINE.low] = k.dec("l");
      slot[KLINE.close] = k.dec("c");
      slot[KLINE.volume] = k.dec("v");
      slot[KLINE.quoteVolume] = k.dec("q");
      slot[KLINE.trades] = k.num("n");
      slot[KLINE.takerBuyVolume] = k.dec("V");
      slot[KLINE.closed] = closed;
      slot[KLINE.source] = KLINE_SOURCE_STREAM;
      break;
    }
    case "aggTrade":
      slot[F.kind] = Kind.AggTrade;
      slot[AGG_TRADE.tradeId] = p.num("a");
      slot[AGG_TRADE.price] = p.dec("p");
      slot[AGG_TRADE.qty] = p.dec("q");
      slot[AGG_TRADE.firstTradeId] = p.num("f");
      slot[AGG_TRADE.lastTradeId] = p.num("l");
      slot[AGG_TRADE.tradeTimeMs] = p.num("T");
      slot[AGG_TRADE.buyerIsMaker] = p.bool("m");
      break;
    case "bookTicker":
      slot[F.kind] = Kind.BookTicker;
      slot[BOOK_TICKER.updateId] = p.num("u");
      slot[BOOK_TICKER.bidPrice] = p.dec("b");
      slot[BOOK_TICKER.bidQty] = p.dec("B");
      slot[BOOK_TICKER.askPrice] = p.dec("a");
      slot[BOOK_TICKER.askQty] = p.dec("A");
      slot[BOOK_TICKER.transactTimeMs] = p.num("T");
      break;
    case "markPriceUpdate":
      slot[F.kind] = Kind.MarkPrice;
      slot[MARK_PRICE.markPrice] = p.dec("p");
      slot[MARK_PRICE.indexPrice] = p.optDec("i");
      slot[MARK_PRICE.fundingRate] = p.optDec("r");
      slot[MARK_PRICE.nextFundingTimeMs] = p.optNum("T");
      slot[MARK_PRICE.estSettlePrice] = p.optDec("P");
      break;
    default:
      return { outcome: "ignored" };
  }
  slot[F.eventTimeMs] = p.num("E");
  if (p.bad || k?.bad || typeof o.s !== "string") return { outcome: "parseError" };
  const id = symbols.idOf(o.s);
  if (id < 0) return { outcome: "unknownSymbol" };
  slot[F.symbolId] = id;
  slot[F.recvTimeUs] = recvUs;
  return { outcome: "record", slot };
}

export function expectedFor(text: string, symbols: SymbolTable, recvUs: number): Expected {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { outcome: "parseError", slots: [], entries: [] };
  }
  let body: unknown = v;
  if (isObj(v)) {
    if ("data" in v) body = v.data;
    else if (!("e" in v) && "code" in v) return { outcome: "control", slots: [], entries: [] };
    else if (!("e" in v) && "result" in v) return { outcome: "control", slots: [], entries: [] };
  }
  if (Array.isArray(body)) {
    const slots: Float64Array[] = [];
    const entries = body.map((entry): Outcome => {
      if (!isObj(entry)) return "parseError";
      if (entry.e !== "markPriceUpdate") return typeof entry.e === "string" ? "ignored" : "parseError";
      const r = payload(entry, symbols, recvUs);
      if (r.slot) slots.push(r.slot);
      return r.outcome;
    });
    return { outcome: "record", slots, entries };
  }
  if (!isObj(body)) return { outcome: "parseError", slots: [], entries: [] };
  const r = payload(body, symbols, recvUs);
  return { outcome: r.outcome, slots: r.slot ? [r.slot] : [], entries: [] };
}

/** Index of the first field whose bits differ (Object.is: NaN equals NaN, 0 differs from -0), or -1. */
export function firstDifference(a: Float64Array, b: Float64Array): number {
  for (let i = 0; i < SLOT_F64; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}
