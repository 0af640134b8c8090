/** Stress producer: writes heartbeats 0..n-1 through RingWriter, per-slot or batched, with test-only back-pressure. */
import { SLOT_F64 } from "../../src/ring/layout";
import { RingWriter } from "../../src/ring/ring-writer";
import type { RingWriterStats } from "../../src/ring/writer-stats";
import { writeHeartbeat } from "./ring-records";
import { serveOnce } from "./ring-worker-harness";

export interface StressProducerInit {
  sab: SharedArrayBuffer;
  n: number;
  /** Slots per publish: 1 = per-slot publish. */
  batch: number;
  /** "run": each batch through claimRun/commitRun (claim() when no run is granted); default claim() per record. */
  claim?: "record" | "run";
  overflowCapacity: number;
}

export interface StressProducerResult {
  stats: RingWriterStats;
  elapsedMs: number;
}

function produce({ sab, n, batch, overflowCapacity, claim = "record" }: StressProducerInit): StressProducerResult {
  const w = new RingWriter(sab, { maxSymbols: 0, overflowCapacity });
  // The feed never waits; this test must lose nothing, so it flushes while the queue is half full.
  const limit = overflowCapacity >> 1;
  const t0 = performance.now();
  let i = 0;
  while (i < n) {
    const end = Math.min(n, i + batch);
    while (i < end) {
      while (w.stats.backlog >= limit) w.flush();
      const granted = claim === "run" ? w.claimRun(end - i) : 0;
      if (granted === 0) {
        const at = w.claim();
        writeHeartbeat(w.buf, at, i++);
        w.commit();
        continue;
      }
      for (let k = 0; k < granted; k++) writeHeartbeat(w.buf, w.runAt + k * SLOT_F64, i++);
      w.commitRun(granted);
    }
    w.publish();
  }
  while (w.flush() > 0);
  return { stats: { ...w.stats }, elapsedMs: performance.now() - t0 };
}

serveOnce(produce);
