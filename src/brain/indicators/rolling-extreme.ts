/** Rolling maximum / minimum over the last `period` inputs: a monotonic deque in typed arrays, amortised O(1). */
import { checkPeriod, type Indicator } from "./indicator";

/**
 * Warm-up: `period` inputs. The deque holds the inputs that can still become the extreme (each one beats
 * every later one), oldest first, so the front is the answer; each input enters and leaves once.
 */
class RollingExtreme implements Indicator {
  value = NaN;
  readonly warmUp: number;
  readonly #vals: Float64Array;
  readonly #seqs: Float64Array;
  #head = 0;
  #size = 0;
  #n = 0;

  constructor(
    readonly period: number,
    readonly max: boolean,
  ) {
    checkPeriod("rolling window", period);
    this.warmUp = period;
    this.#vals = new Float64Array(period);
    this.#seqs = new Float64Array(period);
  }

  get ready(): boolean {
    return this.#n >= this.warmUp;
  }

  /** The extreme of the inputs in the window so far, before warm-up too (the value is NaN then); NaN when empty. */
  get front(): number {
    return this.#size > 0 ? this.#vals[this.#head]! : NaN;
  }

  /** Inputs since the current extreme arrived (0: the newest is the extreme); NaN until ready. */
  get age(): number {
    return this.#n >= this.warmUp ? this.#n - 1 - this.#seqs[this.#head]! : NaN;
  }

  update(x: number): number {
    const p = this.period;
    const vals = this.#vals;
    // Drop the front once it leaves the window (n − p + 1 .. n after this input).
    if (this.#size > 0 && this.#seqs[this.#head]! <= this.#n - p) {
      this.#head = this.#head + 1 === p ? 0 : this.#head + 1;
      this.#size--;
    }
    // Drop from the back what x dominates: it is newer and at least as extreme.
    while (this.#size > 0) {
      let back = this.#head + this.#size - 1;
      if (back >= p) back -= p;
      if (this.max ? vals[back]! > x : vals[back]! < x) break;
      this.#size--;
    }
    let at = this.#head + this.#size;
    if (at >= p) at -= p;
    vals[at] = x;
    this.#seqs[at] = this.#n;
    this.#size++;
    this.#n++;
    return (this.value = this.#n >= p ? vals[this.#head]! : NaN);
  }

  reset(): void {
    this.value = NaN;
    this.#head = 0;
    this.#size = 0;
    this.#n = 0;
  }
}

export class RollingMax extends RollingExtreme {
  constructor(period: number) {
    super(period, true);
  }
}

export class RollingMin extends RollingExtreme {
  constructor(period: number) {
    super(period, false);
  }
}

function rolling(values: Float64Array, period: number, max: boolean): Float64Array {
  checkPeriod("rolling window", period);
  const out = new Float64Array(values.length).fill(NaN);
  for (let i = period - 1; i < values.length; i++) {
    let m = values[i]!;
    for (let j = i - period + 1; j < i; j++) m = max ? Math.max(m, values[j]!) : Math.min(m, values[j]!);
    out[i] = m;
  }
  return out;
}

/** Batch forms, each window scanned directly; NaN for i < period − 1. */
export const rollingMax = (values: Float64Array, period: number): Float64Array => rolling(values, period, true);
export const rollingMin = (values: Float64Array, period: number): Float64Array => rolling(values, period, false);
