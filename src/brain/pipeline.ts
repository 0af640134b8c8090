/** The brain's record handler: market clock, continuity, lag, and (next) candles → indicators → SMC → signals. */

/** Lag samples start this long after the first record: a cold feed lags while the JIT warms up (performance.md §4.3). */
const LAG_WARMUP_US = 5_000_000;
import { LatencyHistogram } from "../core/latency-histogram";
import { strategySection, type StrategyConfig } from "../config/sections/strategy";
import { F, KLINE, KLINE_SOURCE_STREAM, Kind, MARK_PRICE, MAX_SYMBOLS } from "../ring/layout";
import { Analysis } from "./analysis";
import { CandleSequencer } from "./candle-sequencer";
import { EventBus } from "./event-bus";
import type { RecordSink } from "./brain-loop";
import { ContinuityMonitor } from "./continuity-monitor";

export class BrainPipeline implements RecordSink {
  readonly continuity = new ContinuityMonitor();
  readonly bus = new EventBus();
  readonly analysis: Analysis;
  readonly sequencer: CandleSequencer;
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
  /**
   * Steady-state throughput: streamed klines in batches stamped after the first post-warm-up batch, over the µs
   * from that batch to the last one. The first batch only opens the window, so no record is counted twice in time.
   */
  steadyKlines = 0;
  #steadyFromUs = 0;
  #steadyToUs = 0;
  #firstUs = 0;

  constructor(strategy: StrategyConfig = strategySection.parse({}), symbolName: (id: number) => string = (id) => `#${id}`) {
    this.analysis = new Analysis(strategy, this.bus, symbolName, MAX_SYMBOLS);
    this.sequencer = new CandleSequencer(MAX_SYMBOLS, this.analysis);
  }

  /** Length of the steady-state window in ms (0 until a second post-warm-up batch arrived). */
  get steadyMs(): number {
    return this.#steadyToUs > this.#steadyFromUs ? (this.#steadyToUs - this.#steadyFromUs) / 1000 : 0;
  }

  onRecord(buf: Float64Array, o: number, kind: number, nowUs: number): void {
    if ((kind === Kind.Kline || kind === Kind.KlineClosed) && buf[o + KLINE.source] === KLINE_SOURCE_STREAM) {
      if (this.#firstUs === 0) this.#firstUs = nowUs;
      else if (nowUs - this.#firstUs > LAG_WARMUP_US) {
        this.eventLag.record(nowUs - buf[o + F.eventTimeMs]! * 1000);
        this.hopLag.record(nowUs - buf[o + F.recvTimeUs]!);
        if (this.#steadyFromUs === 0) this.#steadyFromUs = nowUs;
        else if (nowUs > this.#steadyFromUs) {
          this.steadyKlines++;
          this.#steadyToUs = nowUs;
        }
      }
    }
    switch (kind) {
      case Kind.Kline:
        this.klineUpdates++;
        break;
      case Kind.KlineClosed:
        this.continuity.onClosed(buf, o);
        this.sequencer.onClosed(buf, o);
        break;
      case Kind.MarkPrice:
        this.markPrices++;
        this.analysis.onFunding(buf[o + F.symbolId]!, buf[o + MARK_PRICE.fundingRate]!);
        break;
      case Kind.AggTrade:
        this.trades++;
        break;
      case Kind.Universe:
        this.continuity.onUniverse(buf, o);
        this.sequencer.onUniverse(buf, o);
        break;
      default:
        this.other++;
    }
    const e = buf[o + F.eventTimeMs]!;
    if (e > this.marketTimeMs && kind !== Kind.Universe) this.marketTimeMs = e;
  }
}
