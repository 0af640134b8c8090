/** Mark price, index price and funding per symbol, updated once per sim-second; funding settles every 8 h (00/08/16 UTC). */
import type { Prng } from "../prng";
import type { CandleBook } from "./candle-book";

export const FUNDING_INTERVAL_MS = 8 * 3_600_000;

export class MarkPrices {
  /** Mark − last, as a fraction of last (a slow random walk around 0). */
  readonly #basis: Float64Array;
  /** Index − last, as a fraction. */
  readonly #indexBasis: Float64Array;
  readonly #rate: Float64Array;
  readonly #avg: Float64Array;
  #nextFundingMs = 0;

  constructor(private readonly book: CandleBook, private readonly rng: Prng) {
    const n = book.n;
    this.#basis = new Float64Array(n);
    this.#indexBasis = new Float64Array(n);
    this.#rate = new Float64Array(n);
    this.#avg = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      this.#rate[i] = 0.0001 + 0.0002 * rng.normal();
      this.#avg[i] = this.mark(i);
    }
  }

  /** Advances one sim-second ending at `secondMs`. */
  second(secondMs: number): void {
    const rng = this.rng;
    if (secondMs >= this.#nextFundingMs) {
      this.#nextFundingMs = (Math.floor(secondMs / FUNDING_INTERVAL_MS) + 1) * FUNDING_INTERVAL_MS;
      // a settlement: each estimate restarts near its long-run level
      for (let i = 0; i < this.book.n; i++) this.#rate[i] = 0.0001 + 0.0002 * rng.normal();
    }
    for (let i = 0; i < this.book.n; i++) {
      this.#basis[i] = this.#basis[i]! * 0.98 + 0.00005 * rng.normal();
      this.#indexBasis[i] = this.#indexBasis[i]! * 0.98 + 0.00003 * rng.normal();
      this.#rate[i] = Math.max(-0.003, Math.min(0.003, this.#rate[i]! + 0.000001 * rng.normal()));
      this.#avg[i] = this.#avg[i]! * 0.9 + this.mark(i) * 0.1;
    }
  }

  mark(i: number): number {
    return this.book.c[i]! * (1 + this.#basis[i]!);
  }

  index(i: number): number {
    return this.book.c[i]! * (1 + this.#indexBasis[i]!);
  }

  fundingRate(i: number): number {
    return this.#rate[i]!;
  }

  nextFundingMs(nowMs: number): number {
    return Math.max(this.#nextFundingMs, (Math.floor(nowMs / FUNDING_INTERVAL_MS) + 1) * FUNDING_INTERVAL_MS);
  }

  /** `<s>@markPrice@1s` payload (docs §2.3); numbers as 8-decimal strings like Binance's. */
  payload(i: number, eventMs: number): string {
    const s = this.book.specs[i]!.symbol;
    const index = this.index(i).toFixed(8);
    return `{"e":"markPriceUpdate","E":${eventMs},"s":"${s}","p":"${this.mark(i).toFixed(8)}","ap":"${this.#avg[i]!.toFixed(8)}","i":"${index}","P":"${index}","r":"${this.#rate[i]!.toFixed(8)}","T":${this.nextFundingMs(eventMs)}}`;
  }
}
