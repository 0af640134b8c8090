/** Config section `feed`: WebSocket sharding, liveness, reconnects, and REST backfill of missed closed candles. */
import { z } from "zod";

export const feedSection = z.strictObject({
  /** Binance allows 1024 per connection; 200 keeps URLs short and a reconnect cheap. */
  streamsPerConnection: z.int().min(1).max(1024).default(200),
  /** A connection that delivers no frame for this long is dead (Binance's wrong paths ack and go silent). */
  watchdogMs: z.int().min(500).default(5000),
  pingIntervalMs: z.int().min(100).default(3000),
  /** Binance cuts a connection at 24 h: replace it before that. */
  rotateAfterMs: z.int().min(1000).default(23 * 3_600_000 + 30 * 60_000),
  // Reconnect fast: every moment offline risks a missed final frame, which then costs a REST request per symbol.
  reconnectInitialMs: z.int().min(1).default(100),
  reconnectMaxMs: z.int().min(1).default(30_000),
  /** New connections per second (Binance documents 300 per 5 min per IP for spot). */
  connectsPerSecond: z.number().positive().default(2),
  /** Market time (exchange E) after a minute's end before its missing close is fetched from REST. */
  closeGraceMs: z.int().min(0).default(3000),
  /** Rows per klines request; below 100 costs weight 1. */
  backfillPageSize: z.int().min(1).max(1500).default(99),
  /** Share of the REQUEST_WEIGHT budget for backfill; orders cost no IP weight, the broker's queries need the rest. */
  restWeightShare: z.number().gt(0).max(1).default(0.8),
  restTimeoutMs: z.int().min(100).default(10_000),
  /** Closed 1m candles of history fetched per symbol at startup (499 is the cheapest page: weight 2). */
  warmupMinutes: z.int().min(0).max(1500).default(499),
});

export type FeedConfig = z.output<typeof feedSection>;
