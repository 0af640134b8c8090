/** Relative strength index with Wilder smoothing of gains and losses (trading-signals 8.3 RSI with WSMA). */
import { checkPeriod, type Indicator } from "./indicator";
import { WilderAverage } from "./wilder-average";

/** Gains and losses both zero (a flat run since the seed): neutral, where the oracle would say 100. */
const FLAT_RSI = 50;

function rsiOf(gain: number, loss: number): number {
  if (loss === 0) return gain === 0 ? FLAT_RSI : 100;
  return 100 - 100 / (gain / loss + 1);
}

/**
 * Warm-up: period + 1 closes (period changes). Average gain and loss are each seeded with the SMA of the first
 * `period` changes, then smoothed by Wilder's rule; RSI = 100 − 100 / (1 + gain/loss), 100 when there were
 * no losses. Matches trading-signals bit for bit, except that with neither gains nor losses (possible only
 * after a flat seed window) it reports 50 where the oracle reports 100.
 */
export class Rsi implements Indicator {
  value = NaN;
  readonly warmUp: number;
  readonly #gain: WilderAverage;
  readonly #loss: WilderAverage;
  #prev = NaN;

  constructor(readonly period: number) {
    checkPeriod("RSI period", period);
    this.warmUp = period + 1;
    this.#gain = new WilderAverage(period);
    this.#loss = new WilderAverage(period);
  }

  get ready(): boolean {
    return this.#gain.ready;
  }

  update(close: number): number {
    const prev = this.#prev;
    this.#prev = close;
    if (prev !== prev) return NaN; // first close: no change yet
    if (close > prev) {
      this.#loss.update(0);
      this.#gain.update(close - prev);
    } else {
      this.#loss.update(prev - close);
      this.#gain.update(0);
    }
    return (this.value = this.#gain.ready ? rsiOf(this.#gain.value, this.#loss.value) : NaN);
  }

  reset(): void {
    this.value = NaN;
    this.#prev = NaN;
    this.#gain.reset();
    this.#loss.reset();
  }
}

/** Batch form (NaN for i < period). */
export function rsi(closes: Float64Array, period: number): Float64Array {
  checkPeriod("RSI period", period);
  const out = new Float64Array(closes.length).fill(NaN);
  const f = 1 / period;
  let gain = 0;
  let loss = 0;
  for (let i = 1; i < closes.length; i++) {
    const d = closes[i]! - closes[i - 1]!;
    const g = d > 0 ? d : 0;
    const l = d > 0 ? 0 : -d;
    if (i < period) {
      gain += g;
      loss += l;
      continue;
    }
    if (i === period) {
      gain = (gain + g) / period;
      loss = (loss + l) / period;
    } else {
      gain = (g - gain) * f + gain;
      loss = (l - loss) * f + loss;
    }
    out[i] = rsiOf(gain, loss);
  }
  return out;
}
