/** Builds one symbol's candles of one higher timeframe from its closed 1m candles, as Binance forms them. */
import type { CandleSeries } from "./candle-series";
import { DecimalSum } from "./decimal-sum";
import { MINUTE_MS } from "./timeframe";

/** Told once per closed candle per timeframe, after `series` (that symbol's series of `tf`) holds it. */
export interface CandleListener {
  onCandleClosed(symbolId: number, tf: number, series: CandleSeries): void;
}

/** Counters shared by every builder of one store. */
export interface BucketStats {
  /** Leading buckets not emitted because the symbol's first 1m candle fell inside them. */
  droppedLeading: number;
}

/**
 * Buckets start on UTC multiples of the timeframe (epoch ms are UTC). open = first open, high = max, low = min,
 * close = last close, volumes and trades summed. A bucket closes when its last minute arrives; after a hole it
 * closes when a minute of a later bucket arrives, with the minutes it has (the series counts it incomplete).
 * Buckets with no minute at all are not made up. The first bucket a builder sees is dropped unless it starts
 * with its first minute: a candle without its real open would look complete to every reader downstream.
 */
export class BucketBuilder {
  /** Open time of the bucket being built; meaningful while minutes > 0. */
  startMs = 0;
  open = 0;
  high = 0;
  low = 0;
  close = 0;
  trades = 0;
  /** 1m candles in the bucket being built (0: none open). */
  minutes = 0;
  readonly volume = new DecimalSum();
  readonly quoteVolume = new DecimalSum();
  readonly takerBuyVolume = new DecimalSum();
  #seenAny = false;
  #dropCurrent = false;

  constructor(
    readonly series: CandleSeries,
    readonly tfMs: number,
    readonly symbolId: number,
    readonly tf: number,
    readonly listener: CandleListener,
    readonly stats: BucketStats,
  ) {}

  /**
   * Add one closed 1m candle; minutes must arrive in increasing open time (the store checks). The *Decimals
   * arguments are decimalsOf() of the three volumes, computed once for all timeframes.
   */
  add(
    openTimeMs: number,
    open: number,
    high: number,
    low: number,
    close: number,
    volume: number,
    quoteVolume: number,
    trades: number,
    takerBuyVolume: number,
    volumeDecimals: number,
    quoteDecimals: number,
    takerDecimals: number,
  ): void {
    const start = openTimeMs - (openTimeMs % this.tfMs);
    if (this.minutes > 0 && start !== this.startMs) this.#close();
    if (this.minutes === 0) {
      this.#dropCurrent = !this.#seenAny && openTimeMs !== start;
      this.#seenAny = true;
      this.startMs = start;
      this.open = open;
      this.high = high;
      this.low = low;
      this.trades = trades;
      this.volume.set(volume, volumeDecimals);
      this.quoteVolume.set(quoteVolume, quoteDecimals);
      this.takerBuyVolume.set(takerBuyVolume, takerDecimals);
    } else {
      if (high > this.high) this.high = high;
      if (low < this.low) this.low = low;
      this.trades += trades;
      this.volume.add(volume, volumeDecimals);
      this.quoteVolume.add(quoteVolume, quoteDecimals);
      this.takerBuyVolume.add(takerBuyVolume, takerDecimals);
    }
    this.close = close;
    this.minutes++;
    if (openTimeMs + MINUTE_MS >= start + this.tfMs) this.#close();
  }

  #close(): void {
    const minutes = this.minutes;
    this.minutes = 0;
    if (this.#dropCurrent) {
      this.stats.droppedLeading++;
      return;
    }
    this.series.push(
      this.startMs,
      this.open,
      this.high,
      this.low,
      this.close,
      this.volume.value,
      this.quoteVolume.value,
      this.trades,
      this.takerBuyVolume.value,
      minutes,
    );
    this.listener.onCandleClosed(this.symbolId, this.tf, this.series);
  }
}
