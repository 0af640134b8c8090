/** Trend filter: fractional change of an EMA over `lookback` closed candles, (ema_t − ema_{t−L}) / ema_{t−L}. */
import { Ema, ema } from "./ema";
import { checkPeriod, type Indicator } from "./indicator";

const slopeOf = (now: number, then: number): number => (then === 0 ? 0 : (now - then) / then);

/**
 * Warm-up: period + lookback inputs (the EMA's own warm-up, then `lookback` more). Equals trading-signals'
 * ROC(lookback) fed with its EMA(period) values. 0 when the older EMA is 0, so never ∞.
 */
export class EmaSlope implements Indicator {
  value = NaN;
  readonly warmUp: number;
  readonly ema: Ema;
  /** The last lookback + 1 ready EMA values. */
  readonly #past: Float64Array;
  #i = 0;
  #n = 0;

  constructor(
    readonly period: number,
    readonly lookback: number,
  ) {
    checkPeriod("EMA-slope lookback", lookback);
    this.ema = new Ema(period);
    this.warmUp = period + lookback;
    this.#past = new Float64Array(lookback + 1);
  }

  get ready(): boolean {
    return this.#n > this.lookback;
  }

  update(x: number): number {
    const e = this.ema.update(x);
    if (!this.ema.ready) return NaN;
    const past = this.#past;
    past[this.#i] = e;
    this.#i = this.#i + 1 === past.length ? 0 : this.#i + 1;
    this.#n++;
    // After the write, #i points at the oldest of the last lookback + 1 values.
    return (this.value = this.#n > this.lookback ? slopeOf(e, past[this.#i]!) : NaN);
  }

  reset(): void {
    this.value = NaN;
    this.ema.reset();
    this.#i = 0;
    this.#n = 0;
  }
}

/** Batch form (NaN for i < period + lookback − 1). */
export function emaSlope(values: Float64Array, period: number, lookback: number): Float64Array {
  checkPeriod("EMA-slope lookback", lookback);
  const e = ema(values, period);
  const out = new Float64Array(values.length).fill(NaN);
  for (let i = period - 1 + lookback; i < values.length; i++) out[i] = slopeOf(e[i]!, e[i - lookback]!);
  return out;
}
