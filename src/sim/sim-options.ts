/** The simulator's in-process API: options, runtime fault knobs, the handle, and their defaults. */
import type { Clock } from "../core/clock";
import { AegisError } from "../core/errors";

/** Fault knobs; `handle.faults` is this object, and every part reads it on each use, so changes act at once. */
export interface SimFaults {
  /** Terminate every /market WebSocket connection every T ms of real time; 0 = off. */
  dropEveryMs: number;
  /** T ms (real) after this value is set (or after start), the oldest `stallConnections` open connections stop
   *  receiving data frames: still open, still answering pings and control messages. One-shot per arming; 0 = off. */
  stallAfterMs: number;
  stallConnections: number;
  /** Hold every data frame this long (real ms) before sending it; order is kept. */
  delayMs: number;
  /** Fraction (0..1) of data frames replaced by a corrupted version (truncated JSON or a garbled field). */
  corruptFraction: number;
  /** Per symbol-minute probability of a minute with no trade at all (a flat candle). */
  emptyMinuteProbability: number;
  /** Send the x:true frame for a zero-trade minute? Binance may not (docs §2.1). */
  closeEmptyMinutes: boolean;
  /** Fraction of REST requests answered 503 {"code":-1001,…}. */
  restErrorFraction: number;
}

export interface FirehoseOptions {
  /** Aggregate frames per second over all connections; 0 = as fast as each socket drains. */
  ratePerSec: number;
  /** Distinct pre-built kline frames across all market symbols (default 4096). */
  poolSize?: number;
}

export interface SimOptions {
  /** 0 (default) = a free port. */
  port?: number;
  /** Generated universe size (default 50); ignored with exchangeInfoPath or replay. */
  symbols?: number;
  /** Serve this exchangeInfo capture verbatim; the market runs its PERPETUAL/USDT/TRADING symbols. */
  exchangeInfoPath?: string;
  /** Sim time = start + real elapsed × speed (default 1). */
  speed?: number;
  seed?: number;
  /** Default: now rounded down to the minute. Ignored by replay. */
  startTimeMs?: number;
  /** Closed 1m candles that exist before start (default 600). In replay: minutes of the files already past at start (default 0). */
  historyMinutes?: number;
  /** Replay kline CSV files instead of the synthetic market; sim time starts at the first candle. */
  replay?: { files: string[] };
  faults?: Partial<SimFaults>;
  /** Benchmark mode: pre-built kline frames replace the market's kline frames (REST and markPrice keep working). */
  firehose?: FirehoseOptions;
  /** Server ping period, real ms (default 180 000). */
  pingIntervalMs?: number;
  /** Close when a ping has no pong for this long, real ms (default 600 000). */
  pongTimeoutMs?: number;
  /** Close connections at this age, real ms (default 24 h). */
  maxConnectionAgeMs?: number;
  /** Real time source (default systemClock): rate-limit windows, faults, keep-alive, and the sim clock's base. */
  clock?: Clock;
}

export interface SimStats {
  /** Open WebSocket connections. */
  connections: number;
  /** Data frames delivered (one per receiving connection). */
  framesSent: number;
  /** Connections terminated by the drop fault. */
  drops: number;
  /** Connections stalled by the stall fault. */
  stalls: number;
  corrupted: number;
  restRequests: number;
  /** REST requests answered 429 or 418. */
  rateLimited: number;
}

export interface SimHandle {
  /** "http://127.0.0.1:PORT"; the engine appends /fapi/… */
  restUrl: string;
  /** "ws://127.0.0.1:PORT"; the engine appends /market/… */
  wsUrl: string;
  port: number;
  faults: SimFaults;
  /** Sim time in ms. */
  nowMs(): number;
  /** The market's symbols (upper case, exchangeInfo spelling). */
  symbols: string[];
  stats(): SimStats;
  stop(): Promise<void>;
}

/** Valid values of the numeric options, for the simulator's own check and for the CLI flags that set them. */
export interface SimLimit {
  ok(n: number): boolean;
  /** What a valid value is, as an error message ends: "must be …". */
  hint: string;
}
const whole = Number.isInteger;
export const SIM_LIMITS = {
  port: { ok: (n) => whole(n) && n >= 0 && n <= 65_535, hint: "must be a port number 0..65535" },
  symbols: { ok: (n) => whole(n) && n >= 1 && n <= 5000, hint: "must be a whole number 1..5000" },
  speed: { ok: (n) => n > 0 && n <= 100_000, hint: "must be > 0 and at most 100000" },
  seed: { ok: whole, hint: "must be a whole number" },
  historyMinutes: { ok: (n) => whole(n) && n >= 0, hint: "must be a whole number of minutes ≥ 0" },
  fraction: { ok: (n) => n >= 0 && n <= 1, hint: "must be a fraction between 0 and 1" },
  firehoseRate: { ok: (n) => n >= 0, hint: "must be a rate ≥ 0 (0 = as fast as the sockets drain)" },
} satisfies Record<string, SimLimit>;

export const DEFAULT_FAULTS: SimFaults = {
  dropEveryMs: 0,
  stallAfterMs: 0,
  stallConnections: 1,
  delayMs: 0,
  corruptFraction: 0,
  emptyMinuteProbability: 0.001,
  closeEmptyMinutes: false,
  restErrorFraction: 0,
};

/** Bad simulator options or unreadable input files; retrying does not help. */
export class SimError extends AegisError {
  override name = "SimError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, false, options);
  }
}
