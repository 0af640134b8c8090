// The feed against the simulator on 127.0.0.1, through the same ccxt and WebSocket code that talks to Binance;
// the brain's continuity monitor (not the feed's own bookkeeping) judges the result.
import { afterEach, describe, expect, test } from "bun:test";
import { createConsola } from "consola";
import { BrainPipeline } from "../../src/brain/pipeline";
import { systemClock, nowUs } from "../../src/core/clock";
import { configSchema } from "../../src/config/schema";
import { ExchangeFeed } from "../../src/feed/exchange-feed";
import { loadUniverse } from "../../src/feed/universe";
import { F, Kind } from "../../src/ring/layout";
import { createRing } from "../../src/ring/ring-buffer";
import { RingReader } from "../../src/ring/ring-reader";
import { RingWriter } from "../../src/ring/ring-writer";
import { startSimulator, type SimHandle, type SimOptions } from "../../src/sim/simulator";

const quiet = createConsola({ level: -999 });
let sim: SimHandle | null = null;
afterEach(async () => {
  await sim?.stop();
  sim = null;
});

interface RingOptions {
  capacity?: number;
  overflowCapacity?: number;
  /** The reader stops reading in [from, to) ms after start, as a stalled brain would. */
  stallFromMs?: number;
  stallToMs?: number;
}

async function runFeed(simOpts: SimOptions, runMs: number, feedCfg: Record<string, number> = {}, ringOpts: RingOptions = {}) {
  sim = await startSimulator({ port: 0, seed: 7, ...simOpts });
  const config = configSchema.parse({
    exchange: { restUrl: sim.restUrl, wsUrl: sim.wsUrl },
    feed: { watchdogMs: 1000, closeGraceMs: 3000, ...feedCfg },
  });
  const universe = await loadUniverse(sim.restUrl);
  const ring = createRing(ringOpts.capacity ?? 1 << 14);
  const writer = new RingWriter(ring, { maxSymbols: 4096, overflowCapacity: ringOpts.overflowCapacity ?? 1 << 14 });
  const reader = new RingReader(ring);
  const brain = new BrainPipeline();
  const startedMs = performance.now();
  const stalled = () => {
    const t = performance.now() - startedMs;
    return t >= (ringOpts.stallFromMs ?? Infinity) && t < (ringOpts.stallToMs ?? 0);
  };
  let gaps = 0;
  const drain = () => {
    for (let n = reader.available(); n > 0; n = reader.available()) {
      for (let k = 0; k < n; k++) {
        const o = reader.slot(k);
        if (reader.f64[o + F.kind] === Kind.Gap) gaps++;
        brain.onRecord(reader.f64, o, reader.f64[o + F.kind]!, nowUs());
      }
      reader.release(n);
    }
  };
  const feed = new ExchangeFeed(universe, config, writer, systemClock, quiet);
  const poll = setInterval(() => stalled() || drain(), 5);
  await feed.start();
  await Bun.sleep(runMs);
  const { settledThroughMs } = await feed.stop(5000);
  writer.flush();
  clearInterval(poll);
  drain();
  const c = brain.continuity;
  return { stats: feed.stats(), c, missing: c.missingThrough(settledThroughMs), settledThroughMs, universe, gaps, writer: writer.stats };
}

describe("ExchangeFeed against the simulator", () => {
  test("every symbol gets every closed minute once; quiet minutes without a final frame come from REST", async () => {
    const r = await runFeed({ symbols: 20, speed: 120, faults: { emptyMinuteProbability: 0.05 } }, 4000);
    expect(r.universe.symbols.length).toBe(20);
    expect(r.c.closedCandles).toBeGreaterThanOrEqual(20 * 6);
    expect(r.missing).toBe(0);
    expect(r.c.duplicates).toBe(0);
    expect(r.stats.parseErrors).toBe(0);
    expect(r.stats.backfilledCandles).toBeGreaterThan(0); // 5% of minutes have no trade and no final frame
  }, 20_000);

  test("closes the full ring loses (brain stalled, overflow queue full) are fetched again from REST", async () => {
    // At speed 600 a minute lasts 100 ms: a 1.5 s stall overflows a 256-slot ring and a 64-record queue.
    const r = await runFeed({ symbols: 20, speed: 600 }, 3500, {}, { capacity: 256, overflowCapacity: 64, stallFromMs: 1000, stallToMs: 2500 });
    expect(r.writer.lostRecords).toBeGreaterThan(0);
    expect(r.gaps).toBeGreaterThan(0);
    expect(r.stats.relostCloses).toBeGreaterThan(0);
    expect(r.missing).toBe(0);
    expect(r.c.duplicates).toBe(0);
  }, 20_000);

  test("dropped connections reconnect, and closes lost in the outage are backfilled", async () => {
    // At speed 600 a minute lasts 100 ms, so every outage spans minute boundaries.
    const r = await runFeed({ symbols: 20, speed: 600, faults: { dropEveryMs: 700 } }, 3000);
    expect(r.stats.reconnects).toBeGreaterThan(0);
    expect(r.stats.backfilledCandles).toBeGreaterThan(0);
    expect(r.missing).toBe(0);
    expect(r.c.duplicates).toBe(0);
  }, 20_000);

  test("a silently stalled connection is detected by the watchdog, replaced, and its gap backfilled", async () => {
    const r = await runFeed({ symbols: 20, speed: 120, faults: { stallAfterMs: 800 } }, 4000);
    expect(r.stats.watchdogKills).toBeGreaterThan(0);
    expect(r.stats.reconnects).toBeGreaterThan(0);
    expect(r.stats.backfilledCandles).toBeGreaterThan(0);
    expect(r.missing).toBe(0);
  }, 20_000);

  test("connections rotated before the exchange's 24 h cut overlap, so nothing is lost", async () => {
    const r = await runFeed({ symbols: 20, speed: 120 }, 3500, { rotateAfterMs: 1000 });
    expect(r.stats.rotations).toBeGreaterThan(0);
    expect(r.stats.reconnects).toBe(0);
    expect(r.missing).toBe(0);
    expect(r.c.duplicates).toBe(0);
  }, 20_000);

  test("corrupted frames are counted and skipped; a corrupted final frame is backfilled", async () => {
    const r = await runFeed({ symbols: 20, speed: 120, faults: { corruptFraction: 0.05 } }, 4000);
    expect(r.stats.parseErrors).toBeGreaterThan(0);
    expect(r.missing).toBe(0);
    expect(r.c.duplicates).toBe(0);
  }, 20_000);
});
