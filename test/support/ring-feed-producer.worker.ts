/** Feed-shaped producer: per minute, kline updates and trades for every symbol, then the closes; it never waits. */
import { HEARTBEAT, Kind, F } from "../../src/ring/layout";
import { RingWriter } from "../../src/ring/ring-writer";
import type { RingWriterStats } from "../../src/ring/writer-stats";
import { klineEventMs, writeKline, writeTrade } from "./ring-records";
import { serveOnce } from "./ring-worker-harness";

export interface FeedProducerInit {
  sab: SharedArrayBuffer;
  symbols: number;
  minutes: number;
  /** In-progress updates per symbol per minute; the close carries u = updates. */
  updates: number;
  /** One trade per symbol every `tradeEvery` updates. */
  tradeEvery: number;
  overflowCapacity: number;
  /** Pause after each minute, calling flush() as an idle timer would. */
  pauseMs: number;
}

export interface FeedProducerResult {
  stats: RingWriterStats;
  closes: number;
  trades: number;
}

const pauseCell = new Int32Array(new SharedArrayBuffer(4));

function produce(init: FeedProducerInit): FeedProducerResult {
  const { sab, symbols, minutes, updates, tradeEvery, overflowCapacity, pauseMs } = init;
  const w = new RingWriter(sab, { maxSymbols: symbols, overflowCapacity });
  const tradeId = new Float64Array(symbols);
  let closes = 0;
  let trades = 0;
  for (let m = 0; m < minutes; m++) {
    for (let u = 0; u < updates; u++) {
      for (let s = 0; s < symbols; s++) {
        let at = w.claim();
        writeKline(w.buf, at, s, m, u, false);
        w.commit();
        if (u % tradeEvery === 0) {
          at = w.claim();
          writeTrade(w.buf, at, s, ++tradeId[s]!, klineEventMs(m, u, false));
          w.commit();
          trades++;
        }
      }
      w.publish(); // one "WebSocket message" worth of records
    }
    for (let s = 0; s < symbols; s++) {
      const at = w.claim();
      writeKline(w.buf, at, s, m, updates, true);
      w.commit();
      closes++;
    }
    w.publish();
    const until = performance.now() + pauseMs;
    while (performance.now() < until) {
      w.flush();
      Atomics.wait(pauseCell, 0, 0, 0.05);
    }
  }
  // Drain first so the end marker cannot be lost to a full queue (the consumer would wait for it forever).
  while (w.flush() > 0) Atomics.wait(pauseCell, 0, 0, 0.1);
  const at = w.claim();
  w.buf[at + F.kind] = Kind.Heartbeat;
  w.buf[at + F.symbolId] = -1;
  w.buf[at + HEARTBEAT.seq] = -1; // end marker
  w.commit();
  while (w.flush() > 0) Atomics.wait(pauseCell, 0, 0, 0.1);
  return { stats: { ...w.stats }, closes, trades };
}

serveOnce(produce);
