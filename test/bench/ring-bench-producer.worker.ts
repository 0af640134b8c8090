/** Ring bench producer: writes records through RingWriter or postMessage, or paces them for the latency run. */
import { nowUs } from "../../src/core/clock";
import { F, SLOT_F64 } from "../../src/ring/layout";
import { RingWriter } from "../../src/ring/ring-writer";
import { fillSlot, makeObject } from "./ring-bench-payload";
import { serveCommands } from "./ring-bench-rpc";
import { threadTimesMs } from "./ring-bench-stats";

let port: MessagePort | null = null;
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

  /** Throughput: `batch` claim/commit per publish (1 = per-slot publish). */
  ring: ({ sab, n, batch }: { sab: SharedArrayBuffer; n: number; batch: number }) => {
    const w = new RingWriter(sab, writerOptions);
    const t0 = threadTimesMs();
    const startUs = nowUs();
    let i = 0;
    while (i < n) {
      const size = Math.min(batch, n - i);
      // Bench only: wait for room, so every slot travels through the ring itself and never through the backlog.
      while (w.freeSlots(size) < size);
      for (let b = 0; b < size; b++, i++) {
        const at = w.claim();
        fillSlot(w.buf, at, i);
        w.commit();
      }
      w.publish();
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
    let i = 0;
    for (let m = 0; m < messages; m++) {
      for (let s = 0; s < slots; s++, i++) fillSlot(buf, s * SLOT_F64, i);
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
