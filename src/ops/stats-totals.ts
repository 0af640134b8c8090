/** Worker counters summed over every incarnation, so a restart does not reset what the summary reports. */
import type { WorkerRole, WorkerStats } from "./worker-protocol";

/** Gauges are states, not counts: the latest incarnation's value stands. */
const GAUGES = new Set(["settledThroughMs", "marketTimeMs", "symbols", "connections", "connectionsOpen", "backlog", "backfillPending", "symbolNames",
  "eventLagP50Us", "eventLagP99Us", "eventLagP999Us", "hopLagP50Us", "hopLagP99Us", "lagSamples"]);

export class StatsTotals {
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
  for (const [k, v] of Object.entries(b)) out[k] = GAUGES.has(k) ? v : (out[k] ?? 0) + v;
  return out;
}
