/** Causal swings: the reference's pivot window tested L candles late, and its same-type cleanup run as a state machine. */
import type { CandleHistory } from "./candle-history";
import type { SmcEventSink } from "./smc-events";
import type { ResolvedSmcOptions } from "./smc-options";
import { SwingTrack } from "./swing-track";

export const NO_SWING = 0;
export const SWING_ACCEPTED = 1;
export const SWING_REPLACED = 2;
export type SwingOutcome = typeof NO_SWING | typeof SWING_ACCEPTED | typeof SWING_REPLACED;

/**
 * x1 is the provisional swing (`last` in docs §6.2), x2 … x4 the three newest final swings; they alternate in type.
 * Seven track objects are recycled between these roles, the spare and the two compat bookend guesses.
 */
export class SwingDetector {
  x1: SwingTrack | null = null;
  x2: SwingTrack | null = null;
  x3: SwingTrack | null = null;
  x4: SwingTrack | null = null;
  /** Candle at which x2 became final, so the caller can hand it to liquidity on that candle only. */
  finalizedAt = -1;
  readonly #h: CandleHistory;
  readonly #sink: SmcEventSink;
  readonly #L: number;
  readonly #firstPivot: number;
  readonly #closeBreak: boolean;
  readonly #compat: boolean;
  readonly #free: SwingTrack[] = [];
  /** Compat: row 0 as a high and as a low, tracked from the start because its type is known only later. */
  #bookHigh: SwingTrack | null = null;
  #bookLow: SwingTrack | null = null;

  constructor(h: CandleHistory, opts: ResolvedSmcOptions, sink: SmcEventSink) {
    this.#h = h;
    this.#sink = sink;
    this.#L = opts.swingLength;
    this.#compat = opts.compat;
    this.#closeBreak = opts.closeBreak;
    // The library's rolling window needs 2L real values, so its first pivot is 2L-1; causally L-1 suffices.
    this.#firstPivot = opts.compat ? 2 * opts.swingLength - 1 : opts.swingLength - 1;
    for (let i = 0; i < 5; i++) this.#free.push(new SwingTrack());
  }

  /** Latest accepted swing high (final or provisional), or null. */
  get latestHigh(): SwingTrack | null {
    return this.x1 === null ? null : this.x1.dir === 1 ? this.x1 : this.x2;
  }

  get latestLow(): SwingTrack | null {
    return this.x1 === null ? null : this.x1.dir === -1 ? this.x1 : this.x2;
  }

  /**
   * Break and sweep trackers take candle t. Compat bookend guesses are created on candle 0, with the band of
   * candle 0 (golden runs inject a constant band, so this only matters outside golden agreement).
   */
  observe(t: number, band: number): void {
    const h = this.#h;
    const cb = this.#closeBreak;
    if (t === 0 && this.#compat) {
      this.#bookHigh = new SwingTrack().reset(0, 1, h.high(0), band, true);
      this.#bookLow = new SwingTrack().reset(0, -1, h.low(0), band, true);
      return;
    }
    this.#bookHigh?.observe(h, t, cb);
    this.#bookLow?.observe(h, t, cb);
    this.x1?.observe(h, t, cb);
    this.x2?.observe(h, t, cb);
    this.x3?.observe(h, t, cb);
  }

  /** Zone trackers take candle t, after the order-block crossing tests of candle t. */
  absorb(t: number): void {
    const h = this.#h;
    if (t === 0) return;
    this.#bookHigh?.absorb(h, t);
    this.#bookLow?.absorb(h, t);
    this.x1?.absorb(h, t);
    this.x2?.absorb(h, t);
  }

  /** Tests pivot t-L and advances the state machine; emits SWING_CANDIDATE and what follows from it. */
  detect(t: number, band: number): SwingOutcome {
    const L = this.#L;
    const i = t - L;
    if (i < this.#firstPivot) return NO_SWING;
    const h = this.#h;
    let dir: 1 | -1 | 0 = 1;
    const hi = h.high(i);
    for (let j = i - L + 1; j <= t; j++) {
      if (h.high(j) > hi) {
        dir = 0;
        break;
      }
    }
    if (dir === 0) {
      dir = -1;
      const lo = h.low(i);
      for (let j = i - L + 1; j <= t; j++) {
        if (h.low(j) < lo) return NO_SWING;
      }
    }
    const level = dir === 1 ? hi : h.low(i);
    this.#sink.onSmcEvent({ kind: "SWING_CANDIDATE", idx: i, at: t, dir, level });
    return this.#advance(i, dir, level, t, band);
  }

  #advance(i: number, dir: 1 | -1, level: number, t: number, band: number): SwingOutcome {
    const last = this.x1;
    if (last === null) {
      if (this.#compat) this.#finalizeBookend(dir, t);
      this.x1 = this.#track(i, dir, level, t, band);
      this.#sink.onSmcEvent({ kind: "SWING", idx: i, at: t, dir, level });
      return SWING_ACCEPTED;
    }
    if (dir === last.dir) {
      // Ties keep the earlier swing, as the reference's cleanup does.
      if (dir === 1 ? level <= last.level : level >= last.level) return NO_SWING;
      this.x1 = this.#track(i, dir, level, t, band);
      this.#free.push(last);
      this.#sink.onSmcEvent({
        kind: "SWING_REPLACED", idx: i, at: t, dir, level, replacedIdx: last.idx, replacedLevel: last.level,
      });
      return SWING_REPLACED;
    }
    this.#sink.onSmcEvent({
      kind: "SWING_FINAL", idx: last.idx, at: t, dir: last.dir, level: last.level, bookend: false,
    });
    if (this.x4 !== null) this.#free.push(this.x4);
    this.x4 = this.x3;
    this.x3 = this.x2;
    this.x2 = last;
    this.finalizedAt = t;
    this.x1 = this.#track(i, dir, level, t, band);
    this.#sink.onSmcEvent({ kind: "SWING", idx: i, at: t, dir, level });
    return SWING_ACCEPTED;
  }

  /** Compat: row 0 takes the type opposite to the first swing and is final at once. */
  #finalizeBookend(firstDir: 1 | -1, t: number): void {
    const book = firstDir === 1 ? this.#bookLow : this.#bookHigh;
    this.#bookHigh = null;
    this.#bookLow = null;
    if (book === null) return;
    this.x2 = book;
    this.finalizedAt = t;
    this.#sink.onSmcEvent({ kind: "SWING_FINAL", idx: 0, at: t, dir: book.dir, level: book.level, bookend: true });
  }

  #track(i: number, dir: 1 | -1, level: number, t: number, band: number): SwingTrack {
    const track = (this.#free.pop() ?? new SwingTrack()).reset(i, dir, level, band, this.#compat);
    track.catchUp(this.#h, t, this.#closeBreak);
    return track;
  }
}
