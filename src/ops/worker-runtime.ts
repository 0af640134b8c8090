/** Worker side of the protocol: init, periodic stats, graceful stop, and crash reports to the supervisor. */
import { configureLogger, log } from "./logger";
import { AegisError } from "../core/errors";
import type { FromWorker, InitWorker, StopWorker, ToWorker, WorkerRole, WorkerStats } from "./worker-protocol";

declare const self: Worker;

/** What a worker entry builds from its init message. */
export interface WorkerApp {
  stats(): WorkerStats;
  /** Keys of stats() that are states, not counts (a cursor, a gauge, a percentile): after a restart the new value stands. */
  gauges?: readonly string[];
  /** Resolves once sockets, files and loops are closed; the request may carry facts from the other worker. */
  stop(request: StopWorker): Promise<void>;
  /** Messages from main other than init and stop. */
  onMessage?(msg: ToWorker): void;
}

const STATS_INTERVAL_MS = 1000;

const post = (msg: FromWorker): void => self.postMessage(msg);
/** For worker modules that report facts to main (e.g. the feed's universe). */
export const postToMain = post;

/**
 * Runs a worker: the onmessage listener stays installed for the worker's whole life because a pending
 * Atomics.waitAsync does not keep a thread alive (bun-notes surprise #4).
 */
export function serveWorker(role: WorkerRole, build: (init: InitWorker) => Promise<WorkerApp>): void {
  let app: WorkerApp | null = null;
  let stopping = false;

  /**
   * Counters for a crash report, or undefined when there are none: a worker that dies while starting has no app,
   * and the previous incarnation's totals must then stand. A broken app must not fail the report itself.
   */
  const lastStats = (): WorkerStats | undefined => {
    try {
      return app?.stats();
    } catch {
      return undefined;
    }
  };
  const fatal = (e: unknown): void => {
    const err = e instanceof Error ? e : new Error(String(e));
    // Only an AegisError can say a restart cannot help; anything unexpected is worth a restart.
    const retryable = !(err instanceof AegisError) || err.retryable;
    post({ type: "WorkerFatal", role, name: err.name, message: err.message, stack: err.stack ?? "", retryable, stats: lastStats() });
    // Exit non-zero so the supervisor sees a crash, never a clean stop.
    process.exit(1);
  };
  process.on("uncaughtException", fatal);
  process.on("unhandledRejection", fatal);

  self.onmessage = async ({ data }: MessageEvent<ToWorker>) => {
    if (data.type === "InitWorker") {
      configureLogger(data.config.log);
      app = await build(data);
      post({ type: "WorkerReady", role, incarnation: data.incarnation, gauges: app.gauges ?? [] });
      setInterval(() => {
        if (app && !stopping) post({ type: "WorkerStats", role, stats: app.stats() });
      }, STATS_INTERVAL_MS);
      return;
    }
    if (data.type === "StopWorker" && !stopping) {
      stopping = true;
      try {
        await app?.stop(data);
      } catch (e) {
        log.withTag(role).error("error while stopping", e);
      }
      post({ type: "WorkerStopped", role, stats: app?.stats() ?? {} });
      process.exit(0);
    }
    if (data.type !== "StopWorker") app?.onMessage?.(data);
  };
}
