import { expect, test } from "bun:test";
import { parseDurationMs } from "../../src/core/duration";

test("durations with units, bare seconds, and rejects", () => {
  expect(parseDurationMs("500ms")).toBe(500);
  expect(parseDurationMs("3s")).toBe(3000);
  expect(parseDurationMs("60")).toBe(60_000);
  expect(parseDurationMs("1.5m")).toBe(90_000);
  expect(parseDurationMs("2h")).toBe(7_200_000);
  for (const bad of ["", "abc", "-1s", "5 parsecs", "1e3"]) expect(parseDurationMs(bad)).toBeNull();
});
