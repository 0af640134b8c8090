/** Ring of the last `capacity` closed candles of one symbol and timeframe, one Float64Array, no allocation per push. */

/** Field ids for get()/last()/fromEnd(); `minutes` is how many 1m candles a candle was built from (1 for 1m). */
export const CANDLE = {
  openTimeMs: 0,
  open: 1,
  high: 2,
  low: 3,
  close: 4,
  volume: 5,
  quoteVolume: 6,
  trades: 7,
  takerBuyVolume: 8,
  minutes: 9,
} as const;
export type CandleField = (typeof CANDLE)[keyof typeof CANDLE];
export const CANDLE_FIELDS = 10;

/**
 * Index k runs from 0 (the oldest candle kept) to length − 1 (the newest). Every accessor returns NaN for a k
 * outside that range rather than a stale slot. Field-major layout: one field of all candles is contiguous,
 * which is what scans over highs or lows read.
 */
export class CandleSeries {
  /** Candles kept (≤ capacity). */
  length = 0;
  /** Candles ever pushed. */
  count = 0;
  /** Candles pushed with fewer minutes than `minutesPerCandle` (a hole in the 1m stream). */
  incomplete = 0;
  readonly #data: Float64Array;
  /** Physical slot of the next push. */
  #head = 0;

  constructor(
    readonly capacity: number,
    readonly minutesPerCandle = 1,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    }
    this.#data = new Float64Array(capacity * CANDLE_FIELDS);
  }

  push(
    openTimeMs: number,
    open: number,
    high: number,
    low: number,
    close: number,
    volume: number,
    quoteVolume: number,
    trades: number,
    takerBuyVolume: number,
    minutes = this.minutesPerCandle,
  ): void {
    const d = this.#data;
    const c = this.capacity;
    const i = this.#head;
    d[i] = openTimeMs;
    d[c + i] = open;
    d[2 * c + i] = high;
    d[3 * c + i] = low;
    d[4 * c + i] = close;
    d[5 * c + i] = volume;
    d[6 * c + i] = quoteVolume;
    d[7 * c + i] = trades;
    d[8 * c + i] = takerBuyVolume;
    d[9 * c + i] = minutes;
    this.#head = i + 1 === c ? 0 : i + 1;
    if (this.length < c) this.length++;
    this.count++;
    if (minutes < this.minutesPerCandle) this.incomplete++;
  }

  /** Value of `field` for candle k (0 = oldest kept); NaN outside [0, length). */
  get(field: CandleField, k: number): number {
    if (!(k >= 0 && k < this.length)) return NaN;
    // Oldest slot is 0 until the ring wraps, then the slot the next push will overwrite.
    let i = (this.length < this.capacity ? 0 : this.#head) + k;
    if (i >= this.capacity) i -= this.capacity;
    return this.#data[field * this.capacity + i]!;
  }

  /** Value of `field` for the candle i back from the newest (0 = newest); NaN when there is none. */
  fromEnd(i: number, field: CandleField = CANDLE.close): number {
    return this.get(field, this.length - 1 - i);
  }

  /** Value of `field` for the newest candle; NaN when empty. */
  last(field: CandleField = CANDLE.close): number {
    return this.get(field, this.length - 1);
  }

  openTimeMs(k: number): number {
    return this.get(CANDLE.openTimeMs, k);
  }
  open(k: number): number {
    return this.get(CANDLE.open, k);
  }
  high(k: number): number {
    return this.get(CANDLE.high, k);
  }
  low(k: number): number {
    return this.get(CANDLE.low, k);
  }
  close(k: number): number {
    return this.get(CANDLE.close, k);
  }
  volume(k: number): number {
    return this.get(CANDLE.volume, k);
  }
  quoteVolume(k: number): number {
    return this.get(CANDLE.quoteVolume, k);
  }
  trades(k: number): number {
    return this.get(CANDLE.trades, k);
  }
  takerBuyVolume(k: number): number {
    return this.get(CANDLE.takerBuyVolume, k);
  }
  minutes(k: number): number {
    return this.get(CANDLE.minutes, k);
  }

  /** Forget every candle (counters too); the buffer is kept. */
  clear(): void {
    this.length = 0;
    this.count = 0;
    this.incomplete = 0;
    this.#head = 0;
  }
}
