/** Causal BOS/CHOCH: the reference's four-swing pattern armed on provisional swings, fired on the break, never retracted. */
import type { CandleHistory } from "./candle-history";
import type { SmcEventSink } from "./smc-events";
import type { SwingDetector } from "./swing-detector";

/** An armed level waiting for its break. */
export class PendingStructure {
  idx = -1;
  dir: 1 | -1 = 1;
  level = Number.NaN;
  /** level, or its float32 rounding in compat mode (SwingTrack.breakLevel). */
  breakLevel = Number.NaN;
  kind: "BOS" | "CHOCH" = "BOS";
  armedAt = -1;
}

/**
 * The reference keeps a label at p only if it breaks at j and no later-placed label breaks at or before j
 * (docs §3.3 step 2). Causally: the newest broken level fires and every older armed level that has not fired is
 * cancelled. Pending levels are kept in increasing row order (X3 only moves forward).
 */
export class StructureDetector {
  /** Direction of the last BOS/CHOCH fired (0 before the first). */
  trend: 1 | -1 | 0 = 0;
  trendIdx = -1;
  trendLevel = Number.NaN;
  trendKind: "BOS" | "CHOCH" | null = null;
  readonly pending: PendingStructure[] = [];
  readonly #h: CandleHistory;
  readonly #sink: SmcEventSink;
  readonly #closeBreak: boolean;
  readonly #free: PendingStructure[] = [];
  /** A level armed on this candle whose break already happened (its tracker says where). */
  #armedBroken: PendingStructure | null = null;
  #armedBrokenAt = -1;

  constructor(h: CandleHistory, closeBreak: boolean, sink: SmcEventSink) {
    this.#h = h;
    this.#closeBreak = closeBreak;
    this.#sink = sink;
  }

  /** After an accepted swing (SWING or SWING_REPLACED): test X4 X3 X2 (final) and X1 (provisional). */
  onAccepted(s: SwingDetector, t: number): void {
    const x1 = s.x1;
    const x2 = s.x2;
    const x3 = s.x3;
    const x4 = s.x4;
    if (x1 === null || x2 === null || x3 === null || x4 === null || x3.armed) return;
    const l1 = x1.level;
    const l2 = x2.level;
    const l3 = x3.level;
    const l4 = x4.level;
    let kind: "BOS" | "CHOCH";
    // Once l1 passes, replacements of X1 only move it further, so an armed level can never un-arm.
    if (x1.dir === 1) {
      if (!(l3 < l1)) return;
      if (l4 < l2 && l2 < l3) kind = "BOS";
      else if (l2 < l4 && l4 < l3) kind = "CHOCH";
      else return;
    } else {
      if (!(l3 > l1)) return;
      if (l4 > l2 && l2 > l3) kind = "BOS";
      else if (l2 > l4 && l4 > l3) kind = "CHOCH";
      else return;
    }
    x3.armed = true;
    const p = this.#free.pop() ?? new PendingStructure();
    p.idx = x3.idx;
    p.dir = x3.dir;
    p.level = l3;
    p.breakLevel = x3.breakLevel;
    p.kind = kind;
    p.armedAt = t;
    if (x3.breakAt >= 0) {
      this.#armedBroken = p;
      this.#armedBrokenAt = x3.breakAt;
    } else {
      this.pending.push(p);
    }
  }

  /** Fires at most one label on candle t and cancels the older armed levels it supersedes. */
  onCandle(t: number): void {
    const pending = this.pending;
    let winner = this.#armedBroken;
    let brokenAt = this.#armedBrokenAt;
    let cut = pending.length; // pending[0 … cut) are older than the winner
    if (winner === null) {
      const h = this.#h;
      const cb = this.#closeBreak;
      for (let k = pending.length - 1; k >= 0; k--) {
        const p = pending[k]!;
        if (p.dir === 1 ? (cb ? h.close(t) : h.high(t)) > p.breakLevel : (cb ? h.close(t) : h.low(t)) < p.breakLevel) {
          winner = p;
          brokenAt = t;
          cut = k;
          break;
        }
      }
      if (winner === null) return;
    }
    this.#armedBroken = null;
    this.#armedBrokenAt = -1;
    this.#sink.onSmcEvent({
      kind: winner.kind, idx: winner.idx, at: t, dir: winner.dir, level: winner.level,
      brokenIndex: brokenAt, armedAt: winner.armedAt,
    });
    this.trend = winner.dir;
    this.trendIdx = winner.idx;
    this.trendLevel = winner.level;
    this.trendKind = winner.kind;
    for (let k = 0; k < cut; k++) this.#cancel(pending[k]!, winner.idx, t);
    // Keep the younger, still-unbroken levels (those after the winner), in order.
    const keep = winner === pending[cut] ? cut + 1 : pending.length;
    let w = 0;
    for (let k = keep; k < pending.length; k++) pending[w++] = pending[k]!;
    pending.length = w;
    this.#free.push(winner);
  }

  #cancel(p: PendingStructure, byIdx: number, t: number): void {
    const h = this.#h;
    const x = p.dir === 1 ? (this.#closeBreak ? h.close(t) : h.high(t)) : this.#closeBreak ? h.close(t) : h.low(t);
    const brokeNow = p.dir === 1 ? x > p.breakLevel : x < p.breakLevel;
    this.#sink.onSmcEvent({
      kind: "STRUCTURE_CANCELLED", idx: p.idx, at: t, dir: p.dir, level: p.level, structure: p.kind,
      armedAt: p.armedAt, byIdx, brokenIndex: brokeNow ? t : -1,
    });
    this.#free.push(p);
  }
}
