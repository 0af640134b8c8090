/** Ring bench producer: writes records through RingWriter or postMessage, or paces them for the latency run. */
import { nowUs } from "../../src/core/clock";
import { F, SLOT_F64 } from "../../src/ring/layout";
import { RingWriter } from "../../src/ring/ring-writer";
import { fillSlot, makeObject } from "./ring-bench-payload";
import { pingPong } from "./ring-bench-pingpong";
import { serveCommands } from "./ring-bench-rpc";
import { threadTimesMs } from "./bench-stats";

let port: MessagePort | null = null;
/** Side of the placement ping-pong: the producer answers even values, the consumer odd ones. */
const PARITY = 0;

/**
 * One publish of `size` records starting at record `i`; returns the next record. Functions called per batch, as
 * the feed's per-message handler is, so the JIT compiles them whole instead of OSR-entering one long loop.
 * Per-slot publish claims each record with claim(); a batch claims its slots as runs (claimRun), as bulk
 * producers do.
 */
function writeRecords(w: RingWriter, i: number, size: number): number {
  for (let b = 0; b < size; b++, i++) {
    const at = w.claim();
    fillSlot(w.buf, at, i);
    w.commit();
  }
  w.publish();
  return i;
}

function writeRuns(w: RingWriter, i: number, size: number): number {
  const end = i + size;
  while (i < end) {
    const granted = w.claimRun(end - i);
    if (granted === 0) throw new Error("claimRun granted nothing although the bench waited for room");
    const buf = w.buf;
    const at = w.runAt;
    for (let k = 0; k < granted; k++) fillSlot(buf, at + k * SLOT_F64, i + k);
    w.commitRun(granted);
    i += granted;
  }
  w.publish();
  return i;
}
/** The postMessage baseline's fill, a function per message for the same reason as writeRuns. */
function fillMessage(buf: Float64Array, i: number, slots: number): number {
  for (let s = 0; s < slots; s++, i++) fillSlot(buf, s * SLOT_F64, i);
  return i;
}

const writerOptions = { maxSymbols: 1024, overflowCapacity: 1024 };

function finish(startUs: number, t0: [number, number]) {
  const endUs = nowUs();
  const t1 = threadTimesMs();
  return { startUs, endUs, cpuMs: t1[0] - t0[0], runqMs: t1[1] - t0[1] };
}

serveCommands({
  port: (msg: { port: MessagePort }) => {
    port = msg.port;
    return null;
  },

  pingPong: ({ sab, trips }: { sab: SharedArrayBuffer; trips: number }) => pingPong(sab, PARITY, trips),

  /** Throughput: `batch` records per publish (1 = per-slot publish with claim(); more = claimRun). */
  ring: ({ sab, n, batch }: { sab: SharedArrayBuffer; n: number; batch: number }) => {
    const w = new RingWriter(sab, writerOptions);
    const t0 = threadTimesMs();
    const startUs = nowUs();
    for (let i = 0; i < n; ) {
      const size = Math.min(batch, n - i);
      // Bench only: wait for room, so every slot travels through the ring itself and never through the backlog.
      while (w.freeSlots(size) < size);
      i = batch === 1 ? writeRecords(w, i, size) : writeRuns(w, i, size);
    }
    return { ...finish(startUs, t0), overflowed: w.stats.overflowed };
  },

  /** Baseline: one 16-field object per message. */
  pmObject: ({ n }: { n: number }) => {
    if (!port) throw new Error("no port");
    const t0 = threadTimesMs();
    const startUs = nowUs();
    for (let i = 0; i < n; i++) port.postMessage(makeObject(i));
    return finish(startUs, t0);
  },

  /** Baseline: a Float64Array of `slots` slots per message (structured clone; the buffer is reused). */
  pmBatch: ({ messages, slots }: { messages: number; slots: number }) => {
    if (!port) throw new Error("no port");
    const buf = new Float64Array(slots * SLOT_F64);
    const t0 = threadTimesMs();
    const startUs = nowUs();
    for (let m = 0, i = 0; m < messages; m++) {
      i = fillMessage(buf, i, slots);
      port.postMessage(buf);
    }
    return finish(startUs, t0);
  },

  /** Latency: one slot per publish at a fixed rate, busy-paced; stamped just before publish. */
  latency: ({ sab, n, ratePerS }: { sab: SharedArrayBuffer; n: number; ratePerS: number }) => {
    const w = new RingWriter(sab, writerOptions);
    const periodUs = 1e6 / ratePerS;
    const t0 = threadTimesMs();
    const startUs = nowUs() + 1_000;
    for (let i = 0; i < n; i++) {
      const due = startUs + i * periodUs;
      while (nowUs() < due);
      const at = w.claim();
      const buf = w.buf;
      fillSlot(buf, at, i);
      buf[at + F.recvTimeUs] = nowUs();
      w.commit();
      w.publish();
    }
    return { ...finish(startUs, t0), overflowed: w.stats.overflowed };
  },
});
