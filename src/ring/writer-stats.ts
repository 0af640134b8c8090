/** Counters of one RingWriter: plain numbers, cheap to bump on the hot path and to copy into /metrics. */

/**
 * Every committed record ends in exactly one bucket, so
 * `published - gaps + conflated + superseded + lostRecords === committed` once the backlog is empty.
 */
/** The writer's stats that are states, not counts. */
export const WRITER_GAUGES = ["backlog", "maxBacklog"] as const;

export class RingWriterStats {
  /** Records committed by the caller (GAP records made by the writer are not counted here). */
  committed = 0;
  /** Records made visible to the reader, GAP records included. */
  published = 0;
  /** Pending KLINE / BOOK_TICKER / MARK_PRICE records replaced by a newer one for the same symbol. */
  conflated = 0;
  /** Pending in-progress KLINE records dropped because that symbol's KLINE_CLOSED superseded them. */
  superseded = 0;
  /** Records that went to the overflow queue because the ring was full or a backlog existed. */
  overflowed = 0;
  /** Records lost because the overflow queue was full; each is covered by a GAP record. */
  lostRecords = 0;
  /** GAP records written into the ring. */
  gaps = 0;
  /** Records waiting outside the ring now: queued, conflated, and a pending GAP. */
  backlog = 0;
  /** Highest `backlog` seen. */
  maxBacklog = 0;
}
