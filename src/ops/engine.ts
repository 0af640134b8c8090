/** The engine: the ring, the feed and brain workers under supervision, signals, and the exit summary. */
import type { Config } from "../config/schema";
import { EXIT_FAILURE, EXIT_OK } from "../core/errors";
import { createRing } from "../ring/ring-buffer";
import { log } from "./logger";
import { WorkerSupervisor } from "./supervisor";
import type { FromWorker, TestHooks, WorkerRole, WorkerStats } from "./worker-protocol";

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
  let resolveDone!: (code: number) => void;
  const done = new Promise<number>((r) => (resolveDone = r));

  const onMessage = (msg: FromWorker): void => {
    if (msg.type === "WorkerStats" || msg.type === "WorkerStopped") totals.update(msg.role, msg.stats);
    else if (msg.type === "WorkerReady") totals.newIncarnation(msg.role);
    else if (msg.type === "WorkerFatal") logger.error(`${msg.role} worker failed: ${msg.stack || msg.message}`);
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
  // Feed first, so the brain can drain everything that was published before it stops.
  const stopMs = config.supervisor.stopTimeoutMs;
  const feedClean = await feed.stop(stopMs / 2);
  const brainClean = await brain.stop(stopMs / 2);
  if (!feedClean || !brainClean) code = code === EXIT_OK ? EXIT_FAILURE : code;

  const summary = { ...summarize(totals.sum()), restarts: feed.restarts + brain.restarts };
  const write = opts.write ?? ((line: string) => process.stdout.write(line + "\n"));
  if (opts.json) write(JSON.stringify(summary));
  else logger.info(`summary: ${Object.entries(summary).map(([k, v]) => `${k}=${v}`).join(" ")}`);
  return code;
}

/** Counters summed over every incarnation of a worker, so a restart does not reset the summary. */
class StatsTotals {
  #done: Record<WorkerRole, WorkerStats> = { feed: {}, brain: {} };
  #current: Record<WorkerRole, WorkerStats> = { feed: {}, brain: {} };

  update(role: WorkerRole, stats: WorkerStats): void {
    this.#current[role] = stats;
  }

  newIncarnation(role: WorkerRole): void {
    this.#done[role] = addStats(this.#done[role], this.#current[role]);
    this.#current[role] = {};
  }

  sum(): Record<WorkerRole, WorkerStats> {
    return { feed: addStats(this.#done.feed, this.#current.feed), brain: addStats(this.#done.brain, this.#current.brain) };
  }
}

function addStats(a: WorkerStats, b: WorkerStats): WorkerStats {
  const out: WorkerStats = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}

function summarize(s: Record<WorkerRole, WorkerStats>): Record<string, number> {
  const f = s.feed;
  const b = s.brain;
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
  };
}
