/** Single-producer ring writer: claim a slot, fill it in place, publish any number with one cursor store. Never blocks. */
import { attachRing } from "./ring-buffer";
import { READ_CURSOR_I32, READER_SLEEPING_I32, SLOT_F64, WRITE_CURSOR_I32 } from "./layout";
import { type LossHandler, WriterBacklog } from "./writer-backlog";
import { RingWriterStats } from "./writer-stats";

export interface RingWriterOptions {
  /** Symbol ids 0..maxSymbols-1 get a conflation row per conflatable kind; other ids go to the overflow queue. */
  maxSymbols: number;
  /** Records the overflow queue holds before records are lost and covered by a GAP. */
  overflowCapacity: number;
}

const NO_CLAIM = 0;
const RING_CLAIM = 1;
const SCRATCH_CLAIM = 2;
const RUN_CLAIM = 3;

/**
 * Usage per record: `const i = w.claim(); w.buf[i + F.kind] = …; w.commit();` then `w.publish()` per record or
 * per batch. Read `w.buf` after every claim: it is the ring or a scratch slot. A claimed slot holds stale data,
 * so write every field the kind defines. Call `flush()` from a timer while idle so a backlog drains.
 * A producer with many records at once claims them as a run: `const n = w.claimRun(want)`, fills slots
 * `w.runAt + k * SLOT_F64` of `w.buf` for k < n, then `w.commitRun(n)`; when n is 0, it falls back to claim().
 */
export class RingWriter {
  /** The array the current claim points into. */
  buf: Float64Array;
  /** Float64 index in `buf` of the first slot of the current claimRun(). */
  runAt = 0;
  readonly stats = new RingWriterStats();
  readonly capacity: number;
  readonly #i32: Int32Array;
  readonly #ring: Float64Array;
  readonly #mask: number;
  readonly #scratch = new Float64Array(SLOT_F64);
  readonly #backlog: WriterBacklog;
  /** Next sequence to fill; everything before it is committed. */
  #next: number;
  /** Value last stored into the write cursor. */
  #published: number;
  /** Reader's cursor as last loaded: reread only when it says the ring is full (Disruptor's cached gating sequence). */
  #readCache: number;
  /** Ring slots known free with no backlog waiting: while > 0 a claim is one compare (the hot path). */
  #room = 0;
  #claim = NO_CLAIM;
  /** Slots granted by the open claimRun(). */
  #runSize = 0;

  constructor(sab: SharedArrayBuffer, opts: RingWriterOptions) {
    for (const [name, value] of Object.entries(opts)) {
      if (!Number.isInteger(value) || value < 0) {
        throw new RangeError(`RingWriter: ${name} = ${value}; pass a non-negative integer`);
      }
    }
    const view = attachRing(sab);
    this.#i32 = view.i32;
    this.#ring = view.f64;
    this.#mask = view.mask;
    this.capacity = view.capacity;
    this.buf = view.f64;
    this.#backlog = new WriterBacklog(opts.maxSymbols, opts.overflowCapacity, this.stats);
    // Resume where a previous writer stopped: its committed-but-unpublished records are gone with it.
    this.#next = Atomics.load(view.i32, WRITE_CURSOR_I32);
    this.#published = this.#next;
    this.#readCache = Atomics.load(view.i32, READ_CURSOR_I32);
  }

  /**
   * Called for every record the full overflow queue could not hold (the GAP record counts them): a producer that
   * can fetch a record again (the feed, from REST) sets it so the loss is repaired, not just reported.
   */
  set onLost(handler: LossHandler | null) {
    this.#backlog.onLost = handler;
  }

  /** Free ring slots; loads the reader's cursor only when the cached one shows fewer than `want`. */
  freeSlots(want = 1): number {
    let free = this.capacity - ((this.#next - this.#readCache) | 0);
    if (free < want) {
      this.#readCache = Atomics.load(this.#i32, READ_CURSOR_I32);
      free = this.capacity - ((this.#next - this.#readCache) | 0);
    }
    this.#room = this.#backlog.size === 0 ? free : 0;
    return free;
  }

  /**
   * Returns the Float64 index of a slot in `this.buf`; never fails, never blocks. Moves any backlog into free ring
   * space first; while a backlog remains the claim is a scratch slot, so records keep their order.
   */
  claim(): number {
    if (this.#room > 0 || this.#refill(1) > 0) {
      this.#claim = RING_CLAIM;
      this.buf = this.#ring;
      return (this.#next & this.#mask) * SLOT_F64;
    }
    this.#claim = SCRATCH_CLAIM;
    this.buf = this.#scratch;
    return 0;
  }

  /**
   * Bulk claim, the Disruptor's `next(n)`: up to `want` consecutive ring slots in one step. Returns how many it
   * granted, starting at `runAt` in `buf`; a run stops where the ring wraps, so ask again for the rest. Returns 0
   * when the ring is full or a backlog waits: claim() then takes the record, so nothing is lost or reordered.
   * Per record it saves claim()'s bookkeeping, which costs more than writing the 16 fields (ring bench: ~2×).
   */
  claimRun(want: number): number {
    if (this.#claim !== NO_CLAIM || !Number.isInteger(want) || want < 0) {
      throw new Error(
        `RingWriter.claimRun(${want}): ${this.#claim !== NO_CLAIM ? "a claim is still open; commit it first" : "pass a whole number of slots"}`,
      );
    }
    if (this.#room < want) this.#refill(want);
    const start = this.#next & this.#mask;
    const n = Math.min(want, this.#room, this.capacity - start);
    if (!(n > 0)) return 0;
    this.#claim = RUN_CLAIM;
    this.#runSize = n;
    this.buf = this.#ring;
    this.runAt = start * SLOT_F64;
    return n;
  }

  /** Ends a claimRun(): the first `n` slots of the run (n ≤ granted) join the next publish; the rest stay free. */
  commitRun(n: number): void {
    if (this.#claim !== RUN_CLAIM || !Number.isInteger(n) || n < 0 || n > this.#runSize) {
      throw new Error(`RingWriter.commitRun(${n}): pass at most the ${this.#runSize} slots the last claimRun() granted`);
    }
    this.#next = (this.#next + n) | 0;
    this.#room -= n;
    this.#claim = NO_CLAIM;
    this.stats.committed += n;
  }

  /** Slow path of both claims: drain the backlog, then look at the reader's cursor again; returns the new room. */
  #refill(want: number): number {
    if (this.#backlog.size !== 0) this.#drain();
    if (this.#backlog.size === 0) this.freeSlots(want);
    return this.#room;
  }

  /** Ends the claim: a ring slot joins the next publish; a scratch slot is conflated, queued or counted lost. */
  commit(): void {
    if (this.#claim === RING_CLAIM) {
      this.#next = (this.#next + 1) | 0;
      this.#room--;
      this.#claim = NO_CLAIM;
      this.stats.committed++;
    } else this.#commitScratch();
  }

  /** Kept out of commit() so that the ring path stays small enough to inline. */
  #commitScratch(): void {
    if (this.#claim === RUN_CLAIM) throw new Error("RingWriter.commit() after claimRun(): end a run with commitRun(n)");
    if (this.#claim !== SCRATCH_CLAIM) {
      throw new Error("RingWriter.commit() without claim(): call claim() before each commit()");
    }
    this.#backlog.divert(this.#scratch, 0);
    this.#claim = NO_CLAIM;
    this.stats.committed++;
  }

  /** Makes every committed slot visible with one Atomics.store; wakes the reader only if it said it sleeps. */
  publish(): void {
    const next = this.#next;
    if (next === this.#published) return;
    this.stats.published += (next - this.#published) | 0;
    this.#published = next;
    Atomics.store(this.#i32, WRITE_CURSOR_I32, next);
    // Seq-cst: cursor stored before the flag is loaded, and the reader stores its flag before loading the cursor,
    // so at least one side sees the other and no wake-up is lost.
    if (Atomics.load(this.#i32, READER_SLEEPING_I32) !== 0) Atomics.notify(this.#i32, WRITE_CURSOR_I32);
  }

  /** Moves backlog into free ring space and publishes; returns the backlog left. Call from a timer when idle. */
  flush(): number {
    if (this.#backlog.size !== 0) this.#drain();
    this.publish();
    return this.#backlog.size;
  }

  #drain(): void {
    const backlog = this.#backlog;
    let free = this.freeSlots(backlog.size);
    const ring = this.#ring;
    while (free > 0 && backlog.size > 0) {
      backlog.popInto(ring, (this.#next & this.#mask) * SLOT_F64);
      this.#next = (this.#next + 1) | 0;
      free--;
    }
    this.#room = backlog.size === 0 ? free : 0;
  }
}
