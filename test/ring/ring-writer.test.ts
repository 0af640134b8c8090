/** RingWriter when the ring is full (conflation, closed klines superseding, overflow FIFO, GAP, counters) and claimRun. */
import { describe, expect, test } from "bun:test";
import { AGG_TRADE, BOOK_TICKER, F, GAP, HEARTBEAT, KLINE, Kind, SLOT_F64 } from "../../src/ring/layout";
import { createRing } from "../../src/ring/ring-buffer";
import { RingReader } from "../../src/ring/ring-reader";
import { RingWriter } from "../../src/ring/ring-writer";
import { klineEventMs, openTimeOf, writeHeartbeat, writeKline, writeTrade } from "../support/ring-records";

function setup(capacity: number, overflowCapacity: number, maxSymbols = 16) {
  const sab = createRing(capacity);
  return { w: new RingWriter(sab, { maxSymbols, overflowCapacity }), r: new RingReader(sab) };
}

/** Fills every free ring slot with heartbeats so that the next claim is diverted. */
function fillRing(w: RingWriter): void {
  for (let i = 0; w.freeSlots() > 0; i++) {
    const at = w.claim();
    writeHeartbeat(w.buf, at, i);
    w.commit();
  }
  w.publish();
}

function put(w: RingWriter, write: (buf: Float64Array, at: number) => void): void {
  const at = w.claim();
  write(w.buf, at);
  w.commit();
}

/** Releases and flushes until writer and ring are empty; returns copies of every slot read, in order. */
function drainAll(w: RingWriter, r: RingReader, perRound = 1_000_000): Float64Array[] {
  const out: Float64Array[] = [];
  for (let guard = 0; guard < 100_000; guard++) {
    w.flush();
    const n = Math.min(r.available(), perRound);
    if (n === 0 && w.stats.backlog === 0) return out;
    for (let k = 0; k < n; k++) out.push(r.f64.slice(r.slot(k), r.slot(k) + SLOT_F64));
    r.release(n);
  }
  throw new Error("drainAll did not converge");
}

const notHeartbeat = (s: Float64Array): boolean => s[F.kind] !== Kind.Heartbeat;

describe("RingWriter on a full ring", () => {
  test("in-progress klines for one symbol conflate to the latest one", () => {
    const { w, r } = setup(4, 8);
    fillRing(w);
    for (let u = 0; u < 100; u++) put(w, (b, at) => writeKline(b, at, 3, 0, u, false));
    expect(w.stats.conflated).toBe(99);
    expect(w.stats.backlog).toBe(1);
    expect(w.stats.overflowed).toBe(0);
    const got = drainAll(w, r).filter(notHeartbeat);
    expect(got.length).toBe(1);
    const k = got[0]!;
    expect(k[F.kind]).toBe(Kind.Kline);
    expect(k[F.symbolId]).toBe(3);
    expect(k[KLINE.trades]).toBe(99);
    expect(k[F.eventTimeMs]).toBe(klineEventMs(0, 99, false));
  });

  test("conflation is per (kind, symbol) and delivers in first-pending order", () => {
    const { w, r } = setup(2, 8);
    fillRing(w);
    for (let u = 0; u < 5; u++) {
      put(w, (b, at) => writeKline(b, at, 7, 0, u, false));
      put(w, (b, at) => writeKline(b, at, 2, 0, u, false));
      put(w, (b, at) => {
        b[at + F.kind] = Kind.BookTicker;
        b[at + F.symbolId] = 7;
        b[at + BOOK_TICKER.bidPrice] = u;
      });
    }
    expect(w.stats.conflated).toBe(12);
    const got = drainAll(w, r).filter(notHeartbeat);
    expect(got.map((s) => [s[F.kind], s[F.symbolId]])).toEqual([
      [Kind.Kline, 7],
      [Kind.Kline, 2],
      [Kind.BookTicker, 7],
    ]);
    expect(got[2]![BOOK_TICKER.bidPrice]).toBe(4);
  });

  test("a closed kline supersedes that symbol's pending in-progress kline, not a newer minute's", () => {
    const { w, r } = setup(4, 8);
    fillRing(w);
    put(w, (b, at) => writeKline(b, at, 1, 5, 10, false));
    put(w, (b, at) => writeKline(b, at, 2, 6, 3, false)); // symbol 2 already in minute 6
    put(w, (b, at) => writeKline(b, at, 1, 5, 59, true));
    put(w, (b, at) => writeKline(b, at, 2, 5, 59, true)); // late close of minute 5
    expect(w.stats.superseded).toBe(1);
    const got = drainAll(w, r).filter(notHeartbeat);
    expect(got.map((s) => [s[F.kind], s[F.symbolId], s[KLINE.openTimeMs]])).toEqual([
      [Kind.KlineClosed, 1, openTimeOf(5)],
      [Kind.KlineClosed, 2, openTimeOf(5)],
      [Kind.Kline, 2, openTimeOf(6)],
    ]);
  });

  test("overflow queue keeps FIFO order, and claims made while a backlog exists queue behind it", () => {
    const { w, r } = setup(4, 32);
    fillRing(w);
    for (let id = 1; id <= 10; id++) put(w, (b, at) => writeTrade(b, at, 1, id, 1_000 + id));
    expect(w.stats.overflowed).toBe(10);
    r.release(2); // two slots free, but ten records wait
    put(w, (b, at) => writeTrade(b, at, 1, 11, 1_011));
    expect(w.stats.overflowed).toBe(11);
    expect(w.stats.backlog).toBe(9);
    w.publish();
    const got = drainAll(w, r, 3).filter(notHeartbeat);
    expect(got.map((s) => s[AGG_TRADE.tradeId])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(w.stats.maxBacklog).toBe(10);
  });

  test("overflow of the overflow queue: one GAP after the queued records, before the conflated ones", () => {
    const { w, r } = setup(4, 3);
    const lost: number[] = [];
    w.onLost = (src, at) => lost.push(src[at + KLINE.openTimeMs]!);
    fillRing(w);
    put(w, (b, at) => writeKline(b, at, 6, 9, 1, false)); // conflated, delivered last
    for (let m = 0; m < 10; m++) put(w, (b, at) => writeKline(b, at, 5, m, 59, true));
    expect(w.stats.overflowed).toBe(3);
    expect(w.stats.lostRecords).toBe(7);
    expect(lost).toEqual([3, 4, 5, 6, 7, 8, 9].map(openTimeOf)); // each lost record, told while it is still readable
    expect(w.stats.backlog).toBe(3 + 1 + 1);
    const got = drainAll(w, r).filter(notHeartbeat);
    expect(got.map((s) => s[F.kind])).toEqual([Kind.KlineClosed, Kind.KlineClosed, Kind.KlineClosed, Kind.Gap, Kind.Kline]);
    expect(got.slice(0, 3).map((s) => s[KLINE.openTimeMs])).toEqual([0, 1, 2].map(openTimeOf));
    const gap = got[3]!;
    expect(gap[F.symbolId]).toBe(5);
    expect(gap[GAP.fromMs]).toBe(openTimeOf(3)); // a lost candle is covered from its open time
    expect(gap[GAP.toMs]).toBe(klineEventMs(9, 59, true));
    expect(gap[GAP.lostRecords]).toBe(7);
    expect(w.stats.gaps).toBe(1);
  });

  test("a GAP over several symbols has symbolId -1, and a later loss starts a new GAP", () => {
    const { w, r } = setup(2, 1);
    fillRing(w);
    put(w, (b, at) => writeTrade(b, at, 1, 1, 5_000));
    put(w, (b, at) => writeTrade(b, at, 1, 2, 4_000));
    put(w, (b, at) => writeTrade(b, at, 2, 1, 6_000));
    const first = drainAll(w, r).filter(notHeartbeat);
    expect(first.map((s) => s[F.kind])).toEqual([Kind.AggTrade, Kind.Gap]);
    expect([first[1]![F.symbolId], first[1]![GAP.fromMs], first[1]![GAP.toMs], first[1]![GAP.lostRecords]]).toEqual([-1, 4_000, 6_000, 2]);
    fillRing(w);
    put(w, (b, at) => writeTrade(b, at, 3, 1, 7_000));
    put(w, (b, at) => writeTrade(b, at, 3, 2, 8_000));
    const second = drainAll(w, r).filter(notHeartbeat);
    expect(second.map((s) => [s[F.kind], s[F.symbolId]])).toEqual([
      [Kind.AggTrade, 3],
      [Kind.Gap, 3],
    ]);
    expect(w.stats.gaps).toBe(2);
    expect(w.stats.lostRecords).toBe(3);
  });

  test("symbols outside maxSymbols and control records use the queue", () => {
    const { w, r } = setup(2, 8, 4);
    fillRing(w);
    put(w, (b, at) => writeKline(b, at, 4, 0, 1, false));
    put(w, (b, at) => writeKline(b, at, 4, 0, 2, false));
    put(w, (b, at) => writeHeartbeat(b, at, 77));
    expect(w.stats.overflowed).toBe(3);
    expect(w.stats.conflated).toBe(0);
    const got = drainAll(w, r).slice(-3);
    expect(got.map((s) => s[F.kind])).toEqual([Kind.Kline, Kind.Kline, Kind.Heartbeat]);
    expect(got[2]![HEARTBEAT.seq]).toBe(77);
  });

  test("counters account for every committed record", () => {
    const { w, r } = setup(8, 16, 8);
    let seed = 12345;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const minute = new Int32Array(8);
    let trade = 0;
    let reads = 0;
    for (let i = 0; i < 20_000; i++) {
      const sym = rand(8);
      const roll = rand(10);
      if (roll < 6) put(w, (b, at) => writeKline(b, at, sym, minute[sym]!, i % 60, false));
      else if (roll < 7) put(w, (b, at) => writeKline(b, at, sym, minute[sym]!++, 59, true));
      else put(w, (b, at) => writeTrade(b, at, sym, ++trade, i));
      if (rand(4) === 0) w.publish();
      if (rand(5) === 0) {
        const n = Math.min(r.available(), rand(6));
        reads += n;
        r.release(n);
      }
    }
    reads += drainAll(w, r).length;
    const s = w.stats;
    expect(s.committed).toBe(20_000);
    expect(s.backlog).toBe(0);
    expect(reads).toBe(s.published);
    expect(s.published - s.gaps + s.conflated + s.superseded + s.lostRecords).toBe(s.committed);
    expect(s.conflated).toBeGreaterThan(0);
    expect(s.superseded).toBeGreaterThan(0);
    expect(s.lostRecords).toBeGreaterThan(0);
    expect(s.gaps).toBeGreaterThan(0);
  });
});

describe("RingWriter.claimRun", () => {
  const writeRun = (w: RingWriter, granted: number, first: number): void => {
    for (let k = 0; k < granted; k++) writeHeartbeat(w.buf, w.runAt + k * SLOT_F64, first + k);
    w.commitRun(granted);
  };
  const seqs = (slots: Float64Array[]): number[] => slots.map((s) => s[HEARTBEAT.seq]!);

  test("grants consecutive slots up to the ring's end, then the rest from the start", () => {
    const { w, r } = setup(8, 4);
    writeRun(w, w.claimRun(5), 0);
    w.publish();
    r.release(5);
    // Cursor at 5 of 8: a run of 6 stops at the ring's end (3), the next one starts at slot 0.
    const a = w.claimRun(6);
    expect(a).toBe(3);
    expect(w.runAt).toBe(5 * SLOT_F64);
    writeRun(w, a, 5);
    const b = w.claimRun(3);
    expect(b).toBe(3);
    expect(w.runAt).toBe(0);
    writeRun(w, b, 8);
    w.publish();
    expect(seqs(drainAll(w, r))).toEqual([5, 6, 7, 8, 9, 10]);
    expect(w.stats.committed).toBe(11);
    expect(w.stats.published).toBe(11);
  });

  test("commitRun(n) below the grant leaves the other slots free for the next claim", () => {
    const { w, r } = setup(8, 4);
    expect(w.claimRun(4)).toBe(4);
    writeHeartbeat(w.buf, w.runAt, 0);
    writeHeartbeat(w.buf, w.runAt + SLOT_F64, 1);
    w.commitRun(2);
    put(w, (b, at) => writeHeartbeat(b, at, 2));
    w.publish();
    expect(seqs(drainAll(w, r))).toEqual([0, 1, 2]);
    const s = w.stats;
    expect(s.committed).toBe(3);
    expect(s.published).toBe(3);
    // The reader freed all three, so the whole ring is room again; the next run starts at slot 3 and stops at the end.
    expect(w.freeSlots(8)).toBe(8);
    expect(w.claimRun(8)).toBe(5);
    expect(w.runAt).toBe(3 * SLOT_F64);
  });

  test("a full ring or a waiting backlog grants nothing; claim() keeps the order", () => {
    const { w, r } = setup(4, 8);
    fillRing(w);
    expect(w.claimRun(2)).toBe(0);
    put(w, (b, at) => writeHeartbeat(b, at, 100));
    r.release(2);
    // Room in the ring again, but record 100 waits in the backlog: the run goes after it, never before.
    const granted = w.claimRun(2);
    expect(granted).toBe(1);
    writeRun(w, granted, 101);
    w.publish();
    const got = seqs(drainAll(w, r));
    expect(got.slice(-2)).toEqual([100, 101]);
    expect(w.stats.overflowed).toBe(1);
  });

  test("a bad commitRun or a commit() after claimRun() says how to end the run", () => {
    const { w } = setup(8, 4);
    expect(() => w.commitRun(1)).toThrow(/at most the 0 slots/);
    expect(w.claimRun(3)).toBe(3);
    expect(() => w.commitRun(4)).toThrow(/at most the 3 slots the last claimRun\(\) granted/);
    expect(() => w.commit()).toThrow(/end a run with commitRun\(n\)/);
    expect(() => w.claimRun(1)).toThrow(/a claim is still open/);
    w.commitRun(3);
    expect(w.stats.committed).toBe(3);
    expect(() => w.claimRun(2.5)).toThrow(/whole number/);
    w.claim();
    expect(() => w.claimRun(1)).toThrow(/a claim is still open; commit it first/);
  });
});
