/** Jittered exponential backoff: min(max, initial·2^(n−1)), drawn uniformly between initial and that value. */

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
    const ceiling = Math.min(this.maxMs, this.initialMs * 2 ** (this.#attempt - 1));
    return Math.round(this.initialMs + (ceiling - this.initialMs) * this.random());
  }

  reset(): void {
    this.#attempt = 0;
  }
}
