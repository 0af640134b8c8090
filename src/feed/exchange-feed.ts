/** The live feed: universe, sharded market streams into the ring, and REST backfill of every closed minute the streams missed. */
import { readlinkSync } from "node:fs";
import type { ConsolaInstance } from "consola";
import type { Clock } from "../core/clock";
import { nowUs } from "../core/clock";
import { MINUTE_MS } from "../core/minute-set";
import type { Config } from "../config/schema";
import { exchangeUrls } from "../config/sections/exchange";
import type { RingWriter } from "../ring/ring-writer";
import { Backfiller } from "./backfiller";
import { fetchServerTime } from "./server-time";
import { warmUpHistory } from "./warm-up-history";
import { FeedSink } from "./feed-sink";
import { MarketConnection } from "./market-connection";
import { StreamParser } from "./parse/stream-parser";
import { warmUpParser } from "./parse/warm-up";
import { RestBudget } from "./rest-budget";
import { SymbolTable } from "./symbol-table";
import { TokenBucket } from "./token-bucket";
import type { Universe } from "./universe";

const SWEEP_MS = 100;
const MARK_PRICE_STREAM = "!markPrice@arr@1s";
/** The stats() keys that are states, not counts: after a feed restart the new value stands. */
export const FEED_GAUGES = ["symbols", "connections", "connectionsOpen", "backfillPending", "marketTimeMs"] as const;

export interface FeedStopReport {
  /** Every symbol's closed minutes up to here were delivered, or the feed says how many it could not get. */
  settledThroughMs: number;
}

export class ExchangeFeed {
  readonly symbols = new SymbolTable();
  readonly sink: FeedSink;
  readonly parser: StreamParser;
  readonly backfiller: Backfiller;
  readonly connections: MarketConnection[] = [];
  readonly #requestedThrough: Float64Array;
  readonly #connectPacer: TokenBucket;
  readonly #budget: RestBudget;
  readonly #restUrl: string;
  #sweepTimer: ReturnType<typeof setInterval> | null = null;
  #stopped = false;

  constructor(
    universe: Universe,
    private readonly config: Config,
    private readonly writer: RingWriter,
    private readonly clock: Clock,
    private readonly log: ConsolaInstance,
  ) {
    for (const s of universe.symbols) this.symbols.add(s.symbol);
    const n = this.symbols.size;
    this.sink = new FeedSink(writer, n);
    this.parser = new StreamParser(this.symbols, this.sink);
    this.#requestedThrough = new Float64Array(Math.max(1, n)).fill(-Infinity);
    const { restUrl, wsUrl } = exchangeUrls(config.exchange);
    const feed = config.feed;
    const budget = new RestBudget(universe.weightPerMinute * feed.restWeightShare, universe.weightPerMinute, clock);
    this.#budget = budget;
    this.#restUrl = restUrl;
    this.backfiller = new Backfiller(
      { restUrl, pageSize: feed.backfillPageSize, timeoutMs: feed.restTimeoutMs, concurrency: 4 },
      budget,
      {
        symbolName: (id) => this.symbols.name(id),
        deliver: (id, row) => {
          const fresh = this.sink.onBackfilled(id, row, nowUs());
          // Publish now: while the streams are down no frame would publish it for us.
          writer.publish();
          return fresh;
        },
        closedThroughMs: () => this.closedThroughMs(),
      },
      clock,
      log,
    );
    this.#connectPacer = new TokenBucket(feed.connectsPerSecond, Math.max(1, Math.ceil(feed.connectsPerSecond * 2)), clock);
    const streams = universe.symbols.map((s) => `${s.symbol.toLowerCase()}@kline_1m`);
    streams.push(MARK_PRICE_STREAM);
    const host = {
      onFrame: (text: string, recvUs: number) => {
        this.parser.parse(text, recvUs);
        writer.publish();
      },
      connectSlot: () => this.#connectPacer.take(),
    };
    for (let i = 0; i < streams.length; i += feed.streamsPerConnection) {
      const shard = streams.slice(i, i + feed.streamsPerConnection);
      this.connections.push(new MarketConnection(this.connections.length, shard, wsUrl, feed, host, log));
    }
  }

  /** Starts the run at the exchange's time, opens the streams, and fetches history in the background. */
  async start(): Promise<void> {
    warmUpParser(this.symbols);
    const feed = this.config.feed;
    const serverTimeMs = await fetchServerTime(this.#restUrl, this.#budget, feed.restTimeoutMs).catch((e: Error) => {
      this.log.warn(`no server time (${e.message}); the first market frame starts the run, without warm-up history`);
      return NaN;
    });
    const warmup = Number.isFinite(serverTimeMs) ? feed.warmupMinutes : 0;
    if (Number.isFinite(serverTimeMs)) {
      this.sink.begin(serverTimeMs, warmup);
      this.writer.publish();
    }
    for (const c of this.connections) c.start();
    this.#sweepTimer = setInterval(() => this.sweep(), SWEEP_MS);
    this.log.info(
      `feed: ${this.symbols.size} symbols on ${this.connections.length} connections to ${exchangeUrls(this.config.exchange).wsUrl}` +
        ` (thread ${threadId()})` +
        (warmup > 0 ? `; fetching ${warmup} minutes of history per symbol` : ""),
    );
    if (warmup > 0) {
      const startedMs = performance.now();
      void warmUpHistory({
        restUrl: this.#restUrl,
        budget: this.#budget,
        timeoutMs: feed.restTimeoutMs,
        symbols: this.symbols,
        minutes: warmup,
        firstMinuteMs: this.sink.firstMinuteMs,
        sink: this.sink,
        publish: () => this.writer.publish(),
        stopped: () => this.#stopped,
        clock: this.clock,
        log: this.log,
      }).then(() => {
        // The end of startup work: steady-state measurements (bench, operators watching CPU) start after this line.
        if (!this.#stopped) {
          this.log.info(`feed: warm-up history done, ${this.sink.warmupCandles} candles in ${Math.round(performance.now() - startedMs)} ms`);
        }
      });
    }
  }

  /** Open time of the newest minute whose close should have arrived by now (market time minus the grace). */
  closedThroughMs(): number {
    const t = this.sink.marketTimeMs;
    if (t === 0) return -Infinity;
    return Math.floor((t - this.config.feed.closeGraceMs) / MINUTE_MS) * MINUTE_MS - MINUTE_MS;
  }

  /** Asks REST for every closed minute that the streams did not deliver in time. */
  sweep(): void {
    const relost = this.sink.takeRelost();
    for (let k = 0; k < relost.length; k += 2) this.backfiller.request(relost[k]!, relost[k + 1]!, relost[k + 1]!);
    const through = this.closedThroughMs();
    if (!Number.isFinite(through) || !this.sink.started) return;
    const wm = this.sink.closed.watermark;
    for (let id = 0; id < this.symbols.size; id++) {
      const from = Math.max(wm[id]!, this.#requestedThrough[id]!) + MINUTE_MS;
      if (from > through) continue;
      this.backfiller.request(id, from, through);
      this.#requestedThrough[id] = through;
    }
  }

  stats(): Record<string, number> {
    let reconnects = 0;
    let watchdogKills = 0;
    let rotations = 0;
    let frames = 0;
    let open = 0;
    for (const c of this.connections) {
      reconnects += c.reconnects;
      watchdogKills += c.watchdogKills;
      rotations += c.rotations;
      frames += c.frames;
      if (c.isOpen) open++;
    }
    const p = this.parser.stats;
    const s = this.sink;
    const b = this.backfiller;
    return {
      symbols: this.symbols.size,
      connections: this.connections.length,
      connectionsOpen: open,
      frames,
      messages: p.messages,
      parseErrors: p.parseErrors,
      unknownSymbols: p.unknownSymbols,
      reconnects,
      watchdogKills,
      rotations,
      closedFromStream: s.closedFromStream,
      backfilledCandles: s.closedFromRest,
      relostCloses: s.relostCloses,
      warmupCandles: s.warmupCandles,
      duplicateClosesDropped: s.duplicateClosesDropped,
      implausible: s.implausible,
      backfillRequests: b.requests,
      backfillPending: b.pending,
      backfillUnavailable: b.unavailable,
      backfillFailures: b.failures,
      marketTimeMs: s.marketTimeMs,
    };
  }

  /** Closes the streams, fills what is still missing up to the last closed minute, and reports how far that is settled. */
  async stop(timeoutMs: number): Promise<FeedStopReport> {
    this.#stopped = true;
    for (const c of this.connections) c.stop();
    if (this.#sweepTimer) clearInterval(this.#sweepTimer);
    this.sweep();
    const settledThroughMs = this.closedThroughMs();
    if (!(await this.backfiller.drain(timeoutMs))) {
      this.log.warn(`feed stopping with ${this.backfiller.pending} backfills unfinished`);
    }
    this.backfiller.stop();
    return { settledThroughMs };
  }
}

/** Linux thread id, so `top -H -p` and /proc/<pid>/task/<tid> can tell the feed from the brain (both are "Worker"). */
function threadId(): number {
  try {
    return Number(readlinkSync("/proc/thread-self").split("/").pop());
  } catch {
    return -1;
  }
}
