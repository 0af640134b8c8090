/** Fills missed closed 1m candles from REST: ranges coalesced per symbol, paced by the weight budget, retried with backoff. */
import { Backoff } from "../core/backoff";
import type { Clock } from "../core/clock";
import { MINUTE_MS } from "../core/minute-set";
import type { ConsolaInstance } from "consola";
import { fetchKlines, retryFloorMs, type KlineRow } from "./kline-rest";
import type { RestBudget } from "./rest-budget";

export interface BackfillTarget {
  symbolName(id: number): string;
  /** Delivers one closed candle; false when that minute was already there. */
  deliver(symbolId: number, row: KlineRow): boolean;
  /** Minutes whose close + grace has passed in market time: nothing newer is requested or accepted. */
  closedThroughMs(): number;
}

export interface BackfillOptions {
  restUrl: string;
  pageSize: number;
  timeoutMs: number;
  concurrency: number;
}

export class Backfiller {
  requests = 0;
  candles = 0;
  /** Minutes REST did not have either (the symbol was halted or delisted): given up, not retried forever. */
  unavailable = 0;
  failures = 0;
  /** Pending range per queued symbol, open times [from, through]. */
  #ranges = new Map<number, { from: number; through: number }>();
  #queue: number[] = [];
  #inFlight = 0;
  #stopped = false;
  #idle: (() => void)[] = [];
  readonly #retry: Backoff;

  constructor(
    private readonly opts: BackfillOptions,
    private readonly budget: RestBudget,
    private readonly target: BackfillTarget,
    private readonly clock: Clock,
    private readonly log: ConsolaInstance,
  ) {
    this.#retry = new Backoff(500, 30_000);
  }

  /** Asks for the closed candles of [fromMs, throughMs] (open times); merges with anything pending for the symbol. */
  request(symbolId: number, fromMs: number, throughMs: number): void {
    if (throughMs < fromMs || this.#stopped) return;
    const range = this.#ranges.get(symbolId);
    if (range === undefined) {
      this.#ranges.set(symbolId, { from: fromMs, through: throughMs });
      this.#queue.push(symbolId);
    } else {
      range.from = Math.min(range.from, fromMs);
      range.through = Math.max(range.through, throughMs);
    }
    this.#pump();
  }

  get pending(): number {
    return this.#queue.length + this.#inFlight;
  }

  /** Resolves true once nothing is pending, or false after timeoutMs. */
  async drain(timeoutMs: number): Promise<boolean> {
    if (this.pending === 0) return true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const idle = new Promise<boolean>((r) => this.#idle.push(() => r(true)));
    const late = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), timeoutMs)));
    const ok = await Promise.race([idle, late]);
    clearTimeout(timer);
    return ok;
  }

  stop(): void {
    this.#stopped = true;
    this.#queue.length = 0;
    this.#ranges.clear();
  }

  #pump(): void {
    while (this.#inFlight < this.opts.concurrency && this.#queue.length > 0 && !this.#stopped) {
      const id = this.#queue.shift()!;
      const { from, through } = this.#ranges.get(id)!;
      this.#ranges.delete(id);
      this.#inFlight++;
      void this.#fill(id, from, through).finally(() => {
        this.#inFlight--;
        if (this.pending === 0) for (const wake of this.#idle.splice(0)) wake();
        this.#pump();
      });
    }
  }

  async #fill(id: number, from: number, through: number): Promise<void> {
    const symbol = this.target.symbolName(id);
    let next = from;
    try {
      while (next <= through && !this.#stopped) {
        const limit = Math.min(this.opts.pageSize, (through - next) / MINUTE_MS + 1);
        // endTime bounds the page exactly, so a minute REST lacks is seen as a hole, not filled by the next one.
        const pageEnd = next + (limit - 1) * MINUTE_MS;
        this.requests++;
        const rows = await fetchKlines(
          this.opts.restUrl,
          { symbol, startTimeMs: next, endTimeMs: pageEnd + MINUTE_MS - 1, limit },
          this.budget,
          this.opts.timeoutMs,
        );
        const closedThrough = this.target.closedThroughMs();
        let expect = next;
        for (const row of rows) {
          // The still-open candle (and anything outside the page) is never delivered as closed.
          if (row.openTimeMs < expect || row.openTimeMs > pageEnd || row.openTimeMs > closedThrough) continue;
          if (row.openTimeMs > expect) this.unavailable += (row.openTimeMs - expect) / MINUTE_MS;
          if (this.target.deliver(id, row)) this.candles++;
          expect = row.openTimeMs + MINUTE_MS;
        }
        if (expect <= pageEnd) this.unavailable += (pageEnd - expect) / MINUTE_MS + 1;
        next = pageEnd + MINUTE_MS;
      }
      this.#retry.reset();
    } catch (e) {
      this.failures++;
      const floor = retryFloorMs(e);
      if (floor === null) {
        this.log.warn(`backfill of ${symbol} given up: ${(e as Error).message}`);
        this.unavailable += (through - next) / MINUTE_MS + 1;
        return;
      }
      const delay = Math.max(this.#retry.next(), floor);
      this.log.warn(`backfill of ${symbol} failed (${(e as Error).message}); retrying in ${delay} ms`);
      await this.clock.sleep(delay);
      this.request(id, next, through);
    }
  }
}
