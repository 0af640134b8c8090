/** Where parsed and backfilled records go: closed candles deduplicated per minute, the market clock kept, then into the ring. */
import { MINUTE_MS, MinuteSet } from "../core/minute-set";
import {
  F,
  KLINE,
  KLINE_SOURCE_REST,
  KLINE_SOURCE_STREAM,
  KLINE_SOURCE_WARMUP,
  Kind,
  SLOT_F64,
  UNIVERSE,
  UNIVERSE_ACTION,
} from "../ring/layout";
import type { RingWriter } from "../ring/ring-writer";
import type { KlineRow } from "./kline-rest";
import type { RecordSink } from "./parse/stream-parser";

/** An event time further than this from its candle's open is damage, not news: it must not move the clock. */
const MAX_KLINE_EVENT_LAG_MS = 10 * MINUTE_MS;

export class FeedSink implements RecordSink {
  /** The engine's market clock: the latest plausible exchange event time seen (ms). */
  marketTimeMs = 0;
  closedFromStream = 0;
  closedFromRest = 0;
  warmupCandles = 0;
  duplicateClosesDropped = 0;
  implausible = 0;
  /** Closes of the minute before the first one this run expects (it was half over when we connected). */
  preStart = 0;
  started = false;
  /** The first minute whose close this run must deliver for every symbol. */
  firstMinuteMs = NaN;
  readonly closed: MinuteSet;
  /** Closes the ring lost (its overflow queue was full) after they were counted as delivered: to fetch again. */
  relostCloses = 0;
  readonly #scratch = new Float64Array(SLOT_F64);
  /** Lost closes not yet handed to takeRelost(), as [symbolId, openTimeMs] pairs. */
  #relost: number[] = [];
  /** Minutes whose next REST copy must be written although `closed` already has them. */
  readonly #redeliver = new Set<string>();

  constructor(
    private readonly writer: RingWriter,
    private readonly symbolCount: number,
  ) {
    this.closed = new MinuteSet(Math.max(1, symbolCount));
    // A close counts as delivered when it is written, so a loss in the writer must undo that, or no sweep would
    // ever fetch it again. Warm-up history is not owed, so its losses only show in the GAP.
    writer.onLost = (src, at) => {
      if (src[at + F.kind] !== Kind.KlineClosed || src[at + KLINE.source] === KLINE_SOURCE_WARMUP) return;
      const id = src[at + F.symbolId]!;
      const openMs = src[at + KLINE.openTimeMs]!;
      this.relostCloses++;
      this.#redeliver.add(`${id}:${openMs}`);
      this.#relost.push(id, openMs);
    };
  }

  /** Hands over the lost closes to fetch again ([symbolId, openTimeMs] pairs) and forgets them. */
  takeRelost(): number[] {
    const out = this.#relost;
    this.#relost = [];
    return out;
  }

  /**
   * Starts the run: every symbol owes a close from the minute in progress at `marketTimeMs` on, and the brain
   * learns that (and how much history comes before it) in a UNIVERSE record before any candle reaches it.
   * Called with the exchange's time at startup; without it, the first plausible record starts the run.
   */
  begin(marketTimeMs: number, warmupMinutes: number): void {
    if (this.started) return;
    this.started = true;
    this.marketTimeMs = Math.max(this.marketTimeMs, marketTimeMs);
    this.firstMinuteMs = Math.floor(marketTimeMs / MINUTE_MS) * MINUTE_MS;
    for (let id = 0; id < this.symbolCount; id++) this.closed.start(id, this.firstMinuteMs - MINUTE_MS);
    const s = this.#control(UNIVERSE_ACTION.Snapshot, -1);
    s[UNIVERSE.warmupMinutes] = warmupMinutes;
    this.#write(s);
  }

  /** Tells the brain that a symbol's warm-up history is complete (whatever REST had). */
  warmupDone(symbolId: number): void {
    this.#write(this.#control(UNIVERSE_ACTION.WarmupDone, symbolId));
  }

  #control(action: number, symbolId: number): Float64Array {
    const s = this.#scratch;
    s.fill(0);
    s[F.kind] = Kind.Universe;
    s[F.symbolId] = symbolId;
    s[F.eventTimeMs] = this.marketTimeMs;
    s[UNIVERSE.action] = action;
    s[UNIVERSE.symbolCount] = this.symbolCount;
    s[UNIVERSE.firstMinuteMs] = this.firstMinuteMs;
    return s;
  }

  onRecord(slot: Float64Array): void {
    const kind = slot[F.kind];
    if (kind === Kind.Kline || kind === Kind.KlineClosed) {
      const openMs = slot[KLINE.openTimeMs]!;
      const e = slot[F.eventTimeMs]!;
      if (openMs % MINUTE_MS !== 0 || e < openMs || e - openMs > MAX_KLINE_EVENT_LAG_MS) {
        this.implausible++;
        return;
      }
      if (e > this.marketTimeMs) this.marketTimeMs = e;
      if (!this.started) this.begin(this.marketTimeMs, 0);
      if (kind === Kind.KlineClosed) {
        if (!this.closed.add(slot[F.symbolId]!, openMs)) {
          if (openMs < this.firstMinuteMs) this.preStart++;
          else this.duplicateClosesDropped++;
          return;
        }
        this.closedFromStream++;
      }
    } else if (kind === Kind.MarkPrice) {
      const e = slot[F.eventTimeMs]!;
      // Mark prices come once a second for every symbol: only a small step forward is believable.
      if (this.marketTimeMs === 0 || (e > this.marketTimeMs && e - this.marketTimeMs < MAX_KLINE_EVENT_LAG_MS)) this.marketTimeMs = e;
      if (!this.started) this.begin(this.marketTimeMs, 0);
    }
    this.#write(slot);
  }

  /** A closed candle from REST; false if the stream (or an earlier backfill) already delivered that minute. */
  onBackfilled(symbolId: number, row: KlineRow, recvUs: number): boolean {
    if (!this.closed.add(symbolId, row.openTimeMs) && !this.#redeliver.delete(`${symbolId}:${row.openTimeMs}`)) {
      this.duplicateClosesDropped++;
      return false;
    }
    this.closedFromRest++;
    this.#write(this.#candle(symbolId, row, recvUs, KLINE_SOURCE_REST));
    return true;
  }

  /** History before the first minute: not owed by the continuity contract, so not tracked per minute. */
  onWarmup(symbolId: number, row: KlineRow, recvUs: number): boolean {
    if (row.openTimeMs >= this.firstMinuteMs) return false;
    this.warmupCandles++;
    this.#write(this.#candle(symbolId, row, recvUs, KLINE_SOURCE_WARMUP));
    return true;
  }

  #candle(symbolId: number, row: KlineRow, recvUs: number, source: number): Float64Array {
    const s = this.#scratch;
    s.fill(0);
    s[F.kind] = Kind.KlineClosed;
    s[F.symbolId] = symbolId;
    s[F.eventTimeMs] = row.closeTimeMs;
    s[F.recvTimeUs] = recvUs;
    s[KLINE.openTimeMs] = row.openTimeMs;
    s[KLINE.open] = row.open;
    s[KLINE.high] = row.high;
    s[KLINE.low] = row.low;
    s[KLINE.close] = row.close;
    s[KLINE.volume] = row.volume;
    s[KLINE.quoteVolume] = row.quoteVolume;
    s[KLINE.trades] = row.trades;
    s[KLINE.takerBuyVolume] = row.takerBuyVolume;
    s[KLINE.closed] = 1;
    s[KLINE.source] = source;
    return s;
  }

  #write(slot: Float64Array): void {
    const w = this.writer;
    const o = w.claim();
    w.buf.set(slot, o);
    w.commit();
  }
}
