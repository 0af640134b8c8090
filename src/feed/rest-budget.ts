/** REST weight budget: spends at most our share of the exchange's per-minute REQUEST_WEIGHT and obeys 429/418 bans. */
import type { Clock } from "../core/clock";

const WINDOW_MS = 60_000;
/** Stay this far below the exchange's limit as the server counts it: other clients share the IP. */
const SERVER_MARGIN = 0.9;

export class RestBudget {
  /** [time, weight] of every request of ours in the last minute, oldest first. */
  #spent: { atMs: number; weight: number }[] = [];
  #bannedUntilMs = 0;
  #serverUsed = 0;
  #serverMinute = -1;

  /** `ourLimit` per rolling minute for this client; `exchangeLimit` is the IP's REQUEST_WEIGHT per minute. */
  constructor(
    readonly ourLimit: number,
    readonly exchangeLimit: number,
    private readonly clock: Clock,
  ) {}

  /**
   * Resolves when `weight` can be spent without crossing our share, the server's count, or a ban.
   * `ceiling` < 1 keeps the rest of our share for more urgent requests (warm-up history must not starve backfill).
   */
  async acquire(weight: number, ceiling = 1): Promise<void> {
    for (;;) {
      const wait = this.#waitMs(weight, ceiling);
      if (wait <= 0) break;
      await this.clock.sleep(Math.min(wait, 1000));
    }
    this.#spent.push({ atMs: this.clock.nowMs(), weight });
  }

  /** X-MBX-USED-WEIGHT-1M: what the exchange counted for this IP in the current minute. */
  observeUsedWeight(used: number): void {
    if (!Number.isFinite(used)) return;
    this.#serverUsed = used;
    this.#serverMinute = Math.floor(this.clock.nowMs() / WINDOW_MS);
  }

  /** After a 429/418: no request at all until the ban ends. */
  banFor(ms: number): void {
    this.#bannedUntilMs = Math.max(this.#bannedUntilMs, this.clock.nowMs() + ms);
  }

  get spentLastMinute(): number {
    this.#expire(this.clock.nowMs());
    let sum = 0;
    for (const s of this.#spent) sum += s.weight;
    return sum;
  }

  #expire(now: number): void {
    while (this.#spent.length > 0 && this.#spent[0]!.atMs <= now - WINDOW_MS) this.#spent.shift();
  }

  #waitMs(weight: number, ceiling: number): number {
    const now = this.clock.nowMs();
    if (now < this.#bannedUntilMs) return this.#bannedUntilMs - now;
    if (this.spentLastMinute + weight > this.ourLimit * ceiling) {
      const oldest = this.#spent[0];
      return oldest ? oldest.atMs + WINDOW_MS - now + 1 : 1000;
    }
    const minute = Math.floor(now / WINDOW_MS);
    if (minute === this.#serverMinute && this.#serverUsed + weight > this.exchangeLimit * SERVER_MARGIN) {
      return (minute + 1) * WINDOW_MS - now + 1;
    }
    return 0;
  }
}
