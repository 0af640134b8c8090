/** Liquidity band meter: the current band half-width from a trailing range, an ATR or a constant, O(1) per candle. */
import { trueRange } from "../../indicators/atr";
import { RollingMax, RollingMin } from "../../indicators/rolling-extreme";
import type { LiquidityBandOptions } from "./smc-options";

export class LiquidityBandMeter {
  readonly #opts: LiquidityBandOptions;
  readonly #highs: RollingMax | null;
  readonly #lows: RollingMin | null;
  #row = -1;
  #prevClose = Number.NaN;
  #atr = 0;
  #band = 0;

  constructor(opts: LiquidityBandOptions) {
    this.#opts = opts;
    this.#highs = opts.mode === "range" ? new RollingMax(opts.window) : null;
    this.#lows = opts.mode === "range" ? new RollingMin(opts.window) : null;
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
      this.#highs!.update(high);
      this.#lows!.update(low);
      // front, not value: before `window` candles the band spans the candles seen so far.
      this.#band = o.rangePercent * (this.#highs!.front - this.#lows!.front);
    } else if (o.mode === "atr") {
      const tr = trueRange(high, low, this.#prevClose);
      // Wilder smoothing; before `period` candles exist the mean of the true ranges seen so far.
      const n = Math.min(row + 1, o.period);
      this.#atr += (tr - this.#atr) / n;
      this.#band = o.multiple * this.#atr;
    }
    this.#prevClose = close;
  }
}
