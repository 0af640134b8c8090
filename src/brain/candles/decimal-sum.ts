/** Sum of exchange quantities that equals the exchange's own decimal sum, so aggregated volumes match its candles. */

/** Binance quantities and prices carry at most 8 decimals. */
const MAX_DECIMALS = 8;
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8] as const;
/** |m − round(m)| ≤ 2^-51·|m| covers the parse error of the decimal plus the rounding of v·10^p. */
const INT_REL = 2 ** -51;
const MAX_INT = Number.MAX_SAFE_INTEGER;

/**
 * Fewest decimals (0–8) that write `v` exactly, as it was parsed from the exchange's text; −1 when it needs more.
 * Computed once per input value and shared by every sum that takes it (5m, 15m and 1h).
 */
export function decimalsOf(v: number): number {
  for (let p = 0; p <= MAX_DECIMALS; p++) {
    const m = v * POW10[p]!;
    if (Math.abs(m - Math.round(m)) <= Math.abs(m) * INT_REL) return p;
  }
  return -1;
}

/**
 * Each value is a decimal with few digits parsed to the nearest double. Summing doubles drifts by an ulp or
 * more (a plain float64 sum misses the exchange's 5m volume in up to 50 % of buckets), so the sum is kept as an
 * exact integer count of 10^-p units, where p is the most decimals of any value so far. The result
 * int / 10^p is then the double nearest the exact decimal sum, which is what the exchange prints.
 * When a value needs more than 8 decimals or the integer would pass 2^53, it falls back to a Neumaier
 * compensated sum (relative error ~1e-16) that runs alongside all the time.
 */
export class DecimalSum {
  #int = 0;
  #decimals = 0;
  #exact = true;
  #hi = 0;
  #lo = 0;

  /** True while the result is the exact decimal sum. */
  get exact(): boolean {
    return this.#exact;
  }

  get value(): number {
    return this.#exact ? this.#int / POW10[this.#decimals]! : this.#hi + this.#lo;
  }

  clear(): void {
    this.#int = 0;
    this.#decimals = 0;
    this.#exact = true;
    this.#hi = 0;
    this.#lo = 0;
  }

  /** Start a new sum at `v`, whose decimalsOf() is `decimals`. */
  set(v: number, decimals = decimalsOf(v)): void {
    this.clear();
    this.add(v, decimals);
  }

  /** Add `v`, whose decimalsOf() is `decimals` (pass it when several sums take the same value). */
  add(v: number, decimals = decimalsOf(v)): void {
    const t = this.#hi + v;
    this.#lo += Math.abs(this.#hi) >= Math.abs(v) ? this.#hi - t + v : v - t + this.#hi;
    this.#hi = t;
    if (!this.#exact) return;
    if (decimals < 0) {
      this.#exact = false;
      return;
    }
    // Rescaling an integer by a power of ten is exact while it stays below 2^53, checked just after.
    if (decimals > this.#decimals) {
      this.#int *= POW10[decimals - this.#decimals]!;
      this.#decimals = decimals;
    }
    this.#int += Math.round(v * POW10[this.#decimals]!);
    if (!(Math.abs(this.#int) <= MAX_INT)) this.#exact = false;
  }
}
