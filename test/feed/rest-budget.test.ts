import { expect, test } from "bun:test";
import { ManualClock } from "../../src/core/clock";
import { RestBudget } from "../../src/feed/rest-budget";

const settle = () => new Promise((r) => setTimeout(r, 0));

test("spends up to its share per rolling minute, then waits for the oldest spend to expire", async () => {
  const t0 = 1_000_000_000_000;
  const clock = new ManualClock(t0);
  const b = new RestBudget(3, 2400, clock);
  await b.acquire(1);
  await b.acquire(2);
  let done = false;
  let doneAtMs = 0;
  const p = b.acquire(1).then(() => {
    done = true;
    doneAtMs = clock.nowMs();
  });
  await settle();
  expect(done).toBe(false);
  clock.advance(30_000);
  await settle();
  expect(done).toBe(false);
  for (let i = 0; i < 31 && !done; i++) {
    clock.advance(1000);
    await settle();
  }
  await p;
  // The first spend leaves the rolling minute at t0 + 60 s; the sleep ticks in 1 s steps, so it wakes within one.
  expect(doneAtMs - t0).toBeGreaterThanOrEqual(60_000);
  expect(doneAtMs - t0).toBeLessThanOrEqual(61_000);
});

test("a ban stops everything until it ends; the server's own count is respected", async () => {
  const clock = new ManualClock(1_000_000_020_000);
  const b = new RestBudget(1000, 100, clock);
  b.banFor(5000);
  let done = false;
  void b.acquire(1).then(() => (done = true));
  for (let i = 0; i < 4; i++) {
    clock.advance(1000);
    await settle();
  }
  expect(done).toBe(false);
  for (let i = 0; i < 3 && !done; i++) {
    clock.advance(1000);
    await settle();
  }
  expect(done).toBe(true);
  b.observeUsedWeight(95); // above 90% of the IP's 100
  let second = false;
  void b.acquire(1).then(() => (second = true));
  await settle();
  expect(second).toBe(false);
});
