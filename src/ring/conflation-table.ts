/** Conflation side table: the latest pending KLINE / BOOK_TICKER / MARK_PRICE per symbol, preallocated, FIFO by key. */
import { KLINE, Kind, SLOT_F64 } from "./layout";

/** Kinds whose newest record makes the older ones useless; each gets one lane of `maxSymbols` slots. */
const LANES = 3;

/** Lane of a conflatable kind, or -1. */
export function conflationLane(kind: number): number {
  if (kind === Kind.Kline) return 0;
  if (kind === Kind.BookTicker) return 1;
  if (kind === Kind.MarkPrice) return 2;
  return -1;
}

export class ConflationTable {
  /** Pending records (the order list may also hold keys whose record was dropped). */
  size = 0;
  readonly maxSymbols: number;
  readonly #keys: number;
  readonly #data: Float64Array;
  readonly #pending: Uint8Array;
  /** A key stays listed from its first pending record until it is popped, so the list never holds a key twice. */
  readonly #listed: Uint8Array;
  readonly #order: Int32Array;
  #head = 0;
  #count = 0;

  constructor(maxSymbols: number) {
    this.maxSymbols = maxSymbols;
    this.#keys = LANES * maxSymbols;
    this.#data = new Float64Array(this.#keys * SLOT_F64);
    this.#pending = new Uint8Array(this.#keys);
    this.#listed = new Uint8Array(this.#keys);
    this.#order = new Int32Array(Math.max(1, this.#keys));
  }

  /** True when `symbolId` has a row here; others must go to the overflow queue. */
  accepts(symbolId: number): boolean {
    return symbolId >= 0 && symbolId < this.maxSymbols && (symbolId | 0) === symbolId;
  }

  /** Stores the record at `src[at..]`; returns true when it replaced a pending one. */
  put(lane: number, symbolId: number, src: Float64Array, at: number): boolean {
    const key = lane * this.maxSymbols + symbolId;
    const base = key * SLOT_F64;
    const data = this.#data;
    for (let k = 0; k < SLOT_F64; k++) data[base + k] = src[at + k]!;
    if (this.#pending[key] === 1) return true;
    this.#pending[key] = 1;
    this.size++;
    if (this.#listed[key] === 0) {
      this.#listed[key] = 1;
      let tail = this.#head + this.#count;
      if (tail >= this.#keys) tail -= this.#keys;
      this.#order[tail] = key;
      this.#count++;
    }
    return false;
  }

  /**
   * Drops the symbol's pending in-progress kline if it is not newer than the closed one (open time ≤ `openTimeMs`):
   * a late close for minute m must not erase an update for minute m+1. Returns true when one was dropped.
   */
  dropKline(symbolId: number, openTimeMs: number): boolean {
    const key = symbolId; // lane 0
    if (this.#pending[key] !== 1) return false;
    if (this.#data[key * SLOT_F64 + KLINE.openTimeMs]! > openTimeMs) return false;
    this.#pending[key] = 0;
    this.size--;
    return true;
  }

  /** Copies the oldest-listed pending record to `dst[at..]`. Call only while `size > 0`. */
  popInto(dst: Float64Array, at: number): void {
    for (;;) {
      const key = this.#order[this.#head]!;
      if (++this.#head === this.#keys) this.#head = 0;
      this.#count--;
      this.#listed[key] = 0;
      if (this.#pending[key] !== 1) continue;
      this.#pending[key] = 0;
      this.size--;
      const base = key * SLOT_F64;
      const data = this.#data;
      for (let k = 0; k < SLOT_F64; k++) dst[at + k] = data[base + k]!;
      return;
    }
  }
}
