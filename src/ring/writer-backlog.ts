/** What the writer holds while the ring is full: a bounded FIFO, a conflation table and one pending GAP. */
import { nowUs } from "../core/clock";
import { ConflationTable, conflationLane } from "./conflation-table";
import { F, GAP, KLINE, Kind, SLOT_F64 } from "./layout";
import type { RingWriterStats } from "./writer-stats";

/**
 * Delivery order out of the backlog: the overflow queue (FIFO), then the GAP covering records the queue could not
 * hold, then the conflated latest states. Everything is preallocated; nothing is allocated per record.
 */
/** Told of each record lost (its copy is valid only during the call), so its producer can fetch it again. */
export type LossHandler = (src: Float64Array, at: number) => void;

export class WriterBacklog {
  /** Records waiting, counting a pending GAP as one. */
  size = 0;
  onLost: LossHandler | null = null;
  readonly #stats: RingWriterStats;
  readonly #table: ConflationTable;
  readonly #queue: Float64Array;
  readonly #queueSlots: number;
  #qHead = 0;
  #qCount = 0;
  #gapLost = 0;
  #gapFromMs = 0;
  #gapToMs = 0;
  #gapSymbol = -1;

  constructor(maxSymbols: number, overflowCapacity: number, stats: RingWriterStats) {
    this.#stats = stats;
    this.#table = new ConflationTable(maxSymbols);
    this.#queueSlots = overflowCapacity;
    this.#queue = new Float64Array(overflowCapacity * SLOT_F64);
  }

  /** Takes the record at `src[at..]` out of the caller's hands: conflate, queue, or count it lost. */
  divert(src: Float64Array, at: number): void {
    const kind = src[at + F.kind]!;
    const symbolId = src[at + F.symbolId]!;
    const table = this.#table;
    const lane = conflationLane(kind);
    if (lane >= 0 && table.accepts(symbolId)) {
      if (table.put(lane, symbolId, src, at)) this.#stats.conflated++;
    } else {
      // The close is the final word on its minute, so the pending in-progress update would only be noise.
      if (kind === Kind.KlineClosed && table.accepts(symbolId) && table.dropKline(symbolId, src[at + KLINE.openTimeMs]!)) {
        this.#stats.superseded++;
      }
      if (this.#qCount < this.#queueSlots) this.#enqueue(src, at);
      else this.#lose(src, at, kind, symbolId);
    }
    this.#sync();
  }

  /** Copies the next record in delivery order to `dst[at..]`. Call only while `size > 0`. */
  popInto(dst: Float64Array, at: number): void {
    if (this.#qCount > 0) {
      const queue = this.#queue;
      const base = this.#qHead * SLOT_F64;
      for (let k = 0; k < SLOT_F64; k++) dst[at + k] = queue[base + k]!;
      if (++this.#qHead === this.#queueSlots) this.#qHead = 0;
      this.#qCount--;
    } else if (this.#gapLost > 0) {
      this.#writeGap(dst, at);
    } else {
      this.#table.popInto(dst, at);
    }
    this.#sync();
  }

  #enqueue(src: Float64Array, at: number): void {
    let tail = this.#qHead + this.#qCount;
    if (tail >= this.#queueSlots) tail -= this.#queueSlots;
    const queue = this.#queue;
    const base = tail * SLOT_F64;
    for (let k = 0; k < SLOT_F64; k++) queue[base + k] = src[at + k]!;
    this.#qCount++;
    this.#stats.overflowed++;
  }

  /** Widens the pending gap so the brain can backfill what was lost; a kline's range starts at its open time. */
  #lose(src: Float64Array, at: number, kind: number, symbolId: number): void {
    const eventMs = src[at + F.eventTimeMs]!;
    let fromMs = eventMs;
    if (kind === Kind.KlineClosed || kind === Kind.Kline) fromMs = Math.min(fromMs, src[at + KLINE.openTimeMs]!);
    const sym = symbolId >= 0 && (symbolId | 0) === symbolId ? symbolId : -1;
    if (this.#gapLost === 0) {
      this.#gapFromMs = fromMs;
      this.#gapToMs = eventMs;
      this.#gapSymbol = sym;
    } else {
      if (fromMs < this.#gapFromMs) this.#gapFromMs = fromMs;
      if (eventMs > this.#gapToMs) this.#gapToMs = eventMs;
      if (sym !== this.#gapSymbol) this.#gapSymbol = -1;
    }
    this.#gapLost++;
    this.#stats.lostRecords++;
    this.onLost?.(src, at);
  }

  #writeGap(dst: Float64Array, at: number): void {
    for (let k = 0; k < SLOT_F64; k++) dst[at + k] = 0;
    dst[at + F.kind] = Kind.Gap;
    dst[at + F.symbolId] = this.#gapSymbol;
    dst[at + F.eventTimeMs] = this.#gapToMs;
    dst[at + F.recvTimeUs] = nowUs();
    dst[at + GAP.fromMs] = this.#gapFromMs;
    dst[at + GAP.toMs] = this.#gapToMs;
    dst[at + GAP.lostRecords] = this.#gapLost;
    this.#gapLost = 0;
    this.#stats.gaps++;
  }

  #sync(): void {
    const size = this.#qCount + (this.#gapLost > 0 ? 1 : 0) + this.#table.size;
    this.size = size;
    this.#stats.backlog = size;
    if (size > this.#stats.maxBacklog) this.#stats.maxBacklog = size;
  }
}
