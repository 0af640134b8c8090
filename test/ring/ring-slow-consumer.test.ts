/** Two workers, slow consumer, full ring: kline updates conflate; closes and trades arrive or a GAP covers them. */
import { describe, expect, test } from "bun:test";
import { createRing } from "../../src/ring/ring-buffer";
import { checkFeed, type FeedShape } from "../support/ring-feed-check";
import type { FeedConsumerInit, FeedConsumerResult } from "../support/ring-feed-consumer.worker";
import type { FeedProducerInit, FeedProducerResult } from "../support/ring-feed-producer.worker";
import { startWorker } from "../support/ring-worker-harness";

const CONSUMER = new URL("../support/ring-feed-consumer.worker.ts", import.meta.url);
const PRODUCER = new URL("../support/ring-feed-producer.worker.ts", import.meta.url);

const shape: FeedShape = { symbols: 16, minutes: 60, updates: 40, tradeEvery: 8 };
const updatesTotal = shape.symbols * shape.minutes * shape.updates;
const closesTotal = shape.symbols * shape.minutes;
const tradesTotal = closesTotal * Math.ceil(shape.updates / shape.tradeEvery);

async function run(overflowCapacity: number, pauseMs: number) {
  const sab = createRing(64);
  const maxRecords = updatesTotal + closesTotal + tradesTotal + 10_000;
  const consumerInit: FeedConsumerInit = { sab, maxRecords, slowUs: 3 };
  const producerInit: FeedProducerInit = { sab, ...shape, overflowCapacity, pauseMs };
  const consumer = startWorker<FeedConsumerResult>(CONSUMER, consumerInit, 30_000);
  const producer = startWorker<FeedProducerResult>(PRODUCER, producerInit, 30_000);
  try {
    const [c, p] = await Promise.all([consumer.result, producer.result]);
    return { c, p, report: checkFeed(c.records, c.count, shape) };
  } finally {
    consumer.worker.terminate();
    producer.worker.terminate();
  }
}

describe("full ring, slow consumer", () => {
  test(
    "queue large enough: every close and trade arrives, updates conflate, counters match",
    async () => {
      const { c, p, report } = await run(8_192, 1);
      const s = p.stats;
      expect(report.problems).toEqual([]);
      expect(p.closes).toBe(closesTotal);
      expect(p.trades).toBe(tradesTotal);
      expect(report.closes).toBe(closesTotal);
      expect(report.trades).toBe(tradesTotal);
      expect(s.lostRecords).toBe(0);
      expect(report.gaps).toBe(0);
      expect(s.conflated).toBeGreaterThan(0);
      expect(s.overflowed).toBeGreaterThan(0);
      expect(c.count).toBe(s.published);
      expect(s.committed).toBe(updatesTotal + closesTotal + tradesTotal + 1);
      expect(report.klineUpdates).toBe(updatesTotal - s.conflated - s.superseded);
      expect(s.published - s.gaps + s.conflated + s.superseded + s.lostRecords).toBe(s.committed);
    },
    60_000,
  );

  test(
    "queue too small: lost closes and trades are counted and covered by GAP records",
    async () => {
      const { c, p, report } = await run(32, 0.2);
      const s = p.stats;
      expect(report.problems).toEqual([]);
      expect(s.lostRecords).toBeGreaterThan(0);
      expect(report.gaps).toBe(s.gaps);
      expect(report.lostInGaps).toBe(s.lostRecords);
      expect(report.closes + report.trades + s.lostRecords).toBe(closesTotal + tradesTotal);
      expect(report.coveredByGap).toBeGreaterThanOrEqual(s.lostRecords);
      expect(c.count).toBe(s.published);
      expect(report.klineUpdates).toBe(updatesTotal - s.conflated - s.superseded);
      expect(s.published - s.gaps + s.conflated + s.superseded + s.lostRecords).toBe(s.committed);
    },
    60_000,
  );
});
