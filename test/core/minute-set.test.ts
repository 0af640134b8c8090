import { expect, test } from "bun:test";
import { MINUTE_MS, MinuteSet } from "../../src/core/minute-set";

const T0 = 1_764_000_000_000 - (1_764_000_000_000 % MINUTE_MS);
const m = (i: number) => T0 + i * MINUTE_MS;

test("in-order minutes advance the watermark; duplicates and minutes before start are refused", () => {
  const s = new MinuteSet(2);
  s.start(0, m(0));
  expect([s.add(0, m(1)), s.add(0, m(2)), s.add(0, m(2)), s.add(0, m(0)), s.add(0, m(-5))]).toEqual([true, true, false, false, false]);
  expect(s.watermark[0]).toBe(m(2));
  expect(s.missingThrough(0, m(2))).toBe(0);
});

test("out-of-order arrivals fill holes, and missingThrough counts what never came", () => {
  const s = new MinuteSet(1);
  s.start(0, m(0));
  expect(s.add(0, m(3))).toBe(true);
  expect(s.add(0, m(5))).toBe(true);
  expect(s.add(0, m(3))).toBe(false);
  expect(s.watermark[0]).toBe(m(0));
  expect(s.missingThrough(0, m(6))).toBe(4); // 1, 2, 4, 6
  expect(s.add(0, m(1))).toBe(true);
  expect(s.add(0, m(2))).toBe(true);
  expect(s.watermark[0]).toBe(m(3));
  expect(s.add(0, m(4))).toBe(true);
  expect(s.watermark[0]).toBe(m(5));
});

test("a key that has not started takes its first minute as the watermark", () => {
  const s = new MinuteSet(1);
  expect(s.add(0, m(7))).toBe(true);
  expect(s.add(0, m(7))).toBe(false);
  expect(s.watermark[0]).toBe(m(7));
});

test("across the window edge and far beyond it, the oldest minutes are given up and counted", () => {
  const s = new MinuteSet(1);
  s.start(0, m(0));
  expect(s.add(0, m(4096 + 10))).toBe(true); // 10 minutes past the window
  expect(s.abandoned).toBe(10);
  expect(s.add(0, m(100_000))).toBe(true);
  expect(s.watermark[0]).toBe(m(100_000 - 4096));
  expect(s.abandoned).toBe(100_000 - 4096 - 1); // everything skipped except the one arrival at 4106
  expect(s.add(0, m(100_000 - 4096 + 1))).toBe(true);
  expect(s.watermark[0]).toBe(m(100_000 - 4096 + 1));
});
