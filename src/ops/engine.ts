/** The engine: the ring, the feed and brain workers under supervision, signals, and the exit summary. */
import type { Config } from "../config/schema";
import { EXIT_FAILURE, EXIT_OK } from "../core/errors";
import { createRing } from "../ring/ring-buffer";
import { log } from "./logger";
import { StatsTotals } from "./stats-totals";
import { summarize } from "./summary";
import { WorkerSupervisor } from "./supervisor";
import type { FromWorker, TestHooks, UniverseChanged, WorkerRole } from "./worker-protocol";

export interface WorkerUrls {
  feed: URL;
  brain: URL;
}

export interface EngineOptions {
  urls: WorkerUrls;
  durationMs?: number;
  json: boolean;
  hooks: TestHooks;
  /** Where the summary goes; stdout by default. */
  write?: (line: string) => void;
}

export async function runEngine(config: Config, opts: EngineOptions): Promise<number> {
  const logger = log.withTag("engine");
  const ring = createRing(config.ring.capacity);
  const totals = new StatsTotals();
  let universe: UniverseChanged | null = null;
  let resolveDone!: (code: number) => void;
  const done = new Promise<number>((r) => (resolveDone = r));

  const onMessage = (msg: FromWorker): void => {
    switch (msg.type) {
      case "WorkerStats":
      case "WorkerStopped":
        totals.update(msg.role, msg.stats);
        break;
      case "WorkerReady":
        totals.newIncarnation(msg.role, msg.gauges);
        // A restarted brain has lost the names; hand them over again.
        if (msg.role === "brain" && universe) brain.send(universe);
        break;
      case "UniverseChanged":
        universe = msg;
        brain.send(msg);
        break;
      case "WorkerFatal":
        if (msg.stats) totals.update(msg.role, msg.stats);
        // An error that says retrying cannot help is an operator message, not a bug: no stack trace.
        logger.error(`${msg.role} worker failed: ${msg.retryable ? msg.stack || msg.message : `${msg.name}: ${msg.message}`}`);
        break;
      default: {
        const never: never = msg;
        logger.warn(`unexpected worker message ${JSON.stringify(never)}`);
      }
    }
  };
  const make = (role: WorkerRole): WorkerSupervisor =>
    new WorkerSupervisor(role, opts.urls[role], config.supervisor, {
      init: (incarnation) => ({ type: "InitWorker", role, incarnation, ring, config, hooks: opts.hooks }),
      onMessage,
      onGiveUp: () => resolveDone(EXIT_FAILURE),
    });
  // Brain first: it must be reading before the feed can fill the ring.
  const brain = make("brain");
  const feed = make("feed");
  brain.start();
  feed.start();
  logger.info(`engine running: source ${config.source.kind}, ring ${config.ring.capacity} slots`);

  const onSignal = (sig: string) => () => {
    logger.info(`${sig} received; stopping`);
    resolveDone(EXIT_OK);
  };
  process.on("SIGTERM", onSignal("SIGTERM"));
  process.on("SIGINT", onSignal("SIGINT"));
  if (opts.durationMs !== undefined) setTimeout(() => resolveDone(EXIT_OK), opts.durationMs).unref();

  let code = await done;
  // Feed first: it settles the last closed minutes, and the brain then drains everything that was published.
  const stopMs = config.supervisor.stopTimeoutMs;
  const feedClean = await feed.stop(stopMs / 2);
  const settledThroughMs = totals.sum().feed.settledThroughMs;
  const brainClean = await brain.stop(stopMs / 2, { type: "StopWorker", settledThroughMs });
  if (!feedClean || !brainClean) code = code === EXIT_OK ? EXIT_FAILURE : code;

  const summary = summarize(config.source.kind, totals.sum(), feed.restarts + brain.restarts);
  const write = opts.write ?? ((line: string) => process.stdout.write(line + "\n"));
  if (opts.json) write(JSON.stringify(summary));
  else logger.info(`summary: ${Object.entries(summary).map(([k, v]) => `${k}=${v}`).join(" ")}`);
  return code;
}
