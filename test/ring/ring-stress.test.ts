/** Two-Worker stress: 10M heartbeats through a 1024-slot ring (≈10k laps), per-slot and batched, and across 2^31. */
import { describe, expect, test } from "bun:test";
import { READ_CURSOR_I32, WRITE_CURSOR_I32 } from "../../src/ring/layout";
import { createRing } from "../../src/ring/ring-buffer";
import type { StressConsumerInit, StressConsumerResult, WaitKind } from "../support/ring-stress-consumer.worker";
import type { StressProducerInit, StressProducerResult } from "../support/ring-stress-producer.worker";
import { startWorker } from "../support/ring-worker-harness";

const CONSUMER = new URL("../support/ring-stress-consumer.worker.ts", import.meta.url);
const PRODUCER = new URL("../support/ring-stress-producer.worker.ts", import.meta.url);

interface Case {
  n: number;
  batch: number;
  wait: WaitKind;
  initialSequence?: number;
  capacity?: number;
  claim?: StressProducerInit["claim"];
}

async function stress({ n, batch, wait, initialSequence = 0, capacity = 1024, claim }: Case) {
  const sab = createRing(capacity, initialSequence);
  const limitMs = 100_000;
  const consumerInit: StressConsumerInit = { sab, n, wait, stallMs: 5_000 };
  const producerInit: StressProducerInit = { sab, n, batch, overflowCapacity: 256, claim };
  const consumer = startWorker<StressConsumerResult>(CONSUMER, consumerInit, limitMs);
  const producer = startWorker<StressProducerResult>(PRODUCER, producerInit, limitMs);
  try {
    const [c, p] = await Promise.all([consumer.result, producer.result]);
    const i32 = new Int32Array(sab);
    const left = (Atomics.load(i32, WRITE_CURSOR_I32) - Atomics.load(i32, READ_CURSOR_I32)) | 0;
    return { c, p, left, finalCursor: Atomics.load(i32, READ_CURSOR_I32) };
  } finally {
    consumer.worker.terminate();
    producer.worker.terminate();
  }
}

function expectClean({ c, p, left }: Awaited<ReturnType<typeof stress>>, n: number): void {
  expect(c.firstProblem).toBe("");
  expect(c.received).toBe(n);
  expect(c.lost).toBe(0);
  expect(c.duplicatedOrReordered).toBe(0);
  expect(c.torn).toBe(0);
  expect(left).toBe(0);
  expect(p.stats.committed).toBe(n);
  expect(p.stats.published).toBe(n);
  expect(p.stats.lostRecords).toBe(0);
  expect(p.stats.gaps).toBe(0);
}

const N = 10_000_000;

describe("ring between two workers", () => {
  test(
    "10M slots, per-slot publish, busy-spin consumer",
    async () => {
      const run = await stress({ n: N, batch: 1, wait: "spin" });
      expectClean(run, N);
    },
    120_000,
  );

  test(
    "10M slots, batched publish (64), busy-spin consumer",
    async () => {
      const run = await stress({ n: N, batch: 64, wait: "spin" });
      expectClean(run, N);
    },
    120_000,
  );

  test(
    "10M slots, claimRun batches of 100: runs split where the ring wraps, claim() takes over when it is full",
    async () => {
      const run = await stress({ n: N, batch: 100, wait: "spin", claim: "run" });
      expectClean(run, N);
    },
    120_000,
  );

  for (const claim of ["record", "run"] as const) {
    test(
      `10M slots starting at 2^31 - 5000, ${claim === "run" ? "claimRun" : "claim()"}: the Int32 cursors wrap mid-run`,
      async () => {
        const start = 2 ** 31 - 5_000;
        const run = await stress({ n: N, batch: 16, wait: "spin", initialSequence: start, capacity: 4096, claim });
        expectClean(run, N);
        expect(run.finalCursor).toBe((start + N) | 0);
        expect(run.finalCursor).toBeLessThan(0);
      },
      120_000,
    );
  }

  for (const wait of ["blocking", "async"] as const) {
    test(
      `200k slots, per-slot publish, ${wait} consumer: no lost wake-up`,
      async () => {
        const run = await stress({ n: 200_000, batch: 1, wait, capacity: 64 });
        expectClean(run, 200_000);
      },
      60_000,
    );
  }
});
