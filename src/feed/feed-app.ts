/** Builds the feed from its init message: the ring's only writer plus the configured source. */
import { systemClock } from "../core/clock";
import { AegisError } from "../core/errors";
import { exchangeUrls } from "../config/sections/exchange";
import { log } from "../ops/logger";
import type { WorkerApp } from "../ops/worker-runtime";
import { postToMain } from "../ops/worker-runtime";
import type { InitWorker } from "../ops/worker-protocol";
import { MAX_SYMBOLS } from "../ring/layout";
import { RingWriter } from "../ring/ring-writer";
import { WRITER_GAUGES } from "../ring/writer-stats";
import { ExchangeFeed, FEED_GAUGES } from "./exchange-feed";
import { HeartbeatSource } from "./heartbeat-source";
import { ExchangeUnavailableError, loadUniverse, type Universe } from "./universe";

const UNIVERSE_ATTEMPTS = 3;

/** Startup could not reach the exchange: restarting the worker will not help, the operator must act. */
export class ExchangeUnreachableError extends AegisError {
  override name = "ExchangeUnreachableError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, false, options);
  }
}

export async function buildFeed(init: InitWorker): Promise<WorkerApp> {
  const logger = log.withTag("feed");
  const { config } = init;
  const writer = new RingWriter(init.ring, { maxSymbols: MAX_SYMBOLS, overflowCapacity: config.ring.overflowCapacity });
  if (config.source.kind === "heartbeat") {
    const hb = new HeartbeatSource(writer, config.source.rateHz, systemClock);
    hb.start();
    logger.info(`feed started: heartbeat source at ${config.source.rateHz}/s (incarnation ${init.incarnation})`);
    return { stats: () => ({ sent: hb.sent, ...writer.stats }), gauges: WRITER_GAUGES, stop: async () => hb.stop() };
  }

  const universe = await loadUniverseWithRetry(exchangeUrls(config.exchange).restUrl, config.feed.restTimeoutMs);
  const feed = new ExchangeFeed(universe, config, writer, systemClock, logger);
  postToMain({ type: "UniverseChanged", symbols: universe.symbols.map((s) => s.symbol) });
  await feed.start();
  let settledThroughMs = NaN;
  return {
    stats: () => ({ ...feed.stats(), ...writer.stats, settledThroughMs }),
    gauges: [...FEED_GAUGES, ...WRITER_GAUGES, "settledThroughMs"],
    stop: async () => {
      ({ settledThroughMs } = await feed.stop(Math.max(500, config.supervisor.stopTimeoutMs / 2 - 500)));
      writer.flush();
    },
  };
}

async function loadUniverseWithRetry(restUrl: string, timeoutMs: number): Promise<Universe> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await loadUniverse(restUrl, timeoutMs);
    } catch (e) {
      if (!(e instanceof ExchangeUnavailableError) || attempt >= UNIVERSE_ATTEMPTS) {
        throw new ExchangeUnreachableError(
          `${(e as Error).message}. Check the network and exchange.restUrl, or run offline against the built-in ` +
            `simulator: aegis run --sim`,
          { cause: e },
        );
      }
      log.withTag("feed").warn(`${e.message}; retrying (${attempt}/${UNIVERSE_ATTEMPTS})`);
      await Bun.sleep(1000 * attempt);
    }
  }
}
