/** Builds the brain from its init message: attach the ring as its only reader, then run the drain loop. */
import { readlinkSync } from "node:fs";
import { MINUTE_MS } from "../core/minute-set";
import { log } from "../ops/logger";
import type { WorkerApp } from "../ops/worker-runtime";
import type { InitWorker } from "../ops/worker-protocol";
import { RingReader } from "../ring/ring-reader";
import { BrainLoop } from "./brain-loop";
import { BrainPipeline } from "./pipeline";
import { describeSignal } from "./strategy/signal";

/**
 * Spin this long before sleeping: at high record rates the next slot usually arrives within it (bench ring). Nearly
 * all of the brain's CPU at 10k msgs/s is this spin after each wake-up (≈ 1,700 wake-ups/s). In the feed bench
 * (4 paired rounds) 20 µs gave the same unthrottled throughput as 50 µs (median 518k msgs/s both; 0 µs: 434k)
 * and cut the engine's CPU at 10k msgs/s from 0.157 to 0.124 cores, with no worse latency (p99 median 404 vs 504 µs).
 */
export const BRAIN_SPIN_US = 20;
/** A symbol this far behind the market clock has a hole the feed did not fill: say so while running. */
const LAG_ALARM_MS = 5 * MINUTE_MS;
const LAG_CHECK_MS = 10_000;

export async function buildBrain(init: InitWorker): Promise<WorkerApp> {
  const logger = log.withTag("brain");
  let symbols: string[] = [];
  const pipeline = new BrainPipeline(init.config.strategy, (id) => symbols[id] ?? `#${id}`);
  const loop = new BrainLoop(new RingReader(init.ring), pipeline, BRAIN_SPIN_US);
  pipeline.bus.on("SignalGenerated", (e) => logger.info(describeSignal(e.signal)));
  let missingCandles = 0;
  loop.start();
  logger.info(`brain started (incarnation ${init.incarnation}, thread ${threadId()})`);

  const lagTimer = setInterval(() => {
    const through = Math.floor(pipeline.marketTimeMs / MINUTE_MS) * MINUTE_MS - LAG_ALARM_MS;
    const lagging = pipeline.continuity.lagging(through);
    if (lagging > 0) logger.warn(`continuity: ${lagging} symbols are missing a closed minute older than 5 market minutes`);
  }, LAG_CHECK_MS);

  const crashAfter = init.hooks.crashBrainAfterMs;
  if (crashAfter !== undefined && init.incarnation === 0) {
    setTimeout(() => {
      throw new Error(`test hook: brain crashes after ${crashAfter} ms as requested by --crash-brain-after`);
    }, crashAfter);
  }

  return {
    gauges: ["symbolNames", "eventLagP50Us", "eventLagP99Us", "eventLagP999Us", "hopLagP50Us", "hopLagP99Us", "lagSamples"],
    stats: () => {
      const hb = loop.heartbeat;
      const c = pipeline.continuity;
      return {
        records: loop.records,
        batches: loop.batches,
        gaps: loop.gaps,
        heartbeats: hb.heartbeats,
        heartbeatsMissing: hb.unexplained,
        heartbeatsLostInGaps: hb.lostInGaps,
        heartbeatsDuplicated: hb.duplicates,
        heartbeatsTorn: hb.torn,
        closedCandles: c.closedCandles,
        analyzedCandles: pipeline.analysis.candles,
        lateCandles: pipeline.sequencer.late,
        skippedMinutes: pipeline.sequencer.skippedMinutes,
        setups: pipeline.analysis.setups,
        signals: pipeline.analysis.signals,
        signalsBelowThreshold: pipeline.analysis.belowThreshold,
        closedFromRest: c.fromRest,
        duplicateCandles: c.duplicates,
        missingCandles,
        klineUpdates: pipeline.klineUpdates,
        symbolNames: symbols.length,
        eventLagP50Us: round(pipeline.eventLag.quantile(0.5)),
        eventLagP99Us: round(pipeline.eventLag.quantile(0.99)),
        eventLagP999Us: round(pipeline.eventLag.quantile(0.999)),
        hopLagP50Us: round(pipeline.hopLag.quantile(0.5)),
        hopLagP99Us: round(pipeline.hopLag.quantile(0.99)),
        lagSamples: pipeline.eventLag.count,
        steadyKlines: pipeline.steadyKlines,
        steadyMs: Math.round(pipeline.steadyMs),
      };
    },
    onMessage: (msg) => {
      if (msg.type === "UniverseChanged") symbols = msg.symbols;
    },
    stop: async (request) => {
      clearInterval(lagTimer);
      await loop.stop();
      if (request.settledThroughMs !== undefined) {
        missingCandles = pipeline.continuity.missingThrough(request.settledThroughMs);
        if (missingCandles > 0) logger.error(`continuity: ${missingCandles} closed candles never arrived`);
      }
    },
  };
}

const round = (x: number): number => (Number.isFinite(x) ? Math.round(x) : -1);

/** Linux thread id, so `top -H -p` and /proc/<pid>/task/<tid> can tell the brain from the feed (both are "Worker"). */
function threadId(): number {
  try {
    return Number(readlinkSync("/proc/thread-self").split("/").pop());
  } catch {
    return -1;
  }
}
