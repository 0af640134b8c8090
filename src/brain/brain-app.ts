/** Builds the brain from its init message: attach the ring as its only reader, then run the drain loop. */
import { log } from "../ops/logger";
import type { WorkerApp } from "../ops/worker-runtime";
import type { InitWorker } from "../ops/worker-protocol";
import { RingReader } from "../ring/ring-reader";
import { BrainLoop } from "./brain-loop";

/** Spin this long before sleeping: at high record rates the next slot usually arrives within it (bench ring). */
export const BRAIN_SPIN_US = 50;

export async function buildBrain(init: InitWorker): Promise<WorkerApp> {
  const logger = log.withTag("brain");
  const loop = new BrainLoop(new RingReader(init.ring), null, BRAIN_SPIN_US);
  loop.start();
  logger.info(`brain started (incarnation ${init.incarnation})`);

  const crashAfter = init.hooks.crashBrainAfterMs;
  if (crashAfter !== undefined && init.incarnation === 0) {
    setTimeout(() => {
      throw new Error(`test hook: brain crashes after ${crashAfter} ms as requested by --crash-brain-after`);
    }, crashAfter);
  }

  return {
    stats: () => {
      const hb = loop.heartbeat;
      return {
        records: loop.records,
        batches: loop.batches,
        gaps: loop.gaps,
        heartbeats: hb.heartbeats,
        heartbeatsMissing: hb.unexplained,
        heartbeatsLostInGaps: hb.lostInGaps,
        heartbeatsDuplicated: hb.duplicates,
        heartbeatsTorn: hb.torn,
        maxLatencyUs: Math.round(hb.maxLatencyUs),
      };
    },
    stop: () => loop.stop(),
  };
}
