/** How a reader waits for slots: busy-spin, block the thread, or (the brain's way) spin briefly then waitAsync. */
import { READER_SLEEPING_I32, WRITE_CURSOR_I32 } from "./layout";
import type { RingReader } from "./ring-reader";

/**
 * Default spin window of asyncWait, in µs. Waking a sleeping reader costs ~10–30 µs p50 and a p99 of 0.1–1 ms on
 * the 2-core box (docs/performance.md §3.3), and each notify costs the writer a 5–14 µs futex wake. Spinning first
 * means a stream whose gaps stay under the window (100k slots/s, bursts, network clumps) is read without sleeping:
 * in the ring bench at 100k slots/s that gave p99 ≈ 20–160 µs against ≈ 60–200 µs with no spin, when the box was
 * quiet. The price is CPU: up to spinUs per idle gap, so ≤ 13 % of a core at the live ceiling of 2,640 records/s
 * and 2–5 % at a typical 500–1,000/s; at 100k/s the reader never sleeps and takes a whole core. With two busy
 * threads on two cores any neighbour preempts one of them for milliseconds, which no spin window fixes. Pass
 * spinUs = 0 when CPU matters more than the tail (replay, tests).
 */
export const DEFAULT_SPIN_US = 50;

/**
 * Busy-spins until at least `minBatch` slots are available or `maxSpins` polls have passed; returns the available
 * count (possibly 0, possibly below minBatch). minBatch > 1 is for bulk readers (replay, benches): a reader that
 * takes every slot the moment it is published trails the writer by a few cache lines and steals the lines the
 * writer is filling; on the 2-core box that cut batched throughput from ~85 M to ~33 M slots/s.
 */
export function spinWait(reader: RingReader, maxSpins: number, minBatch = 1): number {
  let n = reader.available();
  for (let i = 0; n < minBatch && i < maxSpins; i++) {
    // PAUSE: polls the writer's cursor line less often and yields the core's pipeline to a sibling thread.
    Atomics.pause();
    n = reader.available();
  }
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

/** Pre-resolved promises for small counts: a wait that finds data while spinning then allocates nothing. */
const READY: Promise<number>[] = [];
const READY_MAX = 1024;
const ready = (n: number): Promise<number> => (n <= READY_MAX ? (READY[n] ??= Promise.resolve(n)) : Promise.resolve(n));

/**
 * The brain's strategy: spin up to `spinUs` µs, then sleep in Atomics.waitAsync so the event loop stays free
 * for order I/O. Resolves to the available slot count, 0 on timeout (rarely 0 early after a stale notify:
 * callers loop). A pending waitAsync does not keep a worker alive: keep an onmessage listener or a timer.
 * Not an async function on purpose: at 100k slots/s a reader calls this about once per slot, and a fresh
 * promise per call (the bench logged an eden collection every ~150 ms) is garbage on the hottest path.
 */
export function asyncWait(reader: RingReader, timeoutMs: number, spinUs = DEFAULT_SPIN_US): Promise<number> {
  let n = reader.available();
  if (n === 0 && spinUs > 0) {
    const until = performance.now() + spinUs / 1000;
    do n = reader.available();
    while (n === 0 && performance.now() < until);
  }
  return n !== 0 ? ready(n) : sleepUntilPublished(reader, timeoutMs);
}

async function sleepUntilPublished(reader: RingReader, timeoutMs: number): Promise<number> {
  const i32 = reader.i32;
  // Flag first, cursor second, as in blockingWait.
  Atomics.store(i32, READER_SLEEPING_I32, 1);
  const seen = Atomics.load(i32, WRITE_CURSOR_I32);
  if (((seen - reader.cursor) | 0) === 0) {
    const result = Atomics.waitAsync(i32, WRITE_CURSOR_I32, seen, timeoutMs);
    if (result.async) await result.value;
  }
  Atomics.store(i32, READER_SLEEPING_I32, 0);
  return reader.available();
}
