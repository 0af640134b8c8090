/** Worker counters summed over every incarnation, so a restart does not reset what the summary reports. */
import type { WorkerRole, WorkerStats } from "./worker-protocol";

export class StatsTotals {
  #done: Record<WorkerRole, WorkerStats> = { feed: {}, brain: {} };
  #current: Record<WorkerRole, WorkerStats> = { feed: {}, brain: {} };
  /** Per role, the keys its worker declared as gauges (WorkerApp.gauges): the latest incarnation's value stands. */
  #gauges: Record<WorkerRole, ReadonlySet<string>> = { feed: new Set(), brain: new Set() };

  update(role: WorkerRole, stats: WorkerStats): void {
    this.#current[role] = stats;
  }

  newIncarnation(role: WorkerRole, gauges: readonly string[]): void {
    this.#gauges[role] = new Set(gauges);
    this.#done[role] = this.#add(role, this.#done[role], this.#current[role]);
    this.#current[role] = {};
  }

  sum(): Record<WorkerRole, WorkerStats> {
    return {
      feed: this.#add("feed", this.#done.feed, this.#current.feed),
      brain: this.#add("brain", this.#done.brain, this.#current.brain),
    };
  }

  #add(role: WorkerRole, a: WorkerStats, b: WorkerStats): WorkerStats {
    const gauges = this.#gauges[role];
    const out: WorkerStats = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = gauges.has(k) ? v : (out[k] ?? 0) + v;
    return out;
  }
}
