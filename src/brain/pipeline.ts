/** The brain's record handler: market clock, continuity, lag, and (next) candles → indicators → SMC → signals. */

/** Lag samples start this long after the first record: a cold feed lags while the JIT warms up (performance.md §4.3). */
const LAG_WARMUP_US = 5_000_000;
import { LatencyHistogram } from "../core/latency-histogram";
import { F, KLINE, KLINE_SOURCE_REST, Kind } from "../ring/layout";
import type { RecordSink } from "./brain-loop";
import { ContinuityMonitor } from "./continuity-monitor";

export class BrainPipeline implements RecordSink {
  readonly continuity = new ContinuityMonitor();
  /** Latest exchange event time seen (ms): the brain's market clock. */
  marketTimeMs = 0;
  klineUpdates = 0;
  markPrices = 0;
  trades = 0;
  other = 0;
  /** Exchange event time → brain, for streamed klines (includes any clock offset to the exchange). */
  readonly eventLag = new LatencyHistogram();
  /** Feed receive → brain: the ring hop plus the brain's wake-up. */
  readonly hopLag = new LatencyHistogram();
  #firstUs = 0;

  onRecord(buf: Float64Array, o: number, kind: number, nowUs: number): void {
    if ((kind === Kind.Kline || kind === Kind.KlineClosed) && buf[o + KLINE.source] !== KLINE_SOURCE_REST) {
      if (this.#firstUs === 0) this.#firstUs = nowUs;
      else if (nowUs - this.#firstUs > LAG_WARMUP_US) {
        this.eventLag.record(nowUs - buf[o + F.eventTimeMs]! * 1000);
        this.hopLag.record(nowUs - buf[o + F.recvTimeUs]!);
      }
    }
    switch (kind) {
      case Kind.Kline:
        this.klineUpdates++;
        break;
      case Kind.KlineClosed:
        this.continuity.onClosed(buf, o);
        break;
      case Kind.MarkPrice:
        this.markPrices++;
        break;
      case Kind.AggTrade:
        this.trades++;
        break;
      case Kind.Universe:
        this.continuity.onUniverse(buf, o);
        break;
      default:
        this.other++;
    }
    const e = buf[o + F.eventTimeMs]!;
    if (e > this.marketTimeMs && kind !== Kind.Universe) this.marketTimeMs = e;
  }
}
