/** The exit summary `aegis run` prints: integrity counters a trader (and CI) can check at a glance. */
import type { WorkerRole, WorkerStats } from "./worker-protocol";

export function summarize(source: string, s: Record<WorkerRole, WorkerStats>, restarts: number): Record<string, number> {
  const f = s.feed;
  const b = s.brain;
  if (source === "heartbeat") {
    return {
      published: f.published ?? 0,
      records: b.records ?? 0,
      heartbeats: b.heartbeats ?? 0,
      heartbeatsMissing: b.heartbeatsMissing ?? 0,
      heartbeatsDuplicated: b.heartbeatsDuplicated ?? 0,
      heartbeatsTorn: b.heartbeatsTorn ?? 0,
      conflated: f.conflated ?? 0,
      overflowed: f.overflowed ?? 0,
      lostRecords: f.lostRecords ?? 0,
      gaps: b.gaps ?? 0,
      restarts,
    };
  }
  const lag: Record<string, number> =
    (b.lagSamples ?? 0) > 0
      ? {
          eventLagP50Us: b.eventLagP50Us ?? -1,
          eventLagP99Us: b.eventLagP99Us ?? -1,
          eventLagP999Us: b.eventLagP999Us ?? -1,
          hopLagP50Us: b.hopLagP50Us ?? -1,
          hopLagP99Us: b.hopLagP99Us ?? -1,
        }
      : {};
  // Throughput after the brain's warm-up: streamed klines the brain handled per second of that window.
  const steady: Record<string, number> =
    (b.steadyMs ?? 0) > 0
      ? { steadyKlines: b.steadyKlines ?? 0, steadyMs: b.steadyMs ?? 0, steadyKlinesPerSec: Math.round(((b.steadyKlines ?? 0) * 1000) / b.steadyMs!) }
      : {};
  return {
    symbols: f.symbols ?? 0,
    messages: f.messages ?? 0,
    closedCandles: b.closedCandles ?? 0,
    missingCandles: b.missingCandles ?? 0,
    duplicateCandles: b.duplicateCandles ?? 0,
    reconnects: f.reconnects ?? 0,
    backfilledCandles: f.backfilledCandles ?? 0,
    parseErrors: f.parseErrors ?? 0,
    conflated: f.conflated ?? 0,
    lostRecords: f.lostRecords ?? 0,
    signals: b.signals ?? 0,
    restarts,
    ...lag,
    ...steady,
  };
}
