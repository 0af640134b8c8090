/** Causal order blocks: a close beyond the latest swing creates a block; later candles make it a breaker, then invalidate it. */
import type { CandleHistory } from "./candle-history";
import { DenseList } from "./dense-list";
import { LevelHeap } from "./level-heap";
import type { SmcEventSink } from "./smc-events";
import type { SwingTrack } from "./swing-track";

export class OrderBlock {
  idx = -1;
  dir: 1 | -1 = 1;
  top = Number.NaN;
  bottom = Number.NaN;
  createdAt = -1;
  swingIdx = -1;
  /** Candle that made it a breaker, -1 while intact. */
  breakerAt = -1;
  pos = -1;
}

/**
 * Bullish and bearish blocks live in separate heaps and never share the reference's `breaker` flag (docs §6.2).
 * Intact bullish blocks are keyed by highest bottom (a low below it makes a breaker), bullish breakers by lowest top
 * (a high above it invalidates); bearish mirror that. Each candle therefore tests four keys.
 */
export class OrderBlockDetector {
  readonly active = new DenseList<OrderBlock>();
  readonly #h: CandleHistory;
  readonly #sink: SmcEventSink;
  readonly #closeMitigation: boolean;
  readonly #bullIntact = new LevelHeap<OrderBlock>();
  readonly #bullBreakers = new LevelHeap<OrderBlock>();
  readonly #bearIntact = new LevelHeap<OrderBlock>();
  readonly #bearBreakers = new LevelHeap<OrderBlock>();
  readonly #free: OrderBlock[] = [];
  /** Zones only move forward per side; a repeat of the last zone row would be the same block twice. */
  #lastBullZone = -1;
  #lastBearZone = -1;

  constructor(h: CandleHistory, closeMitigation: boolean, sink: SmcEventSink) {
    this.#h = h;
    this.#closeMitigation = closeMitigation;
    this.#sink = sink;
  }

  /** Updates existing blocks with candle t, then runs the crossing test on the latest swing high and low. */
  onCandle(t: number, high: SwingTrack | null, low: SwingTrack | null): void {
    this.#update(t);
    if (high !== null && !high.crossed && this.#h.close(t) > high.level) this.#cross(t, high);
    if (low !== null && !low.crossed && this.#h.close(t) < low.level) this.#cross(t, low);
  }

  #update(t: number): void {
    const h = this.#h;
    const high = h.high(t);
    const low = h.low(t);
    // Invalidation first: a block that turns breaker on this candle is tested for invalidation from the next one.
    while (high > this.#bullBreakers.topKey) this.#invalidate(this.#bullBreakers.pop(), t, 1);
    while (low < -this.#bearBreakers.topKey) this.#invalidate(this.#bearBreakers.pop(), t, -1);
    const bodyLow = this.#closeMitigation ? Math.min(h.open(t), h.close(t)) : low;
    const bodyHigh = this.#closeMitigation ? Math.max(h.open(t), h.close(t)) : high;
    while (bodyLow < -this.#bullIntact.topKey) {
      const b = this.#bullIntact.pop();
      b.breakerAt = t;
      this.#bullBreakers.push(b.top, b.idx, b);
      // The reference stores i-1 for bullish blocks (docs §3.4): kept as a field, not as the event time.
      this.#sink.onSmcEvent({
        kind: "OB_BREAKER", idx: b.idx, at: t, dir: 1, level: b.bottom, top: b.top, bottom: b.bottom,
        mitigatedIndex: t - 1,
      });
    }
    while (bodyHigh > this.#bearIntact.topKey) {
      const b = this.#bearIntact.pop();
      b.breakerAt = t;
      this.#bearBreakers.push(-b.bottom, b.idx, b);
      this.#sink.onSmcEvent({
        kind: "OB_BREAKER", idx: b.idx, at: t, dir: -1, level: b.top, top: b.top, bottom: b.bottom, mitigatedIndex: t,
      });
    }
  }

  #invalidate(b: OrderBlock, t: number, dir: 1 | -1): void {
    this.#sink.onSmcEvent({
      kind: "OB_INVALIDATED", idx: b.idx, at: t, dir, level: dir === 1 ? b.top : b.bottom,
      top: b.top, bottom: b.bottom, breakerAt: b.breakerAt,
    });
    this.active.remove(b);
    this.#free.push(b);
  }

  /**
   * Zone: the opposite extreme between the swing and candle t, from the swing's tracker. The range is never empty:
   * a swing is accepted at s+L and cannot be crossed then (its window holds candle s+L), so t >= s+2 — the
   * library's t = s+1 case (swapped top/bottom) needs hindsight and never arises here.
   */
  #cross(t: number, s: SwingTrack): void {
    s.crossed = true;
    if (s.extIdx < 0) return;
    const h = this.#h;
    const dir = s.dir;
    const zone = s.extIdx;
    const top = dir === 1 ? s.extPeer : s.ext;
    const bottom = dir === 1 ? s.ext : s.extPeer;
    if (zone === (dir === 1 ? this.#lastBullZone : this.#lastBearZone)) return;
    if (dir === 1) this.#lastBullZone = zone;
    else this.#lastBearZone = zone;
    const v0 = h.volume(t); // t >= s+2 >= 2, so both earlier rows exist
    const v1 = h.volume(t - 1);
    const v2 = h.volume(t - 2);
    const lowVolume = dir === 1 ? v2 : v0 + v1;
    const highVolume = dir === 1 ? v0 + v1 : v2;
    const most = Math.max(lowVolume, highVolume);
    const percentage = most === 0 ? 100 : (Math.min(lowVolume, highVolume) / most) * 100;
    const b = this.#free.pop() ?? new OrderBlock();
    b.idx = zone;
    b.dir = dir;
    b.top = top;
    b.bottom = bottom;
    b.createdAt = t;
    b.swingIdx = s.idx;
    b.breakerAt = -1;
    this.active.add(b);
    if (dir === 1) this.#bullIntact.push(-bottom, zone, b);
    else this.#bearIntact.push(top, zone, b);
    this.#sink.onSmcEvent({
      kind: "OB_CREATED", idx: zone, at: t, dir, level: s.level, top, bottom, swingIdx: s.idx,
      volume: v0 + v1 + v2, lowVolume, highVolume, percentage,
    });
  }
}
