/** Single-consumer ring reader: load the write cursor, read slots in place, free them with one cursor store. */
import { attachRing } from "./ring-buffer";
import { READ_CURSOR_I32, SLOT_F64, WRITE_CURSOR_I32 } from "./layout";

/**
 * Usage: `const n = r.available(); for (let k = 0; k < n; k++) { const i = r.slot(k); …r.f64[i + F.kind]… }
 * r.release(n);` A slot may be overwritten as soon as it is released, so copy what must outlive the batch.
 */
export class RingReader {
  readonly f64: Float64Array;
  /** Header and cursors; the wait strategies set the sleeping flag through it. */
  readonly i32: Int32Array;
  readonly capacity: number;
  readonly #mask: number;
  /** Own cursor, mirrored in shared memory on release(); only this thread writes it. */
  #read: number;

  constructor(sab: SharedArrayBuffer) {
    const view = attachRing(sab);
    this.f64 = view.f64;
    this.i32 = view.i32;
    this.capacity = view.capacity;
    this.#mask = view.mask;
    // Resume after a restart: everything before the stored cursor was already consumed.
    this.#read = Atomics.load(view.i32, READ_CURSOR_I32);
  }

  /** Sequence of the next unread slot. */
  get cursor(): number {
    return this.#read;
  }

  /** Published slots not yet released (wrap-safe across the Int32 overflow). */
  available(): number {
    return (Atomics.load(this.i32, WRITE_CURSOR_I32) - this.#read) | 0;
  }

  /** Float64 index in `f64` of the k-th unread slot (0-based); valid for k < available(). */
  slot(k: number): number {
    return ((this.#read + k) & this.#mask) * SLOT_F64;
  }

  /** Frees the first `n` unread slots for the writer with one Atomics.store. */
  release(n: number): void {
    this.#read = (this.#read + n) | 0;
    Atomics.store(this.i32, READ_CURSOR_I32, this.#read);
  }
}
