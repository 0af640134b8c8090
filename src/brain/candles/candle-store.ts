/** Candle store: per symbol the last N closed 1m candles and 5m/15m/1h built from them, plus the forming 1m candle. */
import { type BucketStats, BucketBuilder, type CandleListener } from "./bucket-builder";
import { CandleSeries } from "./candle-series";
import { decimalsOf } from "./decimal-sum";
import { FormingCandle } from "./forming-candle";
import { TF, TF_MS } from "./timeframe";

export type { CandleListener } from "./bucket-builder";

/** One symbol's state, allocated the first time the symbol is seen and never again. */
class SymbolCandles {
  readonly series: readonly [CandleSeries, CandleSeries, CandleSeries, CandleSeries];
  readonly builders: readonly [BucketBuilder, BucketBuilder, BucketBuilder];
  readonly forming = new FormingCandle();
  /** Open time of the newest closed 1m candle taken. */
  lastClosedMs = -Infinity;

  constructor(
    symbolId: number,
    capacity1m: number,
    capacityHigher: number,
    listener: CandleListener,
    stats: BucketStats,
  ) {
    const m5 = new CandleSeries(capacityHigher, 5);
    const m15 = new CandleSeries(capacityHigher, 15);
    const h1 = new CandleSeries(capacityHigher, 60);
    this.series = [new CandleSeries(capacity1m, 1), m5, m15, h1];
    this.builders = [
      new BucketBuilder(m5, TF_MS[TF.M5], symbolId, TF.M5, listener, stats),
      new BucketBuilder(m15, TF_MS[TF.M15], symbolId, TF.M15, listener, stats),
      new BucketBuilder(h1, TF_MS[TF.H1], symbolId, TF.H1, listener, stats),
    ];
  }
}

/**
 * The caller delivers each symbol's closed 1m candles in order of open time (stream and backfill already merged
 * upstream); one that is not newer than the last taken is ignored and counted. The listener
 * hears 1m first, then 5m, 15m, 1h, each after its series was updated. No allocation per candle.
 */
export class CandleStore implements BucketStats {
  /** Closed 1m candles ignored because they were not newer than the symbol's last one. */
  ignored = 0;
  /** Forming updates ignored because their minute had already closed. */
  ignoredForming = 0;
  /** Calls with a symbol id outside [0, maxSymbols). */
  badSymbol = 0;
  droppedLeading = 0;
  readonly #symbols: (SymbolCandles | undefined)[];

  constructor(
    readonly maxSymbols: number,
    readonly capacity1m: number,
    readonly capacityHigher: number,
    readonly listener: CandleListener,
  ) {
    this.#symbols = new Array<SymbolCandles | undefined>(maxSymbols).fill(undefined);
  }

  onClosed1m(
    symbolId: number,
    openTimeMs: number,
    open: number,
    high: number,
    low: number,
    close: number,
    volume: number,
    quoteVolume: number,
    trades: number,
    takerBuyVolume: number,
  ): void {
    const s = this.#symbol(symbolId);
    if (s === undefined) return;
    if (!(openTimeMs > s.lastClosedMs)) {
      this.ignored++;
      return;
    }
    s.lastClosedMs = openTimeMs;
    const m1 = s.series[TF.M1];
    m1.push(openTimeMs, open, high, low, close, volume, quoteVolume, trades, takerBuyVolume, 1);
    this.listener.onCandleClosed(symbolId, TF.M1, m1);
    const dv = decimalsOf(volume);
    const dq = decimalsOf(quoteVolume);
    const dt = decimalsOf(takerBuyVolume);
    const [m5, m15, h1] = s.builders;
    m5.add(openTimeMs, open, high, low, close, volume, quoteVolume, trades, takerBuyVolume, dv, dq, dt);
    m15.add(openTimeMs, open, high, low, close, volume, quoteVolume, trades, takerBuyVolume, dv, dq, dt);
    h1.add(openTimeMs, open, high, low, close, volume, quoteVolume, trades, takerBuyVolume, dv, dq, dt);
  }

  onForming(
    symbolId: number,
    openTimeMs: number,
    open: number,
    high: number,
    low: number,
    close: number,
    volume: number,
    quoteVolume: number,
    trades: number,
    takerBuyVolume: number,
  ): void {
    const s = this.#symbol(symbolId);
    if (s === undefined) return;
    if (!(openTimeMs > s.lastClosedMs)) {
      this.ignoredForming++;
      return;
    }
    s.forming.set(openTimeMs, open, high, low, close, volume, quoteVolume, trades, takerBuyVolume);
  }

  /** Closed candles of one symbol and timeframe (TF.M1 … TF.H1); allocates the symbol on first use. */
  series(symbolId: number, tf: number): CandleSeries {
    const s = this.#inRange(symbolId) ? this.#symbol(symbolId) : undefined;
    const out = s?.series[tf];
    if (out === undefined) throw new RangeError(`no series for symbol ${symbolId}, timeframe ${tf}`);
    return out;
  }

  /** The symbol's forming 1m candle, or null when none is newer than its last closed minute. */
  forming(symbolId: number): FormingCandle | null {
    const s = this.#inRange(symbolId) ? this.#symbols[symbolId] : undefined;
    if (s === undefined || !(s.forming.openTimeMs > s.lastClosedMs)) return null;
    return s.forming;
  }

  /** Open time of the symbol's newest closed 1m candle (−Infinity before the first). */
  lastClosedMs(symbolId: number): number {
    const s = this.#inRange(symbolId) ? this.#symbols[symbolId] : undefined;
    return s === undefined ? -Infinity : s.lastClosedMs;
  }

  #inRange(symbolId: number): boolean {
    return symbolId >= 0 && symbolId < this.maxSymbols && Number.isInteger(symbolId);
  }

  /** The symbol's state, allocated on first use; undefined (and counted) for an id out of range. */
  #symbol(symbolId: number): SymbolCandles | undefined {
    if (!this.#inRange(symbolId)) {
      this.badSymbol++;
      return undefined;
    }
    let s = this.#symbols[symbolId];
    if (s === undefined) {
      s = new SymbolCandles(symbolId, this.capacity1m, this.capacityHigher, this.listener, this);
      this.#symbols[symbolId] = s;
    }
    return s;
  }
}
