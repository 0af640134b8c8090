import { expect, test } from "bun:test";
import { LatencyHistogram } from "../../src/core/latency-histogram";

test("quantiles within the bucket resolution, never below the true value", () => {
  const h = new LatencyHistogram();
  for (let i = 1; i <= 10_000; i++) h.record(i);
  for (const [q, v] of [[0.5, 5000], [0.99, 9900], [0.999, 9990]] as const) {
    expect(h.quantile(q)).toBeGreaterThanOrEqual(v);
    expect(h.quantile(q)).toBeLessThanOrEqual(v * 1.04);
  }
  expect(h.quantile(1)).toBe(10_000);
  h.record(-5);
  expect(h.negative).toBe(1);
  expect(h.count).toBe(10_000);
  h.reset();
  expect(Number.isNaN(h.quantile(0.5))).toBe(true);
});
