/** The 16-field record the ring bench moves, as a slot and as a plain object (the postMessage baseline). */
import { F, Kind, SLOT_F64 } from "../../src/ring/layout";

/**
 * Fills the slot for record `i`; the consumer sums every field so no read can be optimised away. Unrolled like the
 * feed's real slot writers: a `for` over the twelve payload fields costs twice as much (9 vs 5 ns per slot).
 */
export function fillSlot(buf: Float64Array, at: number, i: number): void {
  buf[at + F.kind] = Kind.Heartbeat;
  buf[at + F.symbolId] = i & 1023;
  buf[at + F.eventTimeMs] = i;
  buf[at + F.recvTimeUs] = 0;
  buf[at + 4] = i + 4;
  buf[at + 5] = i + 5;
  buf[at + 6] = i + 6;
  buf[at + 7] = i + 7;
  buf[at + 8] = i + 8;
  buf[at + 9] = i + 9;
  buf[at + 10] = i + 10;
  buf[at + 11] = i + 11;
  buf[at + 12] = i + 12;
  buf[at + 13] = i + 13;
  buf[at + 14] = i + 14;
  buf[at + 15] = i + 15;
}

/** Same record as an object with 16 named fields, as a message-passing design would send it. */
export interface RecordObject {
  kind: number;
  symbolId: number;
  eventTimeMs: number;
  recvTimeUs: number;
  openTimeMs: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  quoteVolume: number;
  trades: number;
  takerBuyVolume: number;
  closed: number;
  f14: number;
  f15: number;
}

export const makeObject = (i: number): RecordObject => ({
  kind: Kind.Heartbeat,
  symbolId: i & 1023,
  eventTimeMs: i,
  recvTimeUs: 0,
  openTimeMs: i + 4,
  open: i + 5,
  high: i + 6,
  low: i + 7,
  close: i + 8,
  volume: i + 9,
  quoteVolume: i + 10,
  trades: i + 11,
  takerBuyVolume: i + 12,
  closed: i + 13,
  f14: i + 14,
  f15: i + 15,
});

export const sumObject = (o: RecordObject): number =>
  o.kind + o.symbolId + o.eventTimeMs + o.recvTimeUs + o.openTimeMs + o.open + o.high + o.low + o.close +
  o.volume + o.quoteVolume + o.trades + o.takerBuyVolume + o.closed + o.f14 + o.f15;

/**
 * Sum of the 16 fields as a tree: a serial chain of 16 dependent float adds (~20 ns) would make the reader's
 * arithmetic, not the transport, the bottleneck. Both the ring and the postMessage consumers use it.
 */
export function sumSlot(buf: Float64Array, at: number): number {
  const a = buf[at]! + buf[at + 1]! + (buf[at + 2]! + buf[at + 3]!);
  const b = buf[at + 4]! + buf[at + 5]! + (buf[at + 6]! + buf[at + 7]!);
  const c = buf[at + 8]! + buf[at + 9]! + (buf[at + 10]! + buf[at + 11]!);
  const d = buf[at + 12]! + buf[at + 13]! + (buf[at + 14]! + buf[at + 15]!);
  return a + b + (c + d);
}
