/** Deterministic ring records for tests and benches: every field derives from a few integers, so a reader can verify it. */
import { AGG_TRADE, F, HEARTBEAT, KLINE, Kind, SLOT_F64 } from "../../src/ring/layout";

/** Field k of heartbeat i (fields other than kind, seq and checksum); exact integers well below 2^53. */
const hbField = (i: number, k: number): number => i * (k + 11) + k;

/** Weighted sum of every field but the checksum: a slot mixing two records (torn) does not match. */
function checksumOf(buf: Float64Array, at: number): number {
  let sum = 0;
  for (let k = 0; k < SLOT_F64; k++) if (k !== HEARTBEAT.checksum) sum += buf[at + k]! * (k + 1);
  return sum;
}

/** Writes heartbeat number `i`: all 16 fields set, checksum last. */
export function writeHeartbeat(buf: Float64Array, at: number, i: number): void {
  buf[at + F.kind] = Kind.Heartbeat;
  buf[at + F.symbolId] = i & 1023;
  for (let k = 2; k < SLOT_F64; k++) buf[at + k] = hbField(i, k);
  buf[at + HEARTBEAT.seq] = i;
  buf[at + HEARTBEAT.checksum] = checksumOf(buf, at);
}

/** True when the slot is exactly heartbeat `seq` as written by writeHeartbeat (field by field, then checksum). */
export function heartbeatIntact(buf: Float64Array, at: number, seq: number): boolean {
  if (buf[at + F.kind] !== Kind.Heartbeat || buf[at + F.symbolId] !== (seq & 1023)) return false;
  for (let k = 2; k < SLOT_F64; k++) {
    if (k !== HEARTBEAT.seq && k !== HEARTBEAT.checksum && buf[at + k] !== hbField(seq, k)) return false;
  }
  return buf[at + HEARTBEAT.checksum] === checksumOf(buf, at);
}

/** Base of all synthetic exchange times (2025-12-24T00:00:00Z). */
export const T0_MS = 1_766_534_400_000;
export const openTimeOf = (minute: number): number => T0_MS + minute * 60_000;
/** In-progress update u of a minute arrives u seconds in; the close arrives at its last millisecond. */
export const klineEventMs = (minute: number, u: number, closed: boolean): number =>
  openTimeOf(minute) + (closed ? 59_999 : u * 1_000);

/** Kline of `symbolId` for `minute` after its u-th update; every value derives from (symbol, minute, u). */
export function writeKline(buf: Float64Array, at: number, symbolId: number, minute: number, u: number, closed: boolean): void {
  const open = 100 + symbolId + minute / 8;
  buf[at + F.kind] = closed ? Kind.KlineClosed : Kind.Kline;
  buf[at + F.symbolId] = symbolId;
  buf[at + F.eventTimeMs] = klineEventMs(minute, u, closed);
  buf[at + F.recvTimeUs] = 0;
  buf[at + KLINE.openTimeMs] = openTimeOf(minute);
  buf[at + KLINE.open] = open;
  buf[at + KLINE.high] = open + u / 4;
  buf[at + KLINE.low] = open - u / 8;
  buf[at + KLINE.close] = open + u / 16;
  buf[at + KLINE.volume] = u * 10 + symbolId;
  buf[at + KLINE.quoteVolume] = (u * 10 + symbolId) * open;
  buf[at + KLINE.trades] = u;
  buf[at + KLINE.takerBuyVolume] = u * 3;
  buf[at + KLINE.closed] = closed ? 1 : 0;
  buf[at + 14] = 0; // from the stream, where the layout names a source field
  buf[at + 15] = symbolId * 1_000_003 + minute; // spare field: one more value a torn slot would get wrong
}

/** Minute index of a kline slot written by writeKline. */
export const klineMinute = (buf: Float64Array, at: number): number => (buf[at + KLINE.openTimeMs]! - T0_MS) / 60_000;

/** True when the slot is exactly what writeKline wrote for the (symbol, minute, u, closed) it claims to be. */
export function klineIntact(buf: Float64Array, at: number): boolean {
  const symbolId = buf[at + F.symbolId]!;
  const minute = klineMinute(buf, at);
  const u = buf[at + KLINE.trades]!;
  const closed = buf[at + KLINE.closed] === 1;
  const expect = new Float64Array(SLOT_F64);
  writeKline(expect, 0, symbolId, minute, u, closed);
  for (let k = 0; k < SLOT_F64; k++) if (k !== F.recvTimeUs && buf[at + k] !== expect[k]) return false;
  return true;
}

/** Aggregated trade `tradeId` of a symbol at `eventTimeMs`. */
export function writeTrade(buf: Float64Array, at: number, symbolId: number, tradeId: number, eventTimeMs: number): void {
  buf[at + F.kind] = Kind.AggTrade;
  buf[at + F.symbolId] = symbolId;
  buf[at + F.eventTimeMs] = eventTimeMs;
  buf[at + F.recvTimeUs] = 0;
  buf[at + AGG_TRADE.tradeId] = tradeId;
  buf[at + AGG_TRADE.price] = 100 + symbolId + tradeId / 1_000;
  buf[at + AGG_TRADE.qty] = 1 + (tradeId % 7);
  buf[at + AGG_TRADE.firstTradeId] = tradeId * 3;
  buf[at + AGG_TRADE.lastTradeId] = tradeId * 3 + 2;
  buf[at + AGG_TRADE.tradeTimeMs] = eventTimeMs;
  buf[at + AGG_TRADE.buyerIsMaker] = tradeId & 1;
  for (let k = 11; k < SLOT_F64; k++) buf[at + k] = 0;
}
