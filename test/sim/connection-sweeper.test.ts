import { expect, test } from "bun:test";
import type { ServerWebSocket } from "bun";
import { generateUniverse } from "../../src/sim/exchange/generated-universe";
import { Prng } from "../../src/sim/prng";
import { DEFAULT_FAULTS, type SimStats } from "../../src/sim/sim-options";
import { ConnectionSweeper } from "../../src/sim/ws/connection-sweeper";
import { type ConnState, newConnState } from "../../src/sim/ws/conn-state";
import { StreamCatalog } from "../../src/sim/ws/stream-catalog";
import { Subscriptions } from "../../src/sim/ws/subscriptions";

interface Fake {
  ws: ServerWebSocket<ConnState>;
  pings: string[];
  closes: [number, string][];
  terminated: boolean;
  topics: Set<string>;
}

function fake(openedAt: number): Fake {
  const f: Fake = { pings: [], closes: [], terminated: false, topics: new Set(), ws: undefined as never };
  f.ws = {
    data: newConnState("market", true, openedAt),
    ping: (p: string) => (f.pings.push(p), 1),
    close: (code: number, reason: string) => void f.closes.push([code, reason]),
    terminate: () => void (f.terminated = true),
    subscribe: (t: string) => (f.topics.add(t), true),
    unsubscribe: (t: string) => f.topics.delete(t),
  } as unknown as ServerWebSocket<ConnState>;
  return f;
}

function harness(faults = { ...DEFAULT_FAULTS }) {
  let now = 1_000_000;
  const stats: SimStats = { connections: 0, framesSent: 0, drops: 0, stalls: 0, corrupted: 0, restRequests: 0, rateLimited: 0 };
  const subs = new Subscriptions(new StreamCatalog(generateUniverse(3, new Prng(1))));
  const sweeper = new ConnectionSweeper({ pingIntervalMs: 180_000, pongTimeoutMs: 600_000, maxAgeMs: 86_400_000 }, faults, stats, subs, () => now, () => 42_000);
  const add = () => {
    const f = fake(now);
    sweeper.conns.add(f.ws);
    subs.add(f.ws, ["btcusdt@kline_1m", "ethusdt@aggTrade"]);
    return f;
  };
  const advance = (ms: number, step = 250) => {
    for (let t = 0; t < ms; t += step) {
      now += step;
      sweeper.sweep();
    }
  };
  return { sweeper, stats, subs, faults, add, advance };
}

test("ping every 3 min with the server time; a pong echoing it clears it; none within 10 min closes", () => {
  const h = harness();
  const a = h.add();
  const b = h.add();
  h.advance(180_000);
  expect(a.pings).toEqual(["42000"]);
  h.sweeper.pong(a.ws, "wrong payload");
  h.sweeper.pong(a.ws, "42000");
  h.advance(180_000);
  expect(a.pings.length).toBe(2);
  h.sweeper.pong(a.ws, "42000");
  h.advance(420_000);
  expect(b.pings).toEqual(["42000"]); // b never answered: no second ping, and a close at the deadline
  expect(b.closes).toEqual([[1008, "Pong timeout"]]);
  expect(a.closes).toEqual([]);
});

test("connections are closed at 24 h of age", () => {
  const h = harness();
  const a = h.add();
  for (let k = 0; k < 24 * 20; k++) {
    h.advance(180_000, 1000);
    h.sweeper.pong(a.ws, "42000");
  }
  expect(a.closes).toEqual([[1000, "Connection lifetime of 24 hours reached"]]);
});

test("drop terminates every market connection every T; stall silences the oldest ones once per arming", () => {
  const h = harness();
  const a = h.add();
  h.advance(1000);
  const b = h.add();
  const c = h.add();
  h.faults.stallAfterMs = 500;
  h.faults.stallConnections = 2;
  h.advance(250);
  expect(h.stats.stalls).toBe(0);
  h.advance(500);
  expect([a.ws.data.stalled, b.ws.data.stalled, c.ws.data.stalled]).toEqual([true, true, false]);
  expect(a.topics.size).toBe(0);
  expect(c.topics.size).toBe(2);
  expect(h.subs.receivers(0)).toBe(1); // only c still receives btcusdt@kline_1m
  h.advance(5000);
  expect(h.stats.stalls).toBe(2); // one-shot
  h.faults.dropEveryMs = 1000;
  h.advance(750);
  expect(a.terminated).toBe(false);
  h.advance(500);
  expect([a.terminated, b.terminated, c.terminated]).toEqual([true, true, true]);
  expect(h.stats.drops).toBe(3);
});
