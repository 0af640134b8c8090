/** Verifies what a consumer received from the feed-shaped producer: order, integrity, and that GAPs cover every loss. */
import { AGG_TRADE, F, GAP, HEARTBEAT, KLINE, Kind, SLOT_F64 } from "../../src/ring/layout";
import { klineEventMs, klineIntact, klineMinute, openTimeOf, writeTrade } from "./ring-records";

export interface FeedShape {
  symbols: number;
  minutes: number;
  updates: number;
  tradeEvery: number;
}

export interface FeedReport {
  problems: string[];
  klineUpdates: number;
  closes: number;
  trades: number;
  gaps: number;
  lostInGaps: number;
  /** Closed klines and trades that did not arrive and were covered by a GAP. */
  coveredByGap: number;
}

interface Gap {
  symbolId: number;
  fromMs: number;
  toMs: number;
}

const covers = (gaps: Gap[], symbolId: number, ms: number): boolean =>
  gaps.some((g) => (g.symbolId === -1 || g.symbolId === symbolId) && g.fromMs <= ms && ms <= g.toMs);

export function checkFeed(records: Float64Array, count: number, shape: FeedShape): FeedReport {
  const { symbols, minutes, updates, tradeEvery } = shape;
  const tradesPerMinute = Math.ceil(updates / tradeEvery);
  const report: FeedReport = { problems: [], klineUpdates: 0, closes: 0, trades: 0, gaps: 0, lostInGaps: 0, coveredByGap: 0 };
  const problem = (p: string): void => void (report.problems.length < 20 && report.problems.push(p));
  const lastKey = new Float64Array(symbols).fill(-1);
  const lastTrade = new Float64Array(symbols);
  const closed = new Uint8Array(symbols * minutes);
  const traded = new Uint8Array(symbols * minutes * tradesPerMinute);
  const gaps: Gap[] = [];
  const expectTrade = new Float64Array(SLOT_F64);
  for (let i = 0; i < count; i++) {
    const at = i * SLOT_F64;
    const kind = records[at + F.kind]!;
    const s = records[at + F.symbolId]!;
    if (kind === Kind.Kline || kind === Kind.KlineClosed) {
      if (!klineIntact(records, at)) problem(`record ${i}: kline fields do not match (torn or mixed)`);
      const minute = klineMinute(records, at);
      const key = minute * (updates + 1) + records[at + KLINE.trades]!;
      if (key <= lastKey[s]!) problem(`record ${i}: kline of symbol ${s} went back or repeated (key ${key})`);
      lastKey[s] = key;
      if (kind === Kind.KlineClosed) {
        closed[s * minutes + minute] = 1;
        report.closes++;
      } else report.klineUpdates++;
    } else if (kind === Kind.AggTrade) {
      const id = records[at + AGG_TRADE.tradeId]!;
      if (id <= lastTrade[s]!) problem(`record ${i}: trade ${id} of symbol ${s} after ${lastTrade[s]}`);
      lastTrade[s] = id;
      const m = Math.floor((id - 1) / tradesPerMinute);
      const u = ((id - 1) % tradesPerMinute) * tradeEvery;
      writeTrade(expectTrade, 0, s, id, klineEventMs(m, u, false));
      for (let k = 0; k < SLOT_F64; k++) {
        if (k !== F.recvTimeUs && records[at + k] !== expectTrade[k]) problem(`record ${i}: trade ${id} field ${k} wrong`);
      }
      traded[s * minutes * tradesPerMinute + id - 1] = 1;
      report.trades++;
    } else if (kind === Kind.Gap) {
      gaps.push({ symbolId: s, fromMs: records[at + GAP.fromMs]!, toMs: records[at + GAP.toMs]! });
      report.gaps++;
      report.lostInGaps += records[at + GAP.lostRecords]!;
    } else if (!(kind === Kind.Heartbeat && records[at + HEARTBEAT.seq] === -1 && i === count - 1)) {
      problem(`record ${i}: unexpected kind ${kind}`);
    }
  }
  for (let s = 0; s < symbols; s++) {
    for (let m = 0; m < minutes; m++) {
      if (closed[s * minutes + m] === 1) continue;
      if (covers(gaps, s, openTimeOf(m))) report.coveredByGap++;
      else problem(`closed kline symbol ${s} minute ${m} neither delivered nor covered by a GAP`);
    }
    for (let t = 1; t <= minutes * tradesPerMinute; t++) {
      if (traded[s * minutes * tradesPerMinute + t - 1] === 1) continue;
      const eventMs = klineEventMs(Math.floor((t - 1) / tradesPerMinute), ((t - 1) % tradesPerMinute) * tradeEvery, false);
      if (covers(gaps, s, eventMs)) report.coveredByGap++;
      else problem(`trade ${t} of symbol ${s} neither delivered nor covered by a GAP`);
    }
    const finalKey = (minutes - 1) * (updates + 1) + updates;
    if (lastKey[s] !== finalKey && !covers(gaps, s, openTimeOf(minutes - 1))) {
      problem(`symbol ${s}: last kline is key ${lastKey[s]}, not the final close`);
    }
  }
  return report;
}
