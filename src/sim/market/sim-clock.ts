/** Sim time: start + real elapsed × speed, with real time read from an injected Clock. */
import type { Clock } from "../../core/clock";

export class SimClock {
  readonly #realStartMs: number;

  constructor(
    private readonly real: Clock,
    readonly startMs: number,
    readonly speed: number,
  ) {
    this.#realStartMs = real.nowUs() / 1000;
  }

  /** Real ms since the epoch with sub-ms precision (nowUs is monotonic within a thread). */
  realMs(): number {
    return this.real.nowUs() / 1000;
  }

  nowMs(): number {
    return Math.floor(this.startMs + (this.realMs() - this.#realStartMs) * this.speed);
  }
}
