/** Causal liquidity pools: final swings join the earliest open anchor whose band holds their level, else become anchors. */
import { LevelHeap } from "./level-heap";
import type { CandleHistory } from "./candle-history";
import type { SmcEventSink } from "./smc-events";
import type { SwingTrack } from "./swing-track";

/** A final swing that joined no anchor: a pool once a second member joins. */
export class LiquidityAnchor {
  idx = -1;
  dir: 1 | -1 = 1;
  level = Number.NaN;
  band = 0;
  /** Sum of member levels in row order, as the reference adds them. */
  sum = 0;
  members = 0;
  end = -1;
  sweptAt = -1;
}

/**
 * Anchors are listed per side in row order (the reference's "earliest anchor first"). An anchor swept at c still
 * accepts members whose row is before c; it is dropped once a final swing of its side with row >= c arrives, since
 * later final swings have later rows. Unswept anchors wait in a heap keyed by their sweep price.
 */
export class LiquidityDetector {
  readonly highs: LiquidityAnchor[] = [];
  readonly lows: LiquidityAnchor[] = [];
  readonly #h: CandleHistory;
  readonly #sink: SmcEventSink;
  /** Highs by lowest level+band, lows by highest level-band (negated). */
  readonly #highSweeps = new LevelHeap<LiquidityAnchor>();
  readonly #lowSweeps = new LevelHeap<LiquidityAnchor>();
  readonly #free: LiquidityAnchor[] = [];

  constructor(h: CandleHistory, sink: SmcEventSink) {
    this.#h = h;
    this.#sink = sink;
  }

  /** Sweeps by candle t. */
  onCandle(t: number): void {
    const high = this.#h.high(t);
    const low = this.#h.low(t);
    while (high >= this.#highSweeps.topKey) this.#swept(this.#highSweeps.pop(), t);
    while (low <= -this.#lowSweeps.topKey) this.#swept(this.#lowSweeps.pop(), t);
  }

  #swept(a: LiquidityAnchor, t: number): void {
    a.sweptAt = t;
    if (a.members >= 2) this.#emit("LIQ_SWEPT", a, t);
  }

  /** A swing became final on candle t; its trackers already know whether it was swept since its row. */
  onFinal(s: SwingTrack, t: number): void {
    const list = s.dir === 1 ? this.highs : this.lows;
    const j = s.idx;
    const lvl = s.level;
    let target: LiquidityAnchor | null = null;
    let w = 0;
    for (let r = 0; r < list.length; r++) {
      const a = list[r]!;
      if (a.sweptAt >= 0 && a.sweptAt <= j) {
        this.#free.push(a);
        continue;
      }
      if (target === null && lvl >= a.level - a.band && lvl <= a.level + a.band) target = a;
      list[w++] = a;
    }
    list.length = w;
    if (target !== null) {
      target.sum += lvl;
      target.members++;
      target.end = j;
      if (target.members === 2) {
        this.#emit("LIQ_POOL", target, t);
        if (target.sweptAt >= 0) this.#emit("LIQ_SWEPT", target, t);
      } else {
        this.#extend(target, t);
      }
      return;
    }
    const a = this.#free.pop() ?? new LiquidityAnchor();
    a.idx = j;
    a.dir = s.dir;
    a.level = lvl;
    a.band = s.band;
    a.sum = lvl;
    a.members = 1;
    a.end = j;
    a.sweptAt = s.sweptAt;
    list.push(a);
    if (a.sweptAt < 0) {
      if (a.dir === 1) this.#highSweeps.push(lvl + a.band, j, a);
      else this.#lowSweeps.push(-(lvl - a.band), j, a);
    }
  }

  #emit(kind: "LIQ_POOL" | "LIQ_SWEPT", a: LiquidityAnchor, t: number): void {
    this.#sink.onSmcEvent({
      kind, idx: a.idx, at: t, dir: a.dir, level: a.sum / a.members, anchorLevel: a.level, band: a.band,
      members: a.members, end: a.end, swept: a.sweptAt,
    });
  }

  #extend(a: LiquidityAnchor, t: number): void {
    this.#sink.onSmcEvent({
      kind: "LIQ_EXTEND", idx: a.idx, at: t, dir: a.dir, level: a.sum / a.members, anchorLevel: a.level,
      band: a.band, members: a.members, end: a.end, swept: a.sweptAt, seq: a.members - 2,
    });
  }
}
