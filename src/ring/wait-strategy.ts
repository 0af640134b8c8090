/** How a reader waits for slots: busy-spin, block the thread, or (the brain's way) spin briefly then waitAsync. */
import { READER_SLEEPING_I32, WRITE_CURSOR_I32 } from "./layout";
import type { RingReader } from "./ring-reader";

/**
 * Default spin window of asyncWait, in µs. Waking a sleeping reader costs ~15–30 µs p50 and up to ~1 ms p99 on the
 * 2-core box (docs/performance.md §3.3), and costs the writer a 5–14 µs futex wake per notify. Spinning for
 * 30 µs first means a stream with gaps under 30 µs (100k slots/s and bursts) never sleeps: p99 stays ≤ 200 µs.
 * The price is up to 30 µs of CPU per idle gap: at the live ceiling of 2,640 records/s that is ≤ 8 % of a core
 * on the brain. Pass spinUs = 0 when CPU matters more than the tail (replay, tests).
 */
export const DEFAULT_SPIN_US = 30;

/** Busy-spins up to `maxSpins` cursor loads; returns the available slot count, 0 if none appeared. */
export function spinWait(reader: RingReader, maxSpins: number): number {
  let n = reader.available();
  for (let i = 0; n === 0 && i < maxSpins; i++) n = reader.available();
  return n;
}

/**
 * Blocks the thread with Atomics.wait until the writer publishes or `timeoutMs` passes; returns the available
 * slot count (0 on timeout, rarely 0 early after a stale notify). Never call it on the main thread.
 */
export function blockingWait(reader: RingReader, timeoutMs: number): number {
  const n = reader.available();
  if (n !== 0) return n;
  const i32 = reader.i32;
  // Flag first, cursor second: the writer stores the cursor, then loads the flag (seq-cst), so one of us sees the other.
  Atomics.store(i32, READER_SLEEPING_I32, 1);
  const seen = Atomics.load(i32, WRITE_CURSOR_I32);
  if (((seen - reader.cursor) | 0) === 0) Atomics.wait(i32, WRITE_CURSOR_I32, seen, timeoutMs);
  Atomics.store(i32, READER_SLEEPING_I32, 0);
  return reader.available();
}

/**
 * The brain's strategy: spin up to `spinUs` µs, then sleep in Atomics.waitAsync so the event loop stays free
 * for order I/O. Resolves to the available slot count, 0 on timeout (rarely 0 early after a stale notify:
 * callers loop). A pending waitAsync does not keep a worker alive: keep an onmessage listener or a timer.
 */
export async function asyncWait(reader: RingReader, timeoutMs: number, spinUs = DEFAULT_SPIN_US): Promise<number> {
  let n = reader.available();
  if (n !== 0) return n;
  if (spinUs > 0) {
    const until = performance.now() + spinUs / 1000;
    do {
      n = reader.available();
      if (n !== 0) return n;
    } while (performance.now() < until);
  }
  const i32 = reader.i32;
  Atomics.store(i32, READER_SLEEPING_I32, 1);
  const seen = Atomics.load(i32, WRITE_CURSOR_I32);
  if (((seen - reader.cursor) | 0) === 0) {
    const result = Atomics.waitAsync(i32, WRITE_CURSOR_I32, seen, timeoutMs);
    if (result.async) await result.value;
  }
  Atomics.store(i32, READER_SLEEPING_I32, 0);
  return reader.available();
}
