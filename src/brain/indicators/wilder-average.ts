/** Wilder's smoothing (trading-signals WSMA): SMA of the first `period` inputs, then avg += (x − avg) / period. */
import { checkPeriod, type Indicator } from "./indicator";

/**
 * Warm-up: `period` inputs. The seed is the plain left-to-right sum of the first `period` inputs divided by
 * `period`, and each later step is (x − avg)·(1/period) + avg, in the oracle's operation order, so RSI and ATR
 * built on it match trading-signals bit for bit.
 */
export class WilderAverage implements Indicator {
  value = NaN;
  readonly warmUp: number;
  readonly #factor: number;
  #sum = 0;
  #n = 0;

  constructor(readonly period: number) {
    checkPeriod("Wilder period", period);
    this.warmUp = period;
    this.#factor = 1 / period;
  }

  get ready(): boolean {
    return this.#n >= this.warmUp;
  }

  update(x: number): number {
    this.#n++;
    if (this.#n > this.period) return (this.value = (x - this.value) * this.#factor + this.value);
    this.#sum += x;
    return (this.value = this.#n === this.period ? this.#sum / this.period : NaN);
  }

  reset(): void {
    this.value = NaN;
    this.#sum = 0;
    this.#n = 0;
  }
}

/** Batch form of WilderAverage (NaN for i < period − 1). */
export function wilderAverage(values: Float64Array, period: number): Float64Array {
  checkPeriod("Wilder period", period);
  const out = new Float64Array(values.length).fill(NaN);
  const f = 1 / period;
  let sum = 0;
  for (let i = 0; i < values.length && i < period; i++) sum += values[i]!;
  if (values.length < period) return out;
  let avg = sum / period;
  out[period - 1] = avg;
  for (let i = period; i < values.length; i++) out[i] = avg = (values[i]! - avg) * f + avg;
  return out;
}
