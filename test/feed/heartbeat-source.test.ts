/** HeartbeatSource through a ring with room and through one that stays full: every sequence arrives or is explained by a GAP. */
import { describe, expect, test } from "bun:test";
import { HeartbeatMonitor } from "../../src/brain/heartbeat-monitor";
import { systemClock } from "../../src/core/clock";
import { HeartbeatSource } from "../../src/feed/heartbeat-source";
import { F, GAP, Kind } from "../../src/ring/layout";
import { createRing } from "../../src/ring/ring-buffer";
import { RingReader } from "../../src/ring/ring-reader";
import { RingWriter } from "../../src/ring/ring-writer";

function drain(r: RingReader, m: HeartbeatMonitor): void {
  const n = r.available();
  for (let k = 0; k < n; k++) {
    const o = r.slot(k);
    const kind = r.f64[o + F.kind];
    if (kind === Kind.Heartbeat) m.onHeartbeat(r.f64, o, systemClock.nowUs());
    else if (kind === Kind.Gap) m.onGap(r.f64[o + GAP.lostRecords]!);
    else throw new Error(`unexpected kind ${kind}`);
  }
  r.release(n);
}

/** Runs the source for `ms`, reading every `readEveryMs` (0: only at the end), and returns what the reader saw. */
async function run(capacity: number, overflowCapacity: number, rateHz: number, ms: number, readEveryMs: number) {
  const sab = createRing(capacity);
  const w = new RingWriter(sab, { maxSymbols: 0, overflowCapacity });
  const r = new RingReader(sab);
  const m = new HeartbeatMonitor();
  const source = new HeartbeatSource(w, rateHz, systemClock);
  const reader = readEveryMs > 0 ? setInterval(() => drain(r, m), readEveryMs) : null;
  source.start();
  await Bun.sleep(ms);
  source.stop();
  if (reader) clearInterval(reader);
  for (let guard = 0; guard < 10_000 && (w.flush() > 0 || r.available() > 0); guard++) drain(r, m);
  return { source, w, m };
}

describe("HeartbeatSource", () => {
  test("with room in the ring every heartbeat arrives once, in order, untorn", async () => {
    const { source, w, m } = await run(1 << 14, 1024, 200_000, 150, 1);
    expect(source.sent).toBeGreaterThan(5_000);
    expect(m.heartbeats).toBe(source.sent);
    expect(m.missing + m.duplicates + m.torn).toBe(0);
    expect(w.stats.committed).toBe(source.sent);
    expect(w.stats.published).toBe(source.sent);
  });

  test("a ring that stays full loses records only into GAPs: every missing sequence is explained", async () => {
    const { source, w, m } = await run(64, 32, 200_000, 60, 0);
    expect(w.stats.overflowed).toBeGreaterThan(0);
    expect(w.stats.lostRecords).toBeGreaterThan(0);
    expect(m.duplicates + m.torn).toBe(0);
    expect(m.heartbeats + w.stats.lostRecords).toBe(source.sent);
    expect(m.lostInGaps).toBe(w.stats.lostRecords);
    expect(m.unexplained).toBe(0);
  });
});
