/** Every market symbol's closed candles (REST history) and its forming candle, indexed by a dense symbol id. */
import type { SymbolSpec } from "../exchange/symbol-spec";
import { CandleSeries } from "./candle-series";

import { MINUTE_MS } from "../../core/minute-set";

export class CandleBook {
  readonly n: number;
  /** Open time of the forming candles (one minute for all symbols). */
  minuteOpen = 0;
  /** Forming candle per symbol; f/L = first/last trade id, -1 when the minute has had no trade. */
  readonly o: Float64Array;
  readonly h: Float64Array;
  readonly l: Float64Array;
  readonly c: Float64Array;
  readonly v: Float64Array;
  readonly q: Float64Array;
  readonly trades: Float64Array;
  readonly V: Float64Array;
  readonly Q: Float64Array;
  readonly f: Float64Array;
  readonly L: Float64Array;
  /** 1 when the symbol has a forming candle this minute (replay files may not cover every minute). */
  readonly forming: Uint8Array;
  /** Quantity of the last trade (ticker/24hr lastQty). */
  readonly lastQty: Float64Array;
  readonly series: CandleSeries[];
  /** Rows of `series` that are closed and visible through REST (a replay series holds future rows too). */
  readonly visible: Int32Array;
  readonly index: Map<string, number>;
  /** Closed rows kept per symbol by closeForming (trimmed in chunks of up to a day). */
  retainRows = Number.POSITIVE_INFINITY;

  constructor(readonly specs: SymbolSpec[], series?: CandleSeries[]) {
    const n = (this.n = specs.length);
    const arr = () => new Float64Array(n);
    this.o = arr();
    this.h = arr();
    this.l = arr();
    this.c = arr();
    this.v = arr();
    this.q = arr();
    this.trades = arr();
    this.V = arr();
    this.Q = arr();
    this.f = arr();
    this.L = arr();
    this.lastQty = arr();
    this.forming = new Uint8Array(n);
    this.visible = new Int32Array(n);
    this.series = series ?? specs.map(() => new CandleSeries());
    this.index = new Map(specs.map((s, i) => [s.symbol, i]));
  }

  /** Opens a zero-trade candle at `price` for the current minute. */
  openFlat(i: number, price: number): void {
    this.o[i] = this.h[i] = this.l[i] = this.c[i] = price;
    this.v[i] = this.q[i] = this.trades[i] = this.V[i] = this.Q[i] = 0;
    this.f[i] = this.L[i] = -1;
    this.forming[i] = 1;
  }

  /** Applies one aggregated trade to the forming candle. */
  trade(i: number, price: number, qty: number, count: number, firstId: number, takerBuy: boolean): void {
    // Binance's open is the minute's first trade, not the previous close
    if (this.trades[i] === 0) {
      this.f[i] = firstId;
      this.o[i] = this.h[i] = this.l[i] = price;
    }
    if (price > (this.h[i] ?? 0)) this.h[i] = price;
    if (price < (this.l[i] ?? 0)) this.l[i] = price;
    this.c[i] = price;
    this.v[i]! += qty;
    this.q[i]! += price * qty;
    this.trades[i]! += count;
    this.L[i] = firstId + count - 1;
    this.lastQty[i] = qty;
    if (takerBuy) {
      this.V[i]! += qty;
      this.Q[i]! += price * qty;
    }
  }

  /** Appends the forming candle to the history as a closed row. */
  closeForming(i: number): void {
    const s = this.series[i]!;
    s.push(this.minuteOpen, this.o[i]!, this.h[i]!, this.l[i]!, this.c[i]!, this.v[i]!, this.q[i]!, this.trades[i]!, this.V[i]!, this.Q[i]!);
    // trim in chunks (up to a day) so the copy is rare
    if (s.length >= this.retainRows + Math.min(1440, this.retainRows)) s.dropOldest(s.length - this.retainRows);
    this.visible[i] = s.length;
  }
}
