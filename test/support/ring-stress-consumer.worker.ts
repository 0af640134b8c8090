/** Stress consumer: expects heartbeats 0..n-1 in order and counts lost, duplicated/reordered and torn slots. */
import { RingReader } from "../../src/ring/ring-reader";
import { HEARTBEAT } from "../../src/ring/layout";
import { asyncWait, blockingWait, spinWait } from "../../src/ring/wait-strategy";
import { heartbeatIntact } from "./ring-records";
import { serveOnce } from "./ring-worker-harness";

export type WaitKind = "spin" | "blocking" | "async";

export interface StressConsumerInit {
  sab: SharedArrayBuffer;
  n: number;
  wait: WaitKind;
  /** Give up after this long without progress (a lost wake-up or a dead producer). */
  stallMs: number;
}

export interface StressConsumerResult {
  received: number;
  lost: number;
  duplicatedOrReordered: number;
  torn: number;
  /** Waits that ended with nothing available: with a producer that never stops, a sign of a lost wake-up. */
  emptyWakes: number;
  firstProblem: string;
  elapsedMs: number;
}

class Checker {
  received = 0;
  expected = 0;
  lost = 0;
  duplicatedOrReordered = 0;
  torn = 0;
  emptyWakes = 0;
  firstProblem = "";

  constructor(readonly r: RingReader) {}

  /** Verifies and releases `count` slots with one release. */
  take(count: number): void {
    const { r } = this;
    const f64 = r.f64;
    for (let k = 0; k < count; k++) {
      const at = r.slot(k);
      const seq = f64[at + HEARTBEAT.seq]!;
      if (seq === this.expected) this.expected++;
      else if (seq > this.expected) {
        this.note(`expected ${this.expected}, got ${seq}`);
        this.lost += seq - this.expected;
        this.expected = seq + 1;
      } else {
        this.note(`expected ${this.expected}, got ${seq} again`);
        this.duplicatedOrReordered++;
      }
      if (!heartbeatIntact(f64, at, seq)) {
        this.note(`slot ${seq} torn`);
        this.torn++;
      }
    }
    this.received += count;
    r.release(count);
  }

  note(problem: string): void {
    if (this.firstProblem === "") this.firstProblem = problem;
  }
}

async function consume({ sab, n, wait, stallMs }: StressConsumerInit): Promise<StressConsumerResult> {
  const r = new RingReader(sab);
  const c = new Checker(r);
  const t0 = performance.now();
  let lastProgress = t0;
  while (c.received < n) {
    let avail: number;
    if (wait === "spin") avail = spinWait(r, 1 << 14);
    else if (wait === "blocking") avail = blockingWait(r, stallMs);
    else avail = await asyncWait(r, stallMs, 0);
    if (avail > 0) {
      c.take(Math.min(avail, n - c.received));
      lastProgress = performance.now();
      continue;
    }
    if (wait !== "spin") c.emptyWakes++;
    if (performance.now() - lastProgress > stallMs) throw new Error(`no slot for ${stallMs} ms after ${c.received} of ${n}`);
  }
  const { received, lost, duplicatedOrReordered, torn, emptyWakes, firstProblem } = c;
  return { received, lost, duplicatedOrReordered, torn, emptyWakes, firstProblem, elapsedMs: performance.now() - t0 };
}

serveOnce(consume);
