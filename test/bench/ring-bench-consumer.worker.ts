/** Ring bench consumer: drains the ring busy-spinning or with asyncWait, or receives the postMessage baselines. */
import { nowUs } from "../../src/core/clock";
import { F, SLOT_F64 } from "../../src/ring/layout";
import { RingReader } from "../../src/ring/ring-reader";
import { DEFAULT_SPIN_US, asyncWait, spinWait } from "../../src/ring/wait-strategy";
import { type RecordObject, sumObject, sumSlot } from "./ring-bench-payload";
import { pingPong } from "./ring-bench-pingpong";
import { serveCommands } from "./ring-bench-rpc";
import { percentile, threadTimesMs } from "./bench-stats";

let port: MessagePort | null = null;
/** Side of the placement ping-pong (see the producer). */
const PARITY = 1;

/**
 * Every consumer checks that record i arrives i-th (its eventTimeMs is i), so a bench that moved the wrong slots
 * fails instead of timing them. Same check, same cost, for the ring and for postMessage.
 */
let expected = 0;
let misordered = 0;
function checkSeq(seq: number): void {
  if (seq !== expected) misordered++;
  expected++;
}

/** Reads and frees `avail` slots; per call, like the brain's drain, so the JIT compiles it whole (see writeRuns). */
function readBatch(r: RingReader, f64: Float64Array, avail: number): number {
  let sink = 0;
  for (let k = 0; k < avail; k++) {
    const at = r.slot(k);
    checkSeq(f64[at + F.eventTimeMs]!);
    sink += sumSlot(f64, at);
  }
  r.release(avail);
  return sink;
}

function start(): [number, number] {
  expected = 0;
  misordered = 0;
  return threadTimesMs();
}

function finish(sink: number, t0: [number, number]) {
  const endUs = nowUs();
  const t1 = threadTimesMs();
  return { endUs, sink, misordered, cpuMs: t1[0] - t0[0], runqMs: t1[1] - t0[1] };
}

/** Resolves once `slots` slots arrived through the port, each message holding `perMessage` of them. */
function receive(slots: number, perMessage: number, sumOf: (data: unknown) => number) {
  if (!port) throw new Error("no port");
  const p = port;
  const t0 = start();
  return new Promise((resolve) => {
    let got = 0;
    let sink = 0;
    p.onmessage = (e) => {
      sink += sumOf(e.data);
      got += perMessage;
      if (got >= slots) {
        p.onmessage = null;
        resolve(finish(sink, t0));
      }
    };
  });
}

function sumSlots(data: unknown): number {
  const buf = data as Float64Array;
  let sum = 0;
  for (let at = 0; at < buf.length; at += SLOT_F64) {
    checkSeq(buf[at + F.eventTimeMs]!);
    sum += sumSlot(buf, at);
  }
  return sum;
}

serveCommands({
  port: (msg: { port: MessagePort }) => {
    port = msg.port;
    return null;
  },

  pingPong: ({ sab, trips }: { sab: SharedArrayBuffer; trips: number }) => pingPong(sab, PARITY, trips),

  /**
   * Throughput: busy-spin with spinWait, read all 16 fields of every slot, one release per drained batch.
   * `minBatch` 256 is a bulk reader (replay-style); 1 takes every slot the moment it is published.
   */
  ring: ({ sab, n, minBatch }: { sab: SharedArrayBuffer; n: number; minBatch: number }) => {
    const r = new RingReader(sab);
    const f64 = r.f64;
    const t0 = start();
    let got = 0;
    let sink = 0;
    while (got < n) {
      const avail = spinWait(r, 1_000, minBatch);
      if (avail === 0) continue;
      sink += readBatch(r, f64, avail);
      got += avail;
    }
    return finish(sink, t0);
  },

  pmObject: ({ n }: { n: number }) =>
    receive(n, 1, (d) => {
      checkSeq((d as RecordObject).eventTimeMs);
      return sumObject(d as RecordObject);
    }),

  pmBatch: ({ messages, slots }: { messages: number; slots: number }) => receive(messages * slots, slots, sumSlots),

  /** One-way latency with the brain's strategy; the first `warmup` samples are discarded. */
  latency: async ({ sab, n, warmup, spinUs }: { sab: SharedArrayBuffer; n: number; warmup: number; spinUs?: number }) => {
    const r = new RingReader(sab);
    const f64 = r.f64;
    const samples = new Float64Array(n - warmup);
    const t0 = threadTimesMs();
    let i = 0;
    let sleeps = 0;
    let lastProgress = performance.now();
    while (i < n) {
      const before = performance.now();
      const avail = await asyncWait(r, 1_000, spinUs);
      // A wait longer than the spin window means the reader went to sleep and was woken by a notify.
      if (performance.now() - before > (spinUs ?? DEFAULT_SPIN_US) / 1000 + 0.005 && i >= warmup) sleeps++;
      if (avail === 0) {
        if (performance.now() - lastProgress > 10_000) throw new Error(`latency: stalled at ${i} of ${n}`);
        continue;
      }
      for (let k = 0; k < avail; k++) {
        const lat = nowUs() - f64[r.slot(k) + F.recvTimeUs]!;
        if (i >= warmup) samples[i - warmup] = lat;
        i++;
      }
      r.release(avail);
      lastProgress = performance.now();
    }
    const times = finish(0, t0);
    samples.sort();
    let sum = 0;
    for (let k = 0; k < samples.length; k++) sum += samples[k]!;
    return {
      ...times,
      sleeps,
      p50Us: percentile(samples, 0.5),
      p99Us: percentile(samples, 0.99),
      p999Us: percentile(samples, 0.999),
      maxUs: samples[samples.length - 1]!,
      meanUs: sum / samples.length,
    };
  },
});
