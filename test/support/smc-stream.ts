/** Streams candles to an SmcDetector through the feed → brain ring (KlineClosed records), in random batch sizes. */
import { SmcDetector, type SmcEvent, type SmcOptions } from "../../src/brain/smc/causal/smc-detector";
import { F, KLINE, KLINE_SOURCE_STREAM, Kind, RingReader, RingWriter, createRing } from "../../src/ring";
import type { Candles } from "./smc-csv";
import { seededRandom } from "./seeded-random";

/**
 * One thread plays both sides: the writer publishes 1…capacity closed klines, the reader drains whatever is
 * available and pushes each candle, as the brain's loop does. Returns the events in emission order.
 */
export function streamThroughRing(c: Candles, opts: SmcOptions, seed: number, capacity = 64): SmcEvent[] {
  const sab = createRing(capacity);
  const writer = new RingWriter(sab, { maxSymbols: 1, overflowCapacity: 0 });
  const reader = new RingReader(sab);
  const rnd = seededRandom(seed);
  const events: SmcEvent[] = [];
  const d = new SmcDetector(opts, { onSmcEvent: (e) => events.push(e) });
  let sent = 0;
  while (sent < c.n || reader.available() > 0) {
    const batch = Math.min(c.n - sent, 1 + Math.floor(rnd() * writer.freeSlots(capacity)));
    for (let k = 0; k < batch; k++, sent++) {
      const i = writer.claim();
      const b = writer.buf;
      b[i + F.kind] = Kind.KlineClosed;
      b[i + F.symbolId] = 0;
      b[i + F.eventTimeMs] = c.timeMs[sent]! + 59_999;
      b[i + F.recvTimeUs] = 0;
      b[i + KLINE.openTimeMs] = c.timeMs[sent]!;
      b[i + KLINE.open] = c.open[sent]!;
      b[i + KLINE.high] = c.high[sent]!;
      b[i + KLINE.low] = c.low[sent]!;
      b[i + KLINE.close] = c.close[sent]!;
      b[i + KLINE.volume] = c.volume[sent]!;
      b[i + KLINE.closed] = 1;
      b[i + KLINE.source] = KLINE_SOURCE_STREAM;
      writer.commit();
    }
    writer.publish();
    const n = reader.available();
    const f = reader.f64;
    for (let k = 0; k < n; k++) {
      const i = reader.slot(k);
      if (f[i + F.kind] !== Kind.KlineClosed) throw new Error(`unexpected record kind ${f[i + F.kind]}`);
      const [o, h, l, cl] = [f[i + KLINE.open]!, f[i + KLINE.high]!, f[i + KLINE.low]!, f[i + KLINE.close]!];
      d.push(o, h, l, cl, f[i + KLINE.volume]!, f[i + KLINE.openTimeMs]!);
    }
    reader.release(n);
  }
  return events;
}
