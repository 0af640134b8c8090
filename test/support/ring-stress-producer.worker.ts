/** Stress producer: writes heartbeats 0..n-1 through RingWriter, per-slot or batched, with test-only back-pressure. */
import { RingWriter } from "../../src/ring/ring-writer";
import type { RingWriterStats } from "../../src/ring/writer-stats";
import { writeHeartbeat } from "./ring-records";
import { serveOnce } from "./ring-worker-harness";

export interface StressProducerInit {
  sab: SharedArrayBuffer;
  n: number;
  /** Slots per publish: 1 = per-slot publish. */
  batch: number;
  overflowCapacity: number;
}

export interface StressProducerResult {
  stats: RingWriterStats;
  elapsedMs: number;
}

function produce({ sab, n, batch, overflowCapacity }: StressProducerInit): StressProducerResult {
  const w = new RingWriter(sab, { maxSymbols: 0, overflowCapacity });
  // The feed never waits; this test must lose nothing, so it flushes while the queue is half full.
  const limit = overflowCapacity >> 1;
  const t0 = performance.now();
  let i = 0;
  while (i < n) {
    const end = Math.min(n, i + batch);
    for (; i < end; i++) {
      while (w.stats.backlog >= limit) w.flush();
      const at = w.claim();
      writeHeartbeat(w.buf, at, i);
      w.commit();
    }
    w.publish();
  }
  while (w.flush() > 0);
  return { stats: { ...w.stats }, elapsedMs: performance.now() - t0 };
}

serveOnce(produce);
