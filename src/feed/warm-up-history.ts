/** Startup history: the last N closed minutes before the run's first minute, per symbol, so analysis starts warm. */
import type { ConsolaInstance } from "consola";
import { Backoff } from "../core/backoff";
import type { Clock } from "../core/clock";
import { MINUTE_MS } from "../core/minute-set";
import type { FeedSink } from "./feed-sink";
import { fetchKlines, retryFloorMs } from "./kline-rest";
import type { RestBudget } from "./rest-budget";
import type { SymbolTable } from "./symbol-table";

const CONCURRENCY = 4;
/** Warm-up may use this much of the feed's weight share; the rest stays free for backfilling live gaps. */
const BUDGET_CEILING = 0.6;
const ATTEMPTS = 3;

export interface WarmUpJob {
  restUrl: string;
  budget: RestBudget;
  timeoutMs: number;
  symbols: SymbolTable;
  minutes: number;
  firstMinuteMs: number;
  sink: FeedSink;
  publish: () => void;
  stopped: () => boolean;
  clock: Clock;
  log: ConsolaInstance;
}

/** Resolves when every symbol has its history (or a WarmupDone marker after giving up on it). */
export async function warmUpHistory(job: WarmUpJob): Promise<void> {
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < job.symbols.size && !job.stopped()) {
      const id = next++;
      if (!(await warmUpOne(job, id))) failed++;
      // Even a symbol without history is released: the brain must not wait for it forever.
      job.sink.warmupDone(id);
      job.publish();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  if (failed > 0) job.log.warn(`warm-up: no history for ${failed} symbols; their analysis starts cold`);
}

async function warmUpOne(job: WarmUpJob, id: number): Promise<boolean> {
  const symbol = job.symbols.name(id);
  const backoff = new Backoff(500, 4_000);
  for (let attempt = 1; attempt <= ATTEMPTS && !job.stopped(); attempt++) {
    try {
      const rows = await fetchKlines(
        job.restUrl,
        { symbol, startTimeMs: job.firstMinuteMs - job.minutes * MINUTE_MS, endTimeMs: job.firstMinuteMs - 1, limit: job.minutes },
        job.budget,
        job.timeoutMs,
        BUDGET_CEILING,
      );
      const recv = job.clock.nowUs();
      for (const row of rows) job.sink.onWarmup(id, row, recv);
      return true;
    } catch (e) {
      const floor = retryFloorMs(e);
      if (floor === null) break;
      await job.clock.sleep(Math.max(backoff.next(), floor));
    }
  }
  return false;
}
