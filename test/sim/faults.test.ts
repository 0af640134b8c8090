import { describe, expect, test } from "bun:test";
import { startSimulator } from "../../src/sim/simulator";
import { control, klines, tap, until } from "./sim-test-kit";

const busy = "btcusdt@kline_1m/ethusdt@kline_1m/!markPrice@arr@1s";

describe("fault knobs", () => {
  test("drop: every market connection is terminated every T ms", async () => {
    const sim = await startSimulator({ symbols: 4, speed: 60, historyMinutes: 2, faults: { dropEveryMs: 300 } });
    try {
      const t = await tap(`${sim.wsUrl}/market/stream?streams=${busy}`);
      const legacy = await tap(`${sim.wsUrl}/ws/btcusdt@kline_1m`);
      await until(() => t.closed !== null, 2000, "the drop");
      expect(t.closed!.code).toBe(1006);
      expect(sim.stats().drops).toBe(1);
      expect(legacy.closed).toBeNull(); // only /market connections
      sim.faults.dropEveryMs = 0;
      const again = await tap(`${sim.wsUrl}/market/stream?streams=${busy}`);
      await Bun.sleep(500);
      expect(again.closed).toBeNull();
      expect(again.frames.length).toBeGreaterThan(0);
      again.ws.close();
      legacy.ws.close();
    } finally {
      await sim.stop();
    }
  });

  test("stall: the oldest connection goes silent but stays open and still answers", async () => {
    const sim = await startSimulator({ symbols: 4, speed: 60, historyMinutes: 2, faults: { stallAfterMs: 300 } });
    try {
      const old = await tap(`${sim.wsUrl}/market/stream?streams=${busy}`);
      await Bun.sleep(20);
      const young = await tap(`${sim.wsUrl}/market/stream?streams=${busy}`);
      await until(() => sim.stats().stalls === 1, 2000, "the stall");
      await Bun.sleep(50);
      const [o, y] = [old.frames.length, young.frames.length];
      await Bun.sleep(600);
      expect(old.frames.length).toBe(o);
      expect(young.frames.length).toBeGreaterThan(y + 5);
      expect(old.closed).toBeNull();
      expect(await control(old, { method: "LIST_SUBSCRIPTIONS", id: 1 })).toEqual({ result: busy.split("/"), id: 1 });
      expect(await control(old, { method: "SUBSCRIBE", params: ["solusdt@kline_1m"], id: 2 })).toEqual({ result: null, id: 2 });
      const n = old.frames.length;
      await Bun.sleep(300);
      expect(old.frames.length).toBe(n);
      // a fresh connection (as after the feed's watchdog reconnects) gets data again
      const fresh = await tap(`${sim.wsUrl}/market/stream?streams=${busy}`);
      await until(() => fresh.frames.length > 3, 2000, "data on a new connection");
      for (const t of [old, young, fresh]) t.ws.close();
    } finally {
      await sim.stop();
    }
  });

  test("corrupt: the given fraction of data frames no longer parses or carries a garbled field", async () => {
    const sim = await startSimulator({ symbols: 6, speed: 120, historyMinutes: 2, faults: { corruptFraction: 0.3 } });
    try {
      const t = await tap(`${sim.wsUrl}/market/ws/btcusdt@kline_1m/ethusdt@kline_1m/solusdt@kline_1m/btcusdt@aggTrade`);
      await until(() => t.frames.length >= 400, 5000, "400 frames");
      t.ws.close();
      const bad = t.frames.filter((f) => {
        try {
          const v = JSON.parse(f);
          return f.includes("#?") || typeof v !== "object";
        } catch {
          return true;
        }
      });
      const share = bad.length / t.frames.length;
      expect(share).toBeGreaterThan(0.2);
      expect(share).toBeLessThan(0.4);
      expect(sim.stats().corrupted).toBeGreaterThan(0);
    } finally {
      await sim.stop();
    }
  });

  test("delay: every data frame is held delayMs; control replies are not", async () => {
    const now = Date.now();
    const sim = await startSimulator({ symbols: 3, speed: 1, startTimeMs: now, historyMinutes: 2, faults: { delayMs: 400 } });
    try {
      const t = await tap(`${sim.wsUrl}/market/ws/btcusdt@kline_1m/!markPrice@arr@1s`);
      const stamps: { at: number; frame: string }[] = [];
      t.ws.onmessage = (e) => stamps.push({ at: sim.nowMs(), frame: String(e.data) });
      const asked = performance.now();
      t.ws.send(JSON.stringify({ method: "LIST_SUBSCRIPTIONS", id: 1 }));
      await until(() => stamps.some((s) => s.frame.includes('"result"')), 1000, "reply");
      expect(performance.now() - asked).toBeLessThan(200);
      await until(() => stamps.filter((s) => s.frame.startsWith("[")).length >= 3, 6000, "3 mark price arrays");
      t.ws.close();
      const lags = stamps.filter((s) => s.frame.startsWith("[")).map((s) => s.at - (JSON.parse(s.frame)[0].E as number));
      for (const lag of lags) {
        expect(lag).toBeGreaterThanOrEqual(390);
        expect(lag).toBeLessThan(700);
      }
      const kl = klines(stamps.filter((s) => s.frame.includes('"kline"')).map((s) => s.frame));
      expect(kl.length).toBeGreaterThan(0);
    } finally {
      await sim.stop();
    }
  }, 10_000);
});
