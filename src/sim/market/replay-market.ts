/**
 * Replay of kline files: each row's minute is synthesized as a few pushes along o → low/high → high/low → c,
 * and the closing frame equals the file row. REST sees a row once its minute has closed.
 */
import { powerOfTenText } from "../decimals";
import { makeSpec, type SymbolSpec } from "../exchange/symbol-spec";
import type { SimFaults } from "../sim-options";
import { MINUTE_MS } from "../../core/minute-set";
import { CandleBook } from "./candle-book";
import { COL, ROW } from "./candle-series";
import { type Market, type MarketSink, pushLagMs, SLOT_MS } from "./market";
import type { ReplaySymbol } from "./replay-csv";

const SLOTS = MINUTE_MS / SLOT_MS;
const MAX_PUSHES = 8;

export function replaySpecs(symbols: ReplaySymbol[]): SymbolSpec[] {
  return symbols.map((r) => ({
    ...makeSpec({
      symbol: r.symbol,
      base: r.symbol.replace(/USDT$/, ""),
      tickText: powerOfTenText(-r.priceDecimals),
      stepText: powerOfTenText(-r.qtyDecimals),
      minNotional: 5,
      startPrice: r.series.get(0, COL.o) || 1,
      activity: 1,
      volFactor: 1,
    }),
    quoteDecimals: r.quoteDecimals,
  }));
}

export class ReplayMarket implements Market {
  readonly book: CandleBook;
  readonly firstTickMs: number;
  /** Row of the current minute (or the next future row) per symbol. */
  readonly #cursor: Int32Array;
  /** Pushes planned this minute and pushes done. */
  readonly #pushes: Int32Array;
  readonly #done: Int32Array;
  readonly #tradeId: Float64Array;
  readonly #scale: Float64Array;

  constructor(symbols: ReplaySymbol[], startOffsetMinutes: number, private readonly faults: SimFaults) {
    const specs = replaySpecs(symbols);
    this.book = new CandleBook(specs, symbols.map((r) => r.series));
    const n = specs.length;
    this.#cursor = new Int32Array(n);
    this.#pushes = new Int32Array(n);
    this.#done = new Int32Array(n);
    this.#tradeId = Float64Array.from(specs, (_, i) => 1_000_000 * (i + 1));
    this.#scale = Float64Array.from(symbols, (r) => 10 ** r.priceDecimals);
    const first = Math.min(...symbols.map((r) => r.series.get(0, COL.t)));
    const startMinute = Math.floor(first / MINUTE_MS) * MINUTE_MS + startOffsetMinutes * MINUTE_MS;
    this.firstTickMs = startMinute + SLOT_MS;
    this.#openMinute(startMinute);
  }

  tick(tickMs: number, sink: MarketSink): void {
    const book = this.book;
    const slot = (tickMs - book.minuteOpen) / SLOT_MS;
    if (slot >= SLOTS) {
      this.#closeMinute(tickMs, sink);
      return;
    }
    for (let i = 0; i < book.n; i++) {
      const planned = this.#pushes[i]!;
      if (book.forming[i] === 0 || this.#done[i]! >= planned) continue;
      const next = this.#done[i]! + 1;
      if (slot < Math.round((next * SLOTS) / (planned + 1))) continue;
      this.#done[i] = next;
      this.#push(i, next / (planned + 1), tickMs, sink);
    }
  }

  /** Sets the forming candle to fraction `phi` of row's minute and emits its frames. */
  #push(i: number, phi: number, tickMs: number, sink: MarketSink): void {
    const book = this.book;
    const d = book.series[i]!.data;
    const b = this.#cursor[i]! * ROW;
    const o = d[b + COL.o]!;
    const h = d[b + COL.h]!;
    const l = d[b + COL.l]!;
    const c = d[b + COL.c]!;
    // dip first on an up candle, rally first on a down one
    const [e1, e2] = c >= o ? [l, h] : [h, l];
    const price = this.#onPath(i, phi, o, e1, e2, c);
    const prevV = book.v[i]!;
    const qd = book.specs[i]!.qtyDecimals;
    const v = Math.floor(d[b + COL.v]! * phi * 10 ** qd) / 10 ** qd;
    const n = Math.max(1, Math.floor(d[b + COL.n]! * phi));
    if (book.trades[i] === 0) {
      book.f[i] = this.#tradeId[i]!;
      book.h[i] = book.l[i] = o;
    }
    if (price > book.h[i]!) book.h[i] = price;
    if (price < book.l[i]!) book.l[i] = price;
    const firstNew = book.L[i]! < 0 ? book.f[i]! : book.L[i]! + 1;
    book.c[i] = price;
    book.v[i] = v;
    book.q[i] = d[b + COL.q]! * phi;
    book.trades[i] = n;
    book.V[i] = Math.min(v, d[b + COL.V]! * phi);
    book.Q[i] = d[b + COL.Q]! * phi;
    book.L[i] = book.f[i]! + n - 1;
    book.lastQty[i] = v - prevV;
    const tradeMs = tickMs - SLOT_MS + 100;
    if (sink.wantsAggTrade(i)) {
      sink.aggTrade(i, tradeMs + pushLagMs(i), book.L[i]!, price, Math.max(0, v - prevV), firstNew, book.L[i]!, tradeMs, price < o);
    }
    if (sink.wantsKline(i)) sink.kline(i, tickMs + pushLagMs(i), false);
  }

  /** Price at fraction phi of the path o → e1 → e2 → c, on the file's price grid. */
  #onPath(i: number, phi: number, o: number, e1: number, e2: number, c: number): number {
    const legs = [Math.abs(e1 - o), Math.abs(e2 - e1), Math.abs(c - e2)];
    const total = legs[0]! + legs[1]! + legs[2]!;
    let dist = phi * total;
    const points = [o, e1, e2, c];
    let p = o;
    for (let k = 0; k < 3; k++) {
      const len = legs[k]!;
      if (dist <= len || k === 2) {
        const a = points[k]!;
        const z = points[k + 1]!;
        p = len === 0 ? z : a + ((z - a) * Math.min(dist, len)) / len;
        break;
      }
      dist -= len;
    }
    const scale = this.#scale[i]!;
    return Math.round(p * scale) / scale;
  }

  #closeMinute(boundaryMs: number, sink: MarketSink): void {
    const book = this.book;
    const closeEmpty = this.faults.closeEmptyMinutes;
    for (let i = 0; i < book.n; i++) {
      if (book.forming[i] === 0) continue;
      const d = book.series[i]!.data;
      const b = this.#cursor[i]! * ROW;
      const n = d[b + COL.n]!;
      // the closing frame is the file row exactly
      book.o[i] = d[b + COL.o]!;
      book.h[i] = d[b + COL.h]!;
      book.l[i] = d[b + COL.l]!;
      book.c[i] = d[b + COL.c]!;
      book.v[i] = d[b + COL.v]!;
      book.q[i] = d[b + COL.q]!;
      book.trades[i] = n;
      book.V[i] = d[b + COL.V]!;
      book.Q[i] = d[b + COL.Q]!;
      if (n > 0) {
        if (book.f[i]! < 0) book.f[i] = this.#tradeId[i]!;
        book.L[i] = book.f[i]! + n - 1;
        this.#tradeId[i] = book.L[i]! + 1;
      }
      if ((n > 0 || closeEmpty) && sink.wantsKline(i)) sink.kline(i, boundaryMs + pushLagMs(i), true);
    }
    this.#openMinute(boundaryMs);
  }

  #openMinute(minuteMs: number): void {
    const book = this.book;
    book.minuteOpen = minuteMs;
    for (let i = 0; i < book.n; i++) {
      const series = book.series[i]!;
      const k = series.lowerBound(minuteMs);
      this.#cursor[i] = k;
      book.visible[i] = k;
      this.#done[i] = 0;
      if (k < series.length && series.get(k, COL.t) === minuteMs) {
        const n = series.get(k, COL.n);
        book.openFlat(i, series.get(k, COL.o));
        this.#pushes[i] = n > 0 ? Math.min(MAX_PUSHES, n) : 0;
      } else {
        book.forming[i] = 0;
        this.#pushes[i] = 0;
      }
    }
  }
}
