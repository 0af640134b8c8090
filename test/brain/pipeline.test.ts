import { expect, test } from "bun:test";
import { BrainPipeline } from "../../src/brain/pipeline";
import { F, KLINE, KLINE_SOURCE_REST, KLINE_SOURCE_STREAM, Kind, SLOT_F64 } from "../../src/ring/layout";

const T0 = 1_764_000_000_000_000; // µs since the epoch
const slot = new Float64Array(SLOT_F64);

function kline(p: BrainPipeline, nowUs: number, source = KLINE_SOURCE_STREAM): void {
  slot[F.kind] = Kind.Kline;
  slot[F.eventTimeMs] = (nowUs - 100) / 1000;
  slot[F.recvTimeUs] = nowUs - 20;
  slot[KLINE.openTimeMs] = Math.floor(nowUs / 60_000_000) * 60_000;
  slot[KLINE.source] = source;
  p.onRecord(slot, 0, Kind.Kline, nowUs);
}

test("steady-state throughput counts streamed klines after the warm-up, from the first steady batch on", () => {
  const p = new BrainPipeline();
  kline(p, T0); // first kline: starts the 5 s warm-up
  for (let k = 0; k < 10; k++) kline(p, T0 + 1_000_000 + k); // inside the warm-up: not counted
  expect(p.steadyKlines).toBe(0);
  expect(p.steadyMs).toBe(0);

  const from = T0 + 5_000_001;
  for (let k = 0; k < 3; k++) kline(p, from); // the batch that opens the window is not counted
  expect(p.steadyKlines).toBe(0);
  for (let k = 0; k < 4; k++) kline(p, from + 1_000_000); // two batches one second apart
  for (let k = 0; k < 4; k++) kline(p, from + 2_000_000);
  kline(p, from + 2_500_000, KLINE_SOURCE_REST); // a backfilled candle is not stream throughput
  expect(p.steadyKlines).toBe(8);
  expect(p.steadyMs).toBe(2000);
  expect(p.eventLag.count).toBe(11);
});
