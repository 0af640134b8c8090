import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ManualClock } from "../../src/core/clock";
import { symbolFromFileName } from "../../src/sim/market/replay-csv";
import { type SimHandle, startSimulator } from "../../src/sim/simulator";
import { sharedData } from "../support/shared-data";
import { klines, tap, until } from "./sim-test-kit";

const MIN = 60_000;
const T0 = Date.UTC(2025, 4, 4, 15, 33);

// 6 columns with a header (binance-um-2025 layout); minute 3 has no trade
const BTC_6 = [
  "open_time,open,high,low,close,volume",
  `${T0},95505.4,95505.5,95502.7,95502.7,16.536`,
  `${T0 + MIN},95502.8,95510.0,95478,95478.1,28.313`,
  `${T0 + 2 * MIN},95478.1,95478.1,95478.1,95478.1,0`,
  `${T0 + 3 * MIN},95478.2,95490.3,95470.0,95488.8,3.2`,
].join("\n");
// Binance's 12 columns without a header, a minute later; minute 2 has no trade
const ETH_12 = [
  `${T0 + MIN},1820.10,1821.50,1819.90,1821.00,512.345,${T0 + 2 * MIN - 1},932851.12345,1200,300.100,546440.01234,0`,
  `${T0 + 2 * MIN},1821.00,1821.00,1821.00,1821.00,0.000,${T0 + 3 * MIN - 1},0.00000,0,0.000,0.00000,0`,
  `${T0 + 3 * MIN},1821.10,1822.00,1818.40,1818.50,100.000,${T0 + 4 * MIN - 1},182000.50000,310,40.500,73700.10000,0`,
].join("\r\n");
// a second BTC file (12 columns), merged in time with the first; its first row repeats one already given
const BTC_12 = [
  `${T0 + 3 * MIN},95478.2,95490.3,95470.0,95488.8,3.200,${T0 + 4 * MIN - 1},305500.1000,15,1.600,152750.0500,0`,
  `${T0 + 4 * MIN},95488.8,95500.0,95480.1,95499.9,7.125,${T0 + 5 * MIN - 1},680400.2500,42,4.000,382000.0000,0`,
].join("\n");

describe("replay of kline CSV files", () => {
  let dir: string;
  let sim: SimHandle;
  let clock: ManualClock;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "aegis-replay-"));
    writeFileSync(join(dir, "BTCUSDT-1m.csv"), BTC_6 + "\n");
    writeFileSync(join(dir, "ETHUSDT-1m-2024-01.csv"), ETH_12);
    writeFileSync(join(dir, "BTCUSDT-1m-2025-05.csv"), BTC_12 + "\n");
    clock = new ManualClock(Date.now());
    sim = await startSimulator({
      replay: { files: ["BTCUSDT-1m.csv", "ETHUSDT-1m-2024-01.csv", "BTCUSDT-1m-2025-05.csv"].map((f) => join(dir, f)) },
      clock,
    });
  });
  afterAll(async () => {
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test("symbols come from the file names; sim time starts at the first candle", () => {
    expect(symbolFromFileName("/x/FILUSDT-1m-2023-09.csv")).toBe("FILUSDT");
    expect(sim.symbols).toEqual(["BTCUSDT", "ETHUSDT"]);
    expect(sim.nowMs()).toBe(T0);
  });

  test("streams synthesize each minute and close it with the file row; REST serves the rows once closed", async () => {
    const t = await tap(`${sim.wsUrl}/market/stream?streams=btcusdt@kline_1m/ethusdt@kline_1m/ethusdt@aggTrade`);
    const rest = async (symbol: string) =>
      (await (await fetch(`${sim.restUrl}/fapi/v1/klines?symbol=${symbol}&interval=1m&startTime=${T0}`)).json()) as unknown[][];
    expect((await rest("BTCUSDT")).map((r) => r[0])).toEqual([T0]); // only the forming candle
    for (let m = 0; m < 6; m++) {
      for (let s = 0; s < 4; s++) {
        clock.advance(15_000);
        await Bun.sleep(8);
      }
    }
    await until(() => sim.nowMs() >= T0 + 6 * MIN, 1000, "6 minutes");
    await Bun.sleep(30);
    t.ws.close();
    const frames = klines(t.frames);
    const closes = frames.filter((f) => f.k.x);
    const eth = ETH_12.split("\r\n").map((l) => l.split(","));
    // 12 columns: the closing frame is the row, string for string; the zero-trade minute has none
    const got: unknown[][] = closes.filter((f) => f.s === "ETHUSDT").map((f) => [f.k.t, f.k.o, f.k.h, f.k.l, f.k.c, f.k.v, f.k.q, f.k.n, f.k.V, f.k.Q]);
    const want: unknown[][] = [eth[0]!, eth[2]!].map((r) => [Number(r[0]), r[1], r[2], r[3], r[4], r[5], r[7], Number(r[8]), r[9], r[10]]);
    expect(got).toEqual(want);
    // 6 columns: the row's values, with quote volume, count and taker-buy synthesized
    const btcCloses = closes.filter((f) => f.s === "BTCUSDT");
    expect(btcCloses.map((f) => f.k.t)).toEqual([T0, T0 + MIN, T0 + 3 * MIN, T0 + 4 * MIN]);
    expect(btcCloses.map((f) => [f.k.o, f.k.h, f.k.l, f.k.c, Number(f.k.v)].map(Number))).toEqual([
      [95505.4, 95505.5, 95502.7, 95502.7, 16.536],
      [95502.8, 95510.0, 95478, 95478.1, 28.313],
      [95478.2, 95490.3, 95470.0, 95488.8, 3.2],
      [95488.8, 95500.0, 95480.1, 95499.9, 7.125],
    ]);
    expect(btcCloses.every((f) => f.k.n > 0 && Number(f.k.q) > 0 && Number(f.k.V) <= Number(f.k.v))).toBe(true);
    // intra-minute frames stay inside the final candle and only grow
    for (const close of closes) {
      const forming = frames.filter((f) => f.s === close.s && f.k.t === close.k.t && !f.k.x);
      expect(forming.length).toBeGreaterThan(0);
      let v = 0;
      for (const f of forming) {
        expect(f.k.o).toBe(close.k.o);
        expect(Number(f.k.h)).toBeLessThanOrEqual(Number(close.k.h));
        expect(Number(f.k.l)).toBeGreaterThanOrEqual(Number(close.k.l));
        expect(Number(f.k.v)).toBeGreaterThanOrEqual(v);
        v = Number(f.k.v);
      }
    }
    expect(t.frames.some((f) => f.includes('"e":"aggTrade"'))).toBe(true);
    // REST: the rows, zero-trade ones included, equal to the closing frames
    const ethRows = await rest("ETHUSDT");
    expect(ethRows.map((r) => r[0])).toEqual([T0 + MIN, T0 + 2 * MIN, T0 + 3 * MIN]);
    expect(ethRows[1]!.slice(1, 12)).toEqual(["1821.00", "1821.00", "1821.00", "1821.00", "0.000", T0 + 3 * MIN - 1, "0.00000", 0, "0.000", "0.00000", "0"]);
    const btcRows = await rest("BTCUSDT");
    expect(btcRows.map((r) => r[0])).toEqual([T0, T0 + MIN, T0 + 2 * MIN, T0 + 3 * MIN, T0 + 4 * MIN]);
    for (const c of btcCloses) {
      const row = btcRows.find((r) => r[0] === c.k.t)!;
      expect([row[1], row[2], row[3], row[4], row[5], row[7], row[8], row[9], row[10]]).toEqual([c.k.o, c.k.h, c.k.l, c.k.c, c.k.v, c.k.q, c.k.n, c.k.V, c.k.Q]);
    }
  });
});

const FIL = sharedData("klines/binance-vision-um/FILUSDT-1m-2023-09.csv");
describe.skipIf(!existsSync(FIL))("replay of a real Binance archive", () => {
  test("FILUSDT 2023-09: REST rows equal the file rows, the 19 zero-trade minutes included", async () => {
    const start = Date.UTC(2023, 8, 12, 9, 0);
    const sim = await startSimulator({ replay: { files: [FIL] }, historyMinutes: (start - Date.UTC(2023, 8, 1)) / MIN });
    try {
      expect(Math.abs(sim.nowMs() - start)).toBeLessThan(1000);
      const lines = (await Bun.file(FIL).text()).trim().split("\n").slice(1).map((l) => l.split(","));
      const byTime = new Map(lines.map((r) => [Number(r[0]), r]));
      const from = Date.UTC(2023, 8, 12, 8, 30);
      const rows = (await (await fetch(`${sim.restUrl}/fapi/v1/klines?symbol=FILUSDT&interval=1m&startTime=${from}&limit=30`)).json()) as unknown[][];
      expect(rows.length).toBe(30);
      for (const row of rows) {
        const want = byTime.get(row[0] as number)!;
        // the archive writes "42843.0" and "4503" in one month: compare values, not spelling
        expect(row.slice(0, 11).map(Number)).toEqual(want.slice(0, 11).map(Number));
      }
      const flat = rows.filter((r) => r[8] === 0);
      expect(flat.length).toBe(19);
      for (const r of flat) expect(new Set(r.slice(1, 5)).size).toBe(1);
      const first = (await (await fetch(`${sim.restUrl}/fapi/v1/klines?symbol=FILUSDT&interval=1m&startTime=0&limit=3`)).json()) as unknown[][];
      expect(first.map((r) => r.slice(0, 11).map(Number))).toEqual(lines.slice(0, 3).map((r) => r.slice(0, 11).map(Number)));
      const last = (await (await fetch(`${sim.restUrl}/fapi/v1/klines?symbol=FILUSDT&interval=1m&limit=2`)).json()) as unknown[][];
      expect(last.map((r) => r[0])).toEqual([start - MIN, start]); // the forming minute is last
    } finally {
      await sim.stop();
    }
  });
});
