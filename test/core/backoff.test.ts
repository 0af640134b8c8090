import { expect, test } from "bun:test";
import { Backoff } from "../../src/core/backoff";

test("delays grow exponentially, stay within [initial, max], and reset", () => {
  const high = new Backoff(100, 1000, () => 1);
  expect([high.next(), high.next(), high.next(), high.next(), high.next()]).toEqual([200, 400, 800, 1000, 1000]);
  const low = new Backoff(100, 1000, () => 0);
  expect([low.next(), low.next(), low.next()]).toEqual([100, 100, 100]);
  high.reset();
  expect(high.attempt).toBe(0);
  expect(high.next()).toBe(200);
});
