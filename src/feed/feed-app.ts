/** Builds the feed from its init message: the ring's only writer plus the configured source. */
import { systemClock } from "../core/clock";
import { log } from "../ops/logger";
import type { WorkerApp } from "../ops/worker-runtime";
import type { InitWorker } from "../ops/worker-protocol";
import { RingWriter } from "../ring/ring-writer";
import { HeartbeatSource } from "./heartbeat-source";

export async function buildFeed(init: InitWorker): Promise<WorkerApp> {
  const logger = log.withTag("feed");
  const { ring, source } = init.config;
  const writer = new RingWriter(init.ring, { maxSymbols: 4096, overflowCapacity: ring.overflowCapacity });
  if (source.kind !== "heartbeat") throw new Error(`unknown source kind ${source.kind}`);
  const hb = new HeartbeatSource(writer, source.rateHz, systemClock);
  hb.start();
  logger.info(`feed started: heartbeat source at ${source.rateHz}/s (incarnation ${init.incarnation})`);
  return {
    stats: () => ({ sent: hb.sent, ...writer.stats }),
    stop: async () => hb.stop(),
  };
}
