/** Simple moving average over the last `period` inputs, with a compensated running sum so it never drifts. */
import { checkPeriod, type Indicator } from "./indicator";

/**
 * Warm-up: `period` inputs. The window sum is updated by adding the new input and subtracting the one that
 * leaves, with Neumaier compensation: over 60k updates it stays within ~1e-15 relative of a fresh sum, which is
 * what the batch form and trading-signals' SMA compute.
 */
export class Sma implements Indicator {
  value = NaN;
  readonly warmUp: number;
  readonly #window: Float64Array;
  #i = 0;
  #n = 0;
  #hi = 0;
  #lo = 0;

  constructor(readonly period: number) {
    checkPeriod("SMA period", period);
    this.warmUp = period;
    this.#window = new Float64Array(period);
  }

  get ready(): boolean {
    return this.#n >= this.warmUp;
  }

  update(x: number): number {
    const w = this.#window;
    if (this.#n >= this.period) this.#add(-w[this.#i]!);
    else this.#n++;
    this.#add(x);
    w[this.#i] = x;
    this.#i = this.#i + 1 === this.period ? 0 : this.#i + 1;
    return (this.value = this.#n >= this.warmUp ? (this.#hi + this.#lo) / this.period : NaN);
  }

  #add(v: number): void {
    const t = this.#hi + v;
    this.#lo += Math.abs(this.#hi) >= Math.abs(v) ? this.#hi - t + v : v - t + this.#hi;
    this.#hi = t;
  }

  reset(): void {
    this.value = NaN;
    this.#window.fill(0);
    this.#i = 0;
    this.#n = 0;
    this.#hi = 0;
    this.#lo = 0;
  }
}

/** Batch form: each window summed afresh, left to right (O(n·period)); NaN for i < period − 1. */
export function sma(values: Float64Array, period: number): Float64Array {
  checkPeriod("SMA period", period);
  const out = new Float64Array(values.length).fill(NaN);
  for (let i = period - 1; i < values.length; i++) {
    let sum = 0;
    for (let j = i - period + 1; j <= i; j++) sum += values[j]!;
    out[i] = sum / period;
  }
  return out;
}
