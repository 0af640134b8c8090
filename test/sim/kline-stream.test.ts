import { describe, expect, test } from "bun:test";
import { ManualClock } from "../../src/core/clock";
import { type SimHandle, startSimulator } from "../../src/sim/simulator";
import { kAsRow, type KlineFrame, klines, rowAsK, tap, until } from "./sim-test-kit";

const MIN = 60_000;
const T0 = Math.floor(Date.now() / MIN) * MIN - 30 * MIN;

async function restRows(sim: SimHandle, symbol: string, from: number, to: number): Promise<unknown[][]> {
  const url = `${sim.restUrl}/fapi/v1/klines?symbol=${encodeURIComponent(symbol)}&interval=1m&startTime=${from}&endTime=${to}`;
  return (await (await fetch(url)).json()) as unknown[][];
}

describe("kline stream cadence and closes", () => {
  test("≥ 250 ms sim between frames of a stream, one x:true per traded minute just after it, equal to REST", async () => {
    const sim = await startSimulator({ symbols: 8, speed: 240, startTimeMs: T0, historyMinutes: 5, seed: 11 });
    try {
      const lower = sim.symbols.map((s) => s.toLowerCase());
      const streams = [...lower.map((s) => `${s}@kline_1m`), "btcusdt@aggTrade", "!markPrice@arr@1s"];
      const t = await tap(`${sim.wsUrl}/market/stream?streams=${streams.map(encodeURIComponent).join("/")}`);
      const start = sim.nowMs();
      await until(() => sim.nowMs() > Math.ceil(start / MIN) * MIN + 4 * MIN + 3000, 5000, "4 whole minutes");
      t.ws.close();
      const frames = klines(t.frames);
      const closedMinutes = [1, 2, 3, 4].map((k) => Math.ceil(start / MIN) * MIN + (k - 1) * MIN);
      for (const symbol of sim.symbols) {
        const mine = frames.filter((f) => f.s === symbol);
        expect(mine.length).toBeGreaterThan(4);
        for (let k = 1; k < mine.length; k++) {
          expect(mine[k]!.E - mine[k - 1]!.E).toBeGreaterThanOrEqual(250);
          expect(mine[k]!.k.t).toBeGreaterThanOrEqual(mine[k - 1]!.k.t); // a closed minute never reappears
          if (mine[k - 1]!.k.x) expect(mine[k]!.k.t).toBeGreaterThan(mine[k - 1]!.k.t);
        }
        for (const f of mine) {
          expect(f.k.s).toBe(symbol);
          expect(f.k.i).toBe("1m");
          expect(f.k.T).toBe(f.k.t + 59_999);
          expect(f.E).toBeLessThanOrEqual(f.k.T + (f.k.x ? 10 : 0));
          if (f.k.x) expect(f.E - (f.k.T + 1)).toBeGreaterThanOrEqual(1);
        }
        const rows = await restRows(sim, symbol, closedMinutes[0]!, closedMinutes.at(-1)!);
        expect(rows.length).toBe(4);
        for (const row of rows) {
          const closes = mine.filter((f) => f.k.t === row[0] && f.k.x);
          expect([symbol, row[0], closes.length]).toEqual([symbol, row[0], (row[8] as number) > 0 ? 1 : 0]);
          if (closes[0]) expect(kAsRow(closes[0].k)).toBe(rowAsK(row));
        }
      }
      const arrays = t.frames.map((f) => JSON.parse(f)).filter((f) => f.stream === "!markPrice@arr@1s");
      const secs = arrays.map((a) => a.data[0].E as number);
      for (let k = 1; k < secs.length; k++) expect(secs[k]! - secs[k - 1]!).toBe(1000);
      expect(arrays.every((a) => a.data.length === 8)).toBe(true);
      const aggs = t.frames.map((f) => JSON.parse(f).data).filter((d) => d.e === "aggTrade");
      expect(aggs.length).toBeGreaterThan(20);
      for (let k = 1; k < aggs.length; k++) expect(aggs[k].a).toBe(aggs[k - 1].a + 1);
      for (const a of aggs) expect(a.E).toBeGreaterThanOrEqual(a.T);
    } finally {
      await sim.stop();
    }
  }, 15_000);

  test("zero-trade minutes: flat, no x:true frame by default, one with closeEmptyMinutes", async () => {
    const sim = await startSimulator({ symbols: 3, speed: 600, startTimeMs: T0, historyMinutes: 3, faults: { emptyMinuteProbability: 1 } });
    try {
      const t = await tap(`${sim.wsUrl}/market/ws/btcusdt@kline_1m/ethusdt@kline_1m`);
      await Bun.sleep(400); // 4 sim-minutes
      expect(t.frames).toEqual([]);
      sim.faults.closeEmptyMinutes = true;
      await until(() => klines(t.frames).length >= 4, 3000, "closing frames of empty minutes");
      t.ws.close();
      const got: KlineFrame[] = klines(t.frames);
      for (const f of got) {
        expect(f.k.x).toBe(true);
        expect(f.k.n).toBe(0);
        expect(Number(f.k.v)).toBe(0);
        expect(new Set([f.k.o, f.k.h, f.k.l, f.k.c]).size).toBe(1);
        const [row] = await restRows(sim, f.s, f.k.t, f.k.t);
        expect(kAsRow(f.k)).toBe(rowAsK(row!));
      }
    } finally {
      await sim.stop();
    }
  });

  test("the same seed gives the same market, history and live minutes; another seed another one", async () => {
    const run = async (seed: number, listen = false) => {
      const clock = new ManualClock(T0);
      const sim = await startSimulator({ symbols: 5, startTimeMs: T0, historyMinutes: 30, seed, clock });
      // subscribers must not change the market: frames are built only for them, the draws happen regardless
      const t = listen ? await tap(`${sim.wsUrl}/market/ws/solusdt@aggTrade/solusdt@kline_1m/btcusdt@aggTrade`) : null;
      clock.advance(3 * MIN + 500);
      const rows = await restRows(sim, "SOLUSDT", T0 - 30 * MIN, T0 + 3 * MIN);
      if (t) {
        await until(() => t.frames.length > 10, 2000, "frames");
        t.ws.close();
      }
      await sim.stop();
      return rows;
    };
    const a = await run(99);
    expect(a.length).toBe(34);
    expect(await run(99)).toEqual(a);
    expect(await run(99, true)).toEqual(a);
    expect(await run(100)).not.toEqual(a);
  });
});
