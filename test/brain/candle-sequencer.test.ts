import { expect, test } from "bun:test";
import { CandleSequencer } from "../../src/brain/candle-sequencer";
import { MINUTE_MS } from "../../src/core/minute-set";
import { F, KLINE, Kind, SLOT_F64, UNIVERSE, UNIVERSE_ACTION } from "../../src/ring/layout";

const T = 1_764_000_000_000 - (1_764_000_000_000 % MINUTE_MS);
const m = (i: number) => T + i * MINUTE_MS;
const slot = new Float64Array(SLOT_F64);

function harness(warmupMinutes: number) {
  const out: [number, number, boolean][] = [];
  const seq = new CandleSequencer(4, { onOrderedCandle: (id, b, o, live) => out.push([id, (b[o + KLINE.openTimeMs]! - T) / MINUTE_MS, live]) });
  slot.fill(0);
  slot[F.kind] = Kind.Universe;
  slot[UNIVERSE.action] = UNIVERSE_ACTION.Snapshot;
  slot[UNIVERSE.firstMinuteMs] = m(0);
  slot[UNIVERSE.warmupMinutes] = warmupMinutes;
  seq.onUniverse(slot, 0);
  const closed = (id: number, i: number) => {
    slot.fill(0);
    slot[F.kind] = Kind.KlineClosed;
    slot[F.symbolId] = id;
    slot[KLINE.openTimeMs] = m(i);
    seq.onClosed(slot, 0);
  };
  const warmDone = (id: number) => {
    slot.fill(0);
    slot[F.kind] = Kind.Universe;
    slot[F.symbolId] = id;
    slot[UNIVERSE.action] = UNIVERSE_ACTION.WarmupDone;
    seq.onUniverse(slot, 0);
  };
  return { seq, out, closed, warmDone };
}

test("live minutes wait for the history, then come in order", () => {
  const h = harness(3);
  h.closed(0, 0); // live arrives before history
  h.closed(0, -3);
  h.closed(0, -2);
  h.closed(0, -1);
  expect(h.out).toEqual([[0, -3, false], [0, -2, false], [0, -1, false]]);
  h.warmDone(0);
  expect(h.out.at(-1)).toEqual([0, 0, true]);
});

test("a backfilled minute landing after later ones is released first; duplicates and late candles are refused", () => {
  const h = harness(0);
  h.closed(1, 0);
  h.closed(1, 2);
  h.closed(1, 3);
  expect(h.out.map(([, i]) => i)).toEqual([0]);
  h.closed(1, 2); // a duplicate of a minute still waiting
  expect(h.seq.late).toBe(1);
  h.closed(1, 1); // the backfill
  expect(h.out.map(([, i]) => i)).toEqual([0, 1, 2, 3]);
  h.closed(1, 2); // a duplicate of a minute already released
  expect(h.seq.late).toBe(2);
  expect(h.out).toHaveLength(4);
});

test("a hole the feed never fills is skipped once too many minutes wait behind it", () => {
  const h = harness(0);
  h.closed(2, 0);
  for (let i = 2; i <= 40; i++) h.closed(2, i);
  expect(h.out.map(([, i]) => i)).toEqual([0, ...Array.from({ length: 39 }, (_, k) => k + 2)]);
  expect(h.seq.skippedMinutes).toBe(1);
});
