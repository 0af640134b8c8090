/** A token bucket for pacing connects and control messages under the exchange's limits. */
import type { Clock } from "../core/clock";

export class TokenBucket {
  #tokens: number;
  #lastMs: number;

  constructor(
    readonly ratePerSec: number,
    readonly burst: number,
    private readonly clock: Clock,
  ) {
    this.#tokens = burst;
    this.#lastMs = clock.nowMs();
  }

  /** Resolves once a token is available, and takes it. */
  async take(): Promise<void> {
    for (;;) {
      const now = this.clock.nowMs();
      this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#lastMs) * this.ratePerSec) / 1000);
      this.#lastMs = now;
      if (this.#tokens >= 1) {
        this.#tokens -= 1;
        return;
      }
      await this.clock.sleep(Math.ceil(((1 - this.#tokens) * 1000) / this.ratePerSec));
    }
  }
}
