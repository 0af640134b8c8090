/** Messages between the main thread and the workers: one typed union per direction. */
import type { Config } from "../config/schema";

export type WorkerRole = "feed" | "brain";

/** Diagnostics hooks; only ever set by tests and the `--crash-brain-after` diagnostic flag. */
export interface TestHooks {
  /** The first brain incarnation throws from a timer after this many ms (proves the restart path). */
  crashBrainAfterMs?: number;
}

export interface InitWorker {
  type: "InitWorker";
  role: WorkerRole;
  /** 0 for the first start, then one more per restart. */
  incarnation: number;
  ring: SharedArrayBuffer;
  config: Config;
  hooks: TestHooks;
}

export interface StopWorker {
  type: "StopWorker";
  /** For the brain: the feed delivered (or backfilled) every closed minute up to this open time. */
  settledThroughMs?: number;
}

/** The symbol names, index = symbol id; relayed from the feed to the brain through main. */
export interface UniverseChanged {
  type: "UniverseChanged";
  symbols: string[];
}

export type ToWorker = InitWorker | StopWorker | UniverseChanged;

/** Counters a worker reports; all plain numbers so they cross postMessage cheaply. */
export type WorkerStats = Record<string, number>;

export type FromWorker =
  | { type: "WorkerReady"; role: WorkerRole; incarnation: number; gauges: readonly string[] }
  | { type: "WorkerStats"; role: WorkerRole; stats: WorkerStats }
  | { type: "WorkerStopped"; role: WorkerRole; stats: WorkerStats }
  | UniverseChanged
  /** `stats`: the counters at the crash, so the totals keep that incarnation's work; absent if it never started. */
  | { type: "WorkerFatal"; role: WorkerRole; name: string; message: string; stack: string; retryable: boolean; stats?: WorkerStats };
