/** Per-key record of which minutes arrived: a contiguous watermark plus a window of out-of-order arrivals. */

export const MINUTE_MS = 60_000;
/** Minutes tracked ahead of a key's watermark; a stall longer than this (2.8 days) gives up on the oldest. */
const WINDOW = 4096;
const WORDS = WINDOW / 32;

/**
 * add() answers "first time for this minute?" so duplicates from a stream/REST overlap are dropped.
 * Preallocated typed arrays: no allocation per candle.
 */
export class MinuteSet {
  /** Open time of the last minute up to which every minute arrived (NaN: not started). */
  readonly watermark: Float64Array;
  readonly #bits: Uint32Array;
  /** Minutes skipped because they fell out of the window before arriving. */
  abandoned = 0;

  constructor(readonly capacity: number) {
    this.watermark = new Float64Array(capacity).fill(NaN);
    this.#bits = new Uint32Array(capacity * WORDS);
  }

  /** Expect minutes after `openTimeMs` (exclusive) for this key; no-op once started. */
  start(key: number, afterOpenTimeMs: number): void {
    if (Number.isNaN(this.watermark[key]!)) this.watermark[key] = afterOpenTimeMs;
  }

  /** True if this minute is new for the key (and records it); false for a duplicate or a minute before start. */
  add(key: number, openTimeMs: number): boolean {
    let wm = this.watermark[key]!;
    if (Number.isNaN(wm)) {
      this.watermark[key] = openTimeMs;
      return true;
    }
    let ahead = (openTimeMs - wm) / MINUTE_MS;
    if (ahead <= 0 || !Number.isInteger(ahead)) return false;
    if (ahead > WINDOW) {
      const shift = ahead - WINDOW;
      if (shift >= WINDOW) {
        // Everything in the window is older than the new arrival's window: drop it in one go.
        let arrived = 0;
        for (let i = 0; i < WORDS; i++) {
          arrived += popcount(this.#bits[key * WORDS + i]!);
          this.#bits[key * WORDS + i] = 0;
        }
        this.abandoned += shift - arrived;
        this.watermark[key] = wm + shift * MINUTE_MS;
      } else {
        for (let i = 0; i < shift; i++) if (!this.#take(key)) this.abandoned++;
      }
      ahead = WINDOW;
    }
    const bit = ahead - 1;
    const w = key * WORDS + (bit >>> 5);
    const mask = 1 << (bit & 31);
    if ((this.#bits[w]! & mask) !== 0) return false;
    this.#bits[w] = this.#bits[w]! | mask;
    // Advance the watermark over every minute that is now contiguous.
    while (this.#bits[key * WORDS]! & 1) this.#take(key);
    return true;
  }

  /** Whether the minute arrived (true for anything at or below the watermark). */
  has(key: number, openTimeMs: number): boolean {
    const wm = this.watermark[key]!;
    if (Number.isNaN(wm)) return false;
    const ahead = (openTimeMs - wm) / MINUTE_MS;
    if (ahead <= 0) return true;
    if (ahead > WINDOW) return false;
    const bit = ahead - 1;
    return (this.#bits[key * WORDS + (bit >>> 5)]! & (1 << (bit & 31))) !== 0;
  }

  /** Minutes in (watermark, throughMs] that have not arrived. */
  missingThrough(key: number, throughMs: number): number {
    const wm = this.watermark[key]!;
    if (Number.isNaN(wm) || throughMs <= wm) return 0;
    let missing = 0;
    for (let t = wm + MINUTE_MS; t <= throughMs; t += MINUTE_MS) if (!this.has(key, t)) missing++;
    return missing;
  }

  /** Moves the watermark one minute, shifting the window; returns whether that minute had arrived. */
  #take(key: number): boolean {
    const base = key * WORDS;
    const had = (this.#bits[base]! & 1) !== 0;
    for (let i = 0; i < WORDS; i++) {
      const next = i + 1 < WORDS ? this.#bits[base + i + 1]! : 0;
      this.#bits[base + i] = (this.#bits[base + i]! >>> 1) | ((next & 1) << 31);
    }
    this.watermark[key] = this.watermark[key]! + MINUTE_MS;
    return had;
  }
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v !== 0; v &= v - 1) n++;
  return n;
}
