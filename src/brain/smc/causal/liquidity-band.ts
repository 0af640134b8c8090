/** Liquidity band meter: the current band half-width from a trailing range, an ATR or a constant, O(1) per candle. */
import type { LiquidityBandOptions } from "./smc-options";

/** Sliding-window maximum over the last `window` values (monotonic deque in fixed typed arrays). */
class RollingMax {
  readonly #window: number;
  readonly #mask: number;
  readonly #vals: Float64Array;
  readonly #rows: Float64Array;
  #head = 0;
  #tail = 0;

  constructor(window: number) {
    let cap = 2;
    while (cap < window + 1) cap *= 2;
    this.#window = window;
    this.#mask = cap - 1;
    this.#vals = new Float64Array(cap);
    this.#rows = new Float64Array(cap);
  }

  push(row: number, v: number): void {
    const m = this.#mask;
    while (this.#tail !== this.#head && this.#vals[(this.#tail - 1) & m]! <= v) this.#tail--;
    this.#vals[this.#tail & m] = v;
    this.#rows[this.#tail & m] = row;
    this.#tail++;
    while (this.#rows[this.#head & m]! <= row - this.#window) this.#head++;
  }

  get max(): number {
    return this.#vals[this.#head & this.#mask]!;
  }
}

export class LiquidityBandMeter {
  readonly #opts: LiquidityBandOptions;
  readonly #highs: RollingMax | null;
  readonly #negLows: RollingMax | null;
  #row = -1;
  #prevClose = Number.NaN;
  #atr = 0;
  #band = 0;

  constructor(opts: LiquidityBandOptions) {
    this.#opts = opts;
    this.#highs = opts.mode === "range" ? new RollingMax(opts.window) : null;
    this.#negLows = opts.mode === "range" ? new RollingMax(opts.window) : null;
    if (opts.mode === "constant") this.#band = opts.band;
  }

  /** Band as of the last candle taken. */
  get band(): number {
    return this.#band;
  }

  update(high: number, low: number, close: number): void {
    const row = ++this.#row;
    const o = this.#opts;
    if (o.mode === "range") {
      this.#highs!.push(row, high);
      this.#negLows!.push(row, -low);
      this.#band = o.rangePercent * (this.#highs!.max + this.#negLows!.max);
    } else if (o.mode === "atr") {
      const pc = this.#prevClose;
      const tr = row === 0 ? high - low : Math.max(high - low, Math.abs(high - pc), Math.abs(low - pc));
      // Wilder smoothing; before `period` candles exist the mean of the true ranges seen so far.
      const n = Math.min(row + 1, o.period);
      this.#atr += (tr - this.#atr) / n;
      this.#band = o.multiple * this.#atr;
    }
    this.#prevClose = close;
  }
}
