/** Releases each symbol's closed 1m candles strictly in time order: history first, then live minutes without holes. */
import { MINUTE_MS } from "../core/minute-set";
import { F, KLINE, SLOT_F64, UNIVERSE, UNIVERSE_ACTION } from "../ring/layout";

/** Receives candles in order; `buf[o ...]` is a KLINE slot valid only during the call. */
export interface OrderedCandleSink {
  onOrderedCandle(symbolId: number, buf: Float64Array, o: number, live: boolean): void;
}

/** A live hole older than this many held minutes is skipped: the feed gave up on it, analysis must go on. */
const MAX_HELD = 32;

/**
 * Backfills can land after later minutes (an outage, then REST), and history arrives while live minutes
 * already stream. Analysis needs order, so out-of-order live minutes wait here (rare: a copy per held slot).
 */
export class CandleSequencer {
  firstMinuteMs = NaN;
  released = 0;
  late = 0;
  skippedMinutes = 0;
  #last: Float64Array;
  #warm: Uint8Array;
  #held = new Map<number, Map<number, Float64Array>>();

  constructor(
    readonly maxSymbols: number,
    private readonly sink: OrderedCandleSink,
  ) {
    this.#last = new Float64Array(maxSymbols).fill(NaN);
    this.#warm = new Uint8Array(maxSymbols);
  }

  onUniverse(buf: Float64Array, o: number): void {
    const action = buf[o + UNIVERSE.action];
    if (action === UNIVERSE_ACTION.Snapshot) {
      this.firstMinuteMs = buf[o + UNIVERSE.firstMinuteMs]!;
      // Without warm-up history there is nothing to wait for.
      if (buf[o + UNIVERSE.warmupMinutes] === 0) this.#warm.fill(1);
    } else if (action === UNIVERSE_ACTION.WarmupDone) {
      const id = buf[o + F.symbolId]!;
      if (id >= 0 && id < this.maxSymbols && this.#warm[id] === 0) {
        this.#warm[id] = 1;
        this.#flush(id);
      }
    }
  }

  onClosed(buf: Float64Array, o: number): void {
    const id = buf[o + F.symbolId]!;
    if (id < 0 || id >= this.maxSymbols) return;
    const t = buf[o + KLINE.openTimeMs]!;
    const last = this.#last[id]!;
    if (!(t > last) && !Number.isNaN(last)) {
      this.late++;
      return;
    }
    if (t < this.firstMinuteMs) {
      // History: in order by construction (one REST page per symbol); nothing to hold.
      if (this.#warm[id] === 0) this.#release(id, buf, o, false);
      else this.late++;
      return;
    }
    if (this.#warm[id] === 1 && t === this.#next(id)) {
      this.#release(id, buf, o, true);
      this.#flush(id);
      return;
    }
    this.#hold(id, t, buf, o);
  }

  #next(id: number): number {
    const last = this.#last[id]!;
    return Number.isNaN(last) || last < this.firstMinuteMs ? this.firstMinuteMs : last + MINUTE_MS;
  }

  #hold(id: number, t: number, buf: Float64Array, o: number): void {
    let held = this.#held.get(id);
    if (!held) this.#held.set(id, (held = new Map()));
    if (held.has(t)) {
      // A second copy of a minute already waiting: the first stays, as for minutes already released.
      this.late++;
      return;
    }
    held.set(t, buf.slice(o, o + SLOT_F64));
    if (held.size > MAX_HELD && this.#warm[id] === 1) {
      const oldest = Math.min(...held.keys());
      this.skippedMinutes += (oldest - this.#next(id)) / MINUTE_MS;
      this.#last[id] = oldest - MINUTE_MS;
    }
    this.#flush(id);
  }

  #flush(id: number): void {
    const held = this.#held.get(id);
    if (!held || this.#warm[id] === 0) return;
    for (let t = this.#next(id), slot = held.get(t); slot; t += MINUTE_MS, slot = held.get(t)) {
      held.delete(t);
      this.#release(id, slot, 0, true);
    }
    if (held.size === 0) this.#held.delete(id);
  }

  #release(id: number, buf: Float64Array, o: number, live: boolean): void {
    this.#last[id] = buf[o + KLINE.openTimeMs]!;
    this.released++;
    this.sink.onOrderedCandle(id, buf, o, live);
  }
}
