/** Ring creation and validation: writes the header once, and refuses a buffer whose layout this build does not share. */
import { RingLayoutError } from "../core/errors";
import {
  HDR_I32,
  LAYOUT_VERSION,
  MAGIC,
  READ_CURSOR_I32,
  READER_SLEEPING_I32,
  SLOT_BYTES,
  SLOT_F64,
  SLOTS_BYTE_OFFSET,
  WRITE_CURSOR_I32,
  ringBytes,
} from "./layout";

/** Exclusive upper bound: keeps every fill level `(w - r) | 0` far from the Int32 sign bit. */
export const MAX_CAPACITY = 2 ** 30;

/** Typed views over one ring. `f64` covers the slot area only, so slot `s` starts at `slotIndex(view, s)`. */
export interface RingView {
  readonly sab: SharedArrayBuffer;
  /** Whole buffer as Int32: header and cursors; use `Atomics` for the cursors. */
  readonly i32: Int32Array;
  /** Slot area as Float64: `capacity * SLOT_F64` entries starting at byte SLOTS_BYTE_OFFSET. */
  readonly f64: Float64Array;
  readonly capacity: number;
  readonly mask: number;
}

const isPowerOfTwo = (n: number): boolean => Number.isInteger(n) && n >= 2 && (n & (n - 1)) === 0;

function checkCapacity(capacity: number, where: string): void {
  if (!Number.isInteger(capacity) || capacity < 2 || capacity >= MAX_CAPACITY || !isPowerOfTwo(capacity)) {
    throw new RingLayoutError(
      `${where}: ring capacity ${capacity} is not a power of two in [2, 2^30); ` +
        `slots are addressed by sequence & (capacity - 1), so pick one such as 1024 or 65536`,
    );
  }
}

/**
 * Allocates a ring with `capacity` slots and both cursors at `initialSequence | 0`.
 * Throws RingLayoutError when capacity is not a power of two in [2, 2^30).
 */
export function createRing(capacity: number, initialSequence = 0): SharedArrayBuffer {
  checkCapacity(capacity, "createRing");
  const sab = new SharedArrayBuffer(ringBytes(capacity));
  const i32 = new Int32Array(sab);
  i32[HDR_I32.magic] = MAGIC;
  i32[HDR_I32.version] = LAYOUT_VERSION;
  i32[HDR_I32.capacity] = capacity;
  i32[HDR_I32.slotBytes] = SLOT_BYTES;
  const seq = initialSequence | 0;
  Atomics.store(i32, WRITE_CURSOR_I32, seq);
  Atomics.store(i32, READ_CURSOR_I32, seq);
  Atomics.store(i32, READER_SLEEPING_I32, 0);
  return sab;
}

/** Validates the header of a ring made by createRing (possibly in another thread) and returns views over it. */
export function attachRing(sab: SharedArrayBuffer): RingView {
  if (!(sab instanceof SharedArrayBuffer)) {
    throw new RingLayoutError("attachRing: expected a SharedArrayBuffer; pass the buffer returned by createRing");
  }
  if (sab.byteLength < SLOTS_BYTE_OFFSET) {
    throw new RingLayoutError(
      `attachRing: buffer of ${sab.byteLength} bytes is smaller than the ${SLOTS_BYTE_OFFSET}-byte header; ` +
        "pass the buffer returned by createRing",
    );
  }
  const i32 = new Int32Array(sab);
  const magic = i32[HDR_I32.magic] ?? 0;
  if (magic !== MAGIC) {
    throw new RingLayoutError(
      `attachRing: magic 0x${(magic >>> 0).toString(16)} is not 0x${MAGIC.toString(16)} ("AEG1"); ` +
        "the buffer was not made by createRing",
    );
  }
  const version = i32[HDR_I32.version] ?? 0;
  if (version !== LAYOUT_VERSION) {
    throw new RingLayoutError(
      `attachRing: layout version ${version} but this build reads version ${LAYOUT_VERSION}; ` +
        "run feed and brain from the same build",
    );
  }
  const slotBytes = i32[HDR_I32.slotBytes] ?? 0;
  if (slotBytes !== SLOT_BYTES) {
    throw new RingLayoutError(
      `attachRing: slot size ${slotBytes} bytes but this build uses ${SLOT_BYTES}; run feed and brain from the same build`,
    );
  }
  const capacity = i32[HDR_I32.capacity] ?? 0;
  checkCapacity(capacity, "attachRing");
  if (sab.byteLength !== ringBytes(capacity)) {
    throw new RingLayoutError(
      `attachRing: buffer has ${sab.byteLength} bytes but capacity ${capacity} needs ${ringBytes(capacity)}; ` +
        "the header or the buffer is corrupt, create the ring again",
    );
  }
  const f64 = new Float64Array(sab, SLOTS_BYTE_OFFSET, capacity * SLOT_F64);
  return { sab, i32, f64, capacity, mask: capacity - 1 };
}

/** Float64 index in `view.f64` where the slot for sequence `seq` starts (wrap-safe for any Int32 sequence). */
export const slotIndex = (view: RingView, seq: number): number => (seq & view.mask) * SLOT_F64;
