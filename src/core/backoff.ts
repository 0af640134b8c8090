/** Jittered exponential backoff: the n-th delay is drawn uniformly between initial and min(max, initial·2^n). */

export class Backoff {
  #attempt = 0;

  constructor(
    readonly initialMs: number,
    readonly maxMs: number,
    private readonly random: () => number = Math.random,
  ) {}

  get attempt(): number {
    return this.#attempt;
  }

  /** The delay before the next attempt; each call counts one attempt. */
  next(): number {
    this.#attempt++;
    // Jitter from the first attempt on, so clients dropped together do not all come back in the same instant.
    const ceiling = Math.min(this.maxMs, this.initialMs * 2 ** this.#attempt);
    return Math.round(this.initialMs + (ceiling - this.initialMs) * this.random());
  }

  reset(): void {
    this.#attempt = 0;
  }
}
