import { describe, expect, test } from "bun:test";
import { startSimulator } from "../../src/sim/simulator";
import { tap, until } from "./sim-test-kit";

describe("firehose (benchmark mode)", () => {
  test("unpaced: pre-built non-closed kline frames for the subscribed streams only, E with a µs fraction", async () => {
    const sim = await startSimulator({ symbols: 20, historyMinutes: 2, firehose: { ratePerSec: 0, poolSize: 512 } });
    try {
      const t = await tap(`${sim.wsUrl}/market/stream?streams=btcusdt@kline_1m/ethusdt@kline_1m/!markPrice@arr@1s`);
      await until(() => t.frames.length >= 20_000, 10_000, "20k frames");
      t.ws.close();
      const recv = performance.timeOrigin + performance.now();
      const sample = t.frames.slice(0, 20_000).map((f) => JSON.parse(f));
      const kl = sample.filter((f) => f.stream !== "!markPrice@arr@1s");
      expect(new Set(kl.map((f) => f.stream))).toEqual(new Set(["btcusdt@kline_1m", "ethusdt@kline_1m"]));
      expect(kl.every((f) => f.data.e === "kline" && f.data.k.x === false)).toBe(true);
      expect(new Set(kl.map((f) => f.data.k.c)).size).toBeGreaterThan(10); // varied prices
      const raw = t.frames.find((f) => f.includes('"kline"'))!;
      expect(raw).toMatch(/"E":\d{13}\.\d{3},/);
      for (const f of kl.slice(-100)) {
        expect(f.data.E).toBeLessThanOrEqual(recv);
        expect(recv - f.data.E).toBeLessThan(10_000);
      }
    } finally {
      await sim.stop();
    }
  }, 15_000);

  test("paced: about ratePerSec frames per second over all connections; REST keeps working", async () => {
    const sim = await startSimulator({ symbols: 10, historyMinutes: 5, firehose: { ratePerSec: 2000 } });
    try {
      const a = await tap(`${sim.wsUrl}/market/ws/btcusdt@kline_1m`);
      const b = await tap(`${sim.wsUrl}/market/ws/ethusdt@kline_1m/solusdt@kline_1m`);
      await Bun.sleep(300);
      const n0 = a.frames.length + b.frames.length;
      const t0 = performance.now();
      await Bun.sleep(1000);
      const rate = (a.frames.length + b.frames.length - n0) / ((performance.now() - t0) / 1000);
      expect(rate).toBeGreaterThan(1500);
      expect(rate).toBeLessThan(2500);
      expect(a.frames.length).toBeGreaterThan(0);
      expect(b.frames.length).toBeGreaterThan(0);
      const rows = (await (await fetch(`${sim.restUrl}/fapi/v1/klines?symbol=BTCUSDT&interval=1m&limit=5`)).json()) as unknown[];
      expect(rows.length).toBe(5);
      a.ws.close();
      b.ws.close();
    } finally {
      await sim.stop();
    }
  });
});
