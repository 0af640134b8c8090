/** Causal fair value gaps: detected one candle after the middle row, mitigated by the first touch from row+2 on. */
import type { CandleHistory } from "./candle-history";
import { DenseList } from "./dense-list";
import { LevelHeap } from "./level-heap";
import type { SmcEventSink } from "./smc-events";

/** One open gap (or, in joined mode, the merged run ending at idx). */
export class FvgZone {
  idx = -1;
  startIdx = -1;
  dir: 1 | -1 = 1;
  top = Number.NaN;
  bottom = Number.NaN;
  /** Extensions so far (joined mode). */
  seq = 0;
  pos = -1;
}

/**
 * The newest gap waits one candle in `pending` (it cannot be mitigated before idx+2, and in joined mode the next
 * candle may still extend it); then it moves to a heap: bullish by highest top, bearish by lowest bottom, so each
 * candle tests one key per side.
 */
export class FvgDetector {
  readonly open = new DenseList<FvgZone>();
  readonly #h: CandleHistory;
  readonly #sink: SmcEventSink;
  readonly #join: boolean;
  readonly #bull = new LevelHeap<FvgZone>();
  readonly #bear = new LevelHeap<FvgZone>();
  readonly #free: FvgZone[] = [];
  #pending: FvgZone | null = null;

  constructor(h: CandleHistory, joinConsecutive: boolean, sink: SmcEventSink) {
    this.#h = h;
    this.#join = joinConsecutive;
    this.#sink = sink;
  }

  onCandle(t: number): void {
    if (t >= 2) this.#detect(t);
    this.#mitigate(t);
  }

  #detect(t: number): void {
    const h = this.#h;
    const i = t - 1;
    const o = h.open(i);
    const c = h.close(i);
    let dir: 1 | -1 | 0 = 0;
    let top = 0;
    let bottom = 0;
    if (c > o && h.high(i - 1) < h.low(t)) {
      dir = 1;
      top = h.low(t);
      bottom = h.high(i - 1);
    } else if (c < o && h.low(i - 1) > h.high(t)) {
      dir = -1;
      top = h.low(i - 1);
      bottom = h.high(t);
    }
    const pending = this.#pending;
    if (dir === 0) {
      if (pending !== null) this.#activate(pending);
      this.#pending = null;
      return;
    }
    this.#sink.onSmcEvent({ kind: "FVG", idx: i, at: t, dir, level: dir === 1 ? top : bottom, top, bottom });
    if (this.#join && pending !== null && pending.dir === dir && pending.idx === i - 1) {
      pending.top = Math.max(pending.top, top);
      pending.bottom = Math.min(pending.bottom, bottom);
      pending.seq++;
      const prevIdx = pending.idx;
      pending.idx = i;
      this.#sink.onSmcEvent({
        kind: "FVG_EXTENDED", idx: i, at: t, dir, level: dir === 1 ? pending.top : pending.bottom,
        top: pending.top, bottom: pending.bottom, prevIdx, startIdx: pending.startIdx, seq: pending.seq,
      });
      return;
    }
    if (pending !== null) this.#activate(pending);
    const z = this.#free.pop() ?? new FvgZone();
    z.idx = i;
    z.startIdx = i;
    z.dir = dir;
    z.top = top;
    z.bottom = bottom;
    z.seq = 0;
    this.open.add(z);
    this.#pending = z;
  }

  #activate(z: FvgZone): void {
    if (z.dir === 1) this.#bull.push(-z.top, z.idx, z);
    else this.#bear.push(z.bottom, z.idx, z);
  }

  #mitigate(t: number): void {
    const low = this.#h.low(t);
    const high = this.#h.high(t);
    while (low <= -this.#bull.topKey) this.#close(this.#bull.pop(), t);
    while (high >= this.#bear.topKey) this.#close(this.#bear.pop(), t);
  }

  #close(z: FvgZone, t: number): void {
    this.#sink.onSmcEvent({
      kind: "FVG_MITIGATED", idx: z.idx, at: t, dir: z.dir, level: z.dir === 1 ? z.top : z.bottom,
      top: z.top, bottom: z.bottom,
    });
    this.open.remove(z);
    this.#free.push(z);
  }
}
