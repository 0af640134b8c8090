/** Injected time: every time-dependent part takes a Clock so tests and backtests can drive it. */

export interface Clock {
  /** Wall time in ms since the epoch: journal rows, day rollovers, listen-key age. */
  nowMs(): number;
  /** µs since the epoch, comparable across workers (timeOrigin + now agrees across threads). */
  nowUs(): number;
  sleep(ms: number): Promise<void>;
}

/** µs since the epoch; the one clock that agrees across workers (docs/performance.md §4.1). */
export const nowUs = (): number => (performance.timeOrigin + performance.now()) * 1000;

export const systemClock: Clock = {
  nowMs: () => Date.now(),
  nowUs,
  sleep: (ms) => Bun.sleep(ms),
};

/** Test clock: time moves only on advance(); sleepers wake in due order. */
export class ManualClock implements Clock {
  #now: number;
  #sleepers: { at: number; wake: () => void }[] = [];

  constructor(startMs = 0) {
    this.#now = startMs;
  }

  nowMs(): number {
    return this.#now;
  }

  nowUs(): number {
    return this.#now * 1000;
  }

  sleep(ms: number): Promise<void> {
    return new Promise<void>((wake) => this.#sleepers.push({ at: this.#now + ms, wake }));
  }

  advance(ms: number): void {
    this.#now += ms;
    const due = this.#sleepers.filter((s) => s.at <= this.#now).sort((a, b) => a.at - b.at);
    this.#sleepers = this.#sleepers.filter((s) => s.at > this.#now);
    for (const s of due) s.wake();
  }
}
