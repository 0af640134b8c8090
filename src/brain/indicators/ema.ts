/** Exponential moving average, k = 2 / (period + 1), seeded with the first input (trading-signals 8.3 EMA). */
import { checkPeriod, type Indicator } from "./indicator";

/**
 * Warm-up: `period` inputs. The average runs from the first input (prev = x, so the first step is
 * x·k + x·(1 − k)) and is reported from the period-th input on, exactly as trading-signals' EMA does;
 * it is not the SMA-seeded variant. Same operation order as the oracle, so values match it bit for bit.
 */
export class Ema implements Indicator {
  value = NaN;
  readonly warmUp: number;
  readonly #k: number;
  readonly #k1: number;
  #avg = 0;
  #n = 0;

  constructor(readonly period: number) {
    checkPeriod("EMA period", period);
    this.warmUp = period;
    this.#k = 2 / (period + 1);
    this.#k1 = 1 - this.#k;
  }

  get ready(): boolean {
    return this.#n >= this.warmUp;
  }

  /** The running average even before warm-up (NaN before the first input). */
  get raw(): number {
    return this.#n === 0 ? NaN : this.#avg;
  }

  update(x: number): number {
    this.#avg = x * this.#k + (this.#n === 0 ? x : this.#avg) * this.#k1;
    this.#n++;
    return (this.value = this.#n >= this.warmUp ? this.#avg : NaN);
  }

  reset(): void {
    this.value = NaN;
    this.#avg = 0;
    this.#n = 0;
  }
}

/** Batch form: out[i] is the EMA after values[0..i] (NaN for i < period − 1). */
export function ema(values: Float64Array, period: number): Float64Array {
  checkPeriod("EMA period", period);
  const out = new Float64Array(values.length);
  const k = 2 / (period + 1);
  const k1 = 1 - k;
  let avg = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    avg = x * k + (i === 0 ? x : avg) * k1;
    out[i] = i + 1 >= period ? avg : NaN;
  }
  return out;
}
