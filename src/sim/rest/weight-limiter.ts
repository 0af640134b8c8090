/**
 * REQUEST_WEIGHT per real minute (fixed windows, as Binance counts): 429 -1003 past the limit with Retry-After;
 * clients that keep sending while limited are banned with 418, for 2 minutes doubling up to 3 days (docs §4).
 */

export type Verdict = { kind: "ok" } | { kind: "limited"; retryAfterS: number } | { kind: "banned"; untilMs: number; retryAfterS: number };

const WINDOW_MS = 60_000;
/** Requests answered 429 within one window before the ban. */
export const BAN_AFTER_REJECTED = 50;
const FIRST_BAN_MS = 2 * 60_000;
const MAX_BAN_MS = 3 * 86_400_000;

export class WeightLimiter {
  #windowStart = 0;
  #used = 0;
  #rejected = 0;
  #bannedUntil = 0;
  #bans = 0;

  constructor(
    readonly limit: number,
    private readonly wallMs: () => number,
  ) {}

  /** Weight used in the current window (the X-MBX-USED-WEIGHT-1M header). */
  used(): number {
    this.#roll(this.wallMs());
    return this.#used;
  }

  /** Counts a request of `weight` and says whether it may be served. */
  charge(weight: number): Verdict {
    const now = this.wallMs();
    this.#roll(now);
    if (now < this.#bannedUntil) return { kind: "banned", untilMs: this.#bannedUntil, retryAfterS: Math.ceil((this.#bannedUntil - now) / 1000) };
    this.#used += weight;
    if (this.#used <= this.limit) return { kind: "ok" };
    if (++this.#rejected > BAN_AFTER_REJECTED) {
      this.#bannedUntil = now + Math.min(MAX_BAN_MS, FIRST_BAN_MS * 2 ** this.#bans++);
      return { kind: "banned", untilMs: this.#bannedUntil, retryAfterS: Math.ceil((this.#bannedUntil - now) / 1000) };
    }
    return { kind: "limited", retryAfterS: Math.max(1, Math.ceil((this.#windowStart + WINDOW_MS - now) / 1000)) };
  }

  #roll(now: number): void {
    const start = Math.floor(now / WINDOW_MS) * WINDOW_MS;
    if (start === this.#windowStart) return;
    this.#windowStart = start;
    this.#used = 0;
    this.#rejected = 0;
  }
}
