import { expect, test } from "bun:test";
import { SetupTracker } from "../../../src/brain/strategy/setup-tracker";

const params = { minRewardRisk: 1.5, sweepToShiftCandles: 20, stopBufferAtr: 0.1 };

function structure(): SetupTracker {
  const s = new SetupTracker(params);
  s.onSwing(1, 110, true);
  s.onSwing(-1, 90, true);
  s.onSwing(1, 105, true);
  s.onSwing(-1, 95, false); // the latest low: liquidity below it
  s.onSwing(1, 102, false); // the latest high: the structure a long needs broken
  return s;
}

test("sweep of the latest low, a shift above the latest high and a bullish FVG arm a long", () => {
  const s = structure();
  expect(s.onCandle(10, 97, 94, 96, 1)).toBeNull(); // wick below 95, close back above: the sweep
  s.onFvg(1, 99, 98, 11);
  expect(s.onCandle(11, 100, 96, 99.5, 1)).toBeNull(); // no shift yet
  const armed = s.onCandle(12, 103.5, 99.6, 103, 1); // closes above 102
  expect(armed).toMatchObject({ dir: 1, setup: "sweep-shift-fvg", entry: 99, target: 110, sweepLevel: 95, sweepExtreme: 94 });
  expect(armed!.stop).toBeCloseTo(93.9, 10);
  expect(s.onCandle(13, 104, 102, 103, 1)).toBeNull(); // one setup per sweep
});

test("no target far enough for the minimum reward:risk means no setup; a sweep that never shifts expires", () => {
  const s = new SetupTracker(params);
  s.onSwing(1, 101, true); // too close for 1.5R
  s.onSwing(-1, 95, false);
  s.onSwing(1, 100.5, false);
  s.onCandle(1, 97, 94, 96, 1);
  s.onFvg(1, 99, 98, 2);
  expect(s.onCandle(2, 101, 97, 100.8, 1)).toBeNull();

  const t = structure();
  t.onCandle(1, 97, 94, 96, 1);
  t.onFvg(1, 99, 98, 2);
  for (let i = 2; i < 30; i++) t.onCandle(i, 100, 96, 99, 1);
  expect(t.onCandle(30, 104, 100, 103, 1)).toBeNull(); // shifted too late
});

test("the mirror image arms a short from an order block", () => {
  const s = new SetupTracker(params);
  s.onSwing(-1, 90, true);
  s.onSwing(1, 110, true);
  s.onSwing(-1, 95, true);
  s.onSwing(1, 105, false);
  s.onSwing(-1, 98, false);
  s.onCandle(5, 106, 103, 104, 1); // wick above 105, close back below
  s.onOrderBlock(-1, 102.5, 101.5, 6);
  const armed = s.onCandle(6, 101, 97, 97.5, 1); // closes below 98
  expect(armed).toMatchObject({ dir: -1, setup: "sweep-shift-ob", entry: 101.5, target: 90 });
  expect(armed!.stop).toBeCloseTo(106.1, 10);
});
