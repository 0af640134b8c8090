/** Average true range: Wilder smoothing of the true range (trading-signals 8.3 ATR with WSMA). */
import { checkPeriod, type Indicator } from "./indicator";
import { WilderAverage } from "./wilder-average";

/** max(high − low, |high − prevClose|, |low − prevClose|); high − low when there is no previous close (NaN). */
export function trueRange(high: number, low: number, prevClose: number): number {
  const hl = high - low;
  if (prevClose !== prevClose) return hl;
  return Math.max(hl, Math.abs(high - prevClose), Math.abs(low - prevClose));
}

/**
 * Warm-up: `period` candles. The first candle's true range is its high − low (no previous close), the seed
 * is the SMA of the first `period` true ranges, then Wilder's rule. Matches trading-signals bit for bit.
 */
export class Atr implements Indicator {
  readonly #avg: WilderAverage;
  #prevClose = NaN;
  /** True range of the last candle. */
  tr = NaN;

  constructor(readonly period: number) {
    checkPeriod("ATR period", period);
    this.#avg = new WilderAverage(period);
  }

  get value(): number {
    return this.#avg.value;
  }
  get ready(): boolean {
    return this.#avg.ready;
  }
  get warmUp(): number {
    return this.period;
  }

  update(high: number, low: number, close: number): number {
    this.tr = trueRange(high, low, this.#prevClose);
    this.#prevClose = close;
    return this.#avg.update(this.tr);
  }

  reset(): void {
    this.#avg.reset();
    this.#prevClose = NaN;
    this.tr = NaN;
  }
}

/** Batch form (NaN for i < period − 1). */
export function atr(high: Float64Array, low: Float64Array, close: Float64Array, period: number): Float64Array {
  checkPeriod("ATR period", period);
  const n = close.length;
  const out = new Float64Array(n).fill(NaN);
  const f = 1 / period;
  let avg = 0;
  for (let i = 0; i < n; i++) {
    const tr = trueRange(high[i]!, low[i]!, i === 0 ? NaN : close[i - 1]!);
    if (i < period - 1) avg += tr;
    else if (i === period - 1) out[i] = avg = (avg + tr) / period;
    else out[i] = avg = (tr - avg) * f + avg;
  }
  return out;
}
