/** Candle history: the last N closed candles of one symbol in typed arrays, addressed by running index. No allocation per push. */

/**
 * Row i is readable while t - capacity < i <= t (t = last pushed). Detectors read only the last 2L+2 rows;
 * anything older is carried by their incremental trackers.
 */
export class CandleHistory {
  readonly capacity: number;
  readonly #mask: number;
  readonly #open: Float64Array;
  readonly #high: Float64Array;
  readonly #low: Float64Array;
  readonly #close: Float64Array;
  readonly #volume: Float64Array;
  #t = -1;

  /** capacity must be a power of two (resolveSmcOptions rounds it). */
  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 2 || (capacity & (capacity - 1)) !== 0) {
      throw new RangeError(`CandleHistory: capacity ${capacity} is not a power of two >= 2`);
    }
    this.capacity = capacity;
    this.#mask = capacity - 1;
    this.#open = new Float64Array(capacity);
    this.#high = new Float64Array(capacity);
    this.#low = new Float64Array(capacity);
    this.#close = new Float64Array(capacity);
    this.#volume = new Float64Array(capacity);
  }

  /** Index of the last candle pushed (-1 before the first). */
  get t(): number {
    return this.#t;
  }

  push(open: number, high: number, low: number, close: number, volume: number): number {
    const t = ++this.#t;
    const k = t & this.#mask;
    this.#open[k] = open;
    this.#high[k] = high;
    this.#low[k] = low;
    this.#close[k] = close;
    this.#volume[k] = volume;
    return t;
  }

  open(i: number): number {
    return this.#open[i & this.#mask]!;
  }
  high(i: number): number {
    return this.#high[i & this.#mask]!;
  }
  low(i: number): number {
    return this.#low[i & this.#mask]!;
  }
  close(i: number): number {
    return this.#close[i & this.#mask]!;
  }
  volume(i: number): number {
    return this.#volume[i & this.#mask]!;
  }
}
