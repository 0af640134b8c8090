/** Wait strategies on one thread: immediate return with data, 0 on timeout, sleeping flag cleared, waitAsync woken. */
import { describe, expect, test } from "bun:test";
import { READER_SLEEPING_I32 } from "../../src/ring/layout";
import { createRing } from "../../src/ring/ring-buffer";
import { RingReader } from "../../src/ring/ring-reader";
import { RingWriter } from "../../src/ring/ring-writer";
import { asyncWait, blockingWait, spinWait } from "../../src/ring/wait-strategy";
import { writeHeartbeat } from "../support/ring-records";

function setup() {
  const sab = createRing(16);
  const w = new RingWriter(sab, { maxSymbols: 0, overflowCapacity: 4 });
  const r = new RingReader(sab);
  const send = (count: number): void => {
    for (let i = 0; i < count; i++) {
      const at = w.claim();
      writeHeartbeat(w.buf, at, i);
      w.commit();
    }
    w.publish();
  };
  return { w, r, send };
}

const sleeping = (r: RingReader): number => Atomics.load(r.i32, READER_SLEEPING_I32);

describe("wait strategies", () => {
  test("spinWait returns the available count, or 0 after maxSpins", () => {
    const { r, send } = setup();
    expect(spinWait(r, 1_000)).toBe(0);
    send(3);
    expect(spinWait(r, 0)).toBe(3);
  });

  test("spinWait with minBatch returns what is there after maxSpins, at once when enough", () => {
    const { r, send } = setup();
    send(3);
    expect(spinWait(r, 100, 8)).toBe(3);
    send(5);
    expect(spinWait(r, 1_000_000_000, 8)).toBe(8);
  });

  test("blockingWait returns at once with data, 0 after the timeout, and clears the flag", () => {
    const { r, send } = setup();
    const t0 = performance.now();
    expect(blockingWait(r, 20)).toBe(0);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(15);
    expect(sleeping(r)).toBe(0);
    send(2);
    expect(blockingWait(r, 1_000)).toBe(2);
  });

  test("asyncWait times out with 0 and clears the flag", async () => {
    const { r } = setup();
    const t0 = performance.now();
    expect(await asyncWait(r, 20, 0)).toBe(0);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(15);
    expect(sleeping(r)).toBe(0);
  });

  test("asyncWait sleeps with the flag set and the writer's publish wakes it", async () => {
    const { r, send } = setup();
    const waiting = asyncWait(r, 5_000, 0);
    expect(sleeping(r)).toBe(1);
    const t0 = performance.now();
    setTimeout(() => send(5), 10);
    expect(await waiting).toBe(5);
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(sleeping(r)).toBe(0);
  });

  test("asyncWait returns data that arrives during its spin window without sleeping", async () => {
    const { r, send } = setup();
    send(1);
    expect(await asyncWait(r, 5_000, 50)).toBe(1);
    expect(sleeping(r)).toBe(0);
  });
});
