/** Causal SMC detector for one symbol and timeframe: closed candles in, immutable events out (docs/smc-reference.md §6). */
import { CandleHistory } from "./candle-history";
import { FvgDetector } from "./fvg-detector";
import { LiquidityBandMeter } from "./liquidity-band";
import { LiquidityDetector } from "./liquidity-detector";
import { OrderBlockDetector } from "./order-block-detector";
import type { SmcEventSink } from "./smc-events";
import { type ResolvedSmcOptions, type SmcOptions, resolveSmcOptions } from "./smc-options";
import { FvgView, LiquidityView, OrderBlockView, PendingStructureView } from "./smc-views";
import { StructureDetector } from "./structure-detector";
import { NO_SWING, SwingDetector } from "./swing-detector";

export type * from "./smc-events";
export type { LiquidityBandOptions, ResolvedSmcOptions, SmcOptions } from "./smc-options";
export type { FvgView, LiquidityView, OrderBlockView, PendingStructureView } from "./smc-views";
export type { CandleHistory } from "./candle-history";

/**
 * Create once per symbol. Every event is emitted inside push(t) with `at = t`, so a run on a prefix emits exactly
 * the events of the full run with `at` in that prefix, and nothing is ever retracted. Allocates only the events
 * it emits (and, rarely, more room for live structures).
 *
 * Order within one candle: FVG (and FVG_EXTENDED), FVG_MITIGATED; LIQ_SWEPT of existing pools; SWING_CANDIDATE,
 * SWING_FINAL, SWING or SWING_REPLACED; LIQ_POOL / LIQ_EXTEND (+ LIQ_SWEPT of a pool formed after its sweep);
 * BOS or CHOCH, then STRUCTURE_CANCELLED; OB_INVALIDATED, OB_BREAKER, OB_CREATED. Within a group, the order is
 * the internal heap order (price first, then row).
 */
export class SmcDetector {
  readonly options: ResolvedSmcOptions;
  /** The candle ring the detectors read; the strategy may read recent rows from it too. */
  readonly history: CandleHistory;
  readonly fvgs: FvgView;
  readonly orderBlocks: OrderBlockView;
  readonly liquidity: LiquidityView;
  readonly pendingStructures: PendingStructureView;
  readonly #band: LiquidityBandMeter;
  readonly #swings: SwingDetector;
  readonly #fvg: FvgDetector;
  readonly #structure: StructureDetector;
  readonly #ob: OrderBlockDetector;
  readonly #liq: LiquidityDetector;

  constructor(opts: SmcOptions, sink: SmcEventSink) {
    const o = resolveSmcOptions(opts);
    this.options = o;
    const h = new CandleHistory(o.historyCapacity);
    this.history = h;
    this.#band = new LiquidityBandMeter(o.liquidityBand);
    this.#swings = new SwingDetector(h, o, sink);
    this.#fvg = new FvgDetector(h, o.joinConsecutiveFvg, sink);
    this.#structure = new StructureDetector(h, o.closeBreak, sink);
    this.#ob = new OrderBlockDetector(h, o.closeMitigation, sink);
    this.#liq = new LiquidityDetector(h, sink);
    this.fvgs = new FvgView(this.#fvg.open);
    this.orderBlocks = new OrderBlockView(this.#ob.active);
    this.liquidity = new LiquidityView(this.#liq.highs, this.#liq.lows);
    this.pendingStructures = new PendingStructureView(this.#structure.pending);
  }

  /** Index of the last candle pushed (-1 before the first). */
  get t(): number {
    return this.history.t;
  }

  /**
   * One CLOSED candle, in order; returns its running index t. Throws RangeError on NaN prices or high < low,
   * before any state changes.
   */
  push(open: number, high: number, low: number, close: number, volume: number, timeMs: number): number {
    if (!(high >= low) || Number.isNaN(open) || Number.isNaN(close) || Number.isNaN(volume)) {
      throw new RangeError(
        `SmcDetector.push: bad candle o=${open} h=${high} l=${low} c=${close} v=${volume} at ${timeMs}; ` +
          "prices and volume must be numbers with high >= low",
      );
    }
    const t = this.history.push(open, high, low, close, volume);
    this.#band.update(high, low, close);
    const band = this.#band.band;
    const swings = this.#swings;
    // Order matters: trackers see candle t before new swings read them, and zone trackers only after the
    // order-block crossing test of candle t (docs §6.1).
    this.#fvg.onCandle(t);
    swings.observe(t, band);
    this.#liq.onCandle(t);
    const outcome = swings.detect(t, band);
    if (swings.finalizedAt === t && swings.x2 !== null) this.#liq.onFinal(swings.x2, t);
    if (outcome !== NO_SWING) this.#structure.onAccepted(swings, t);
    this.#structure.onCandle(t);
    this.#ob.onCandle(t, swings.latestHigh, swings.latestLow);
    swings.absorb(t);
    return t;
  }

  /** Row of the latest accepted swing high (final or provisional), -1 if none yet. */
  get swingHighIdx(): number {
    return this.#swings.latestHigh?.idx ?? -1;
  }
  get swingHighLevel(): number {
    return this.#swings.latestHigh?.level ?? Number.NaN;
  }
  /** True when the latest swing high can no longer be superseded. */
  get swingHighFinal(): boolean {
    return this.#swings.x1 !== null && this.#swings.x1.dir === -1;
  }
  get swingLowIdx(): number {
    return this.#swings.latestLow?.idx ?? -1;
  }
  get swingLowLevel(): number {
    return this.#swings.latestLow?.level ?? Number.NaN;
  }
  get swingLowFinal(): boolean {
    return this.#swings.x1 !== null && this.#swings.x1.dir === 1;
  }

  /** Direction of the last BOS/CHOCH fired, 0 before the first. */
  get trend(): 1 | -1 | 0 {
    return this.#structure.trend;
  }
  get trendKind(): "BOS" | "CHOCH" | null {
    return this.#structure.trendKind;
  }
  /** Row (X3) and level of the last BOS/CHOCH fired. */
  get trendIdx(): number {
    return this.#structure.trendIdx;
  }
  get trendLevel(): number {
    return this.#structure.trendLevel;
  }
}
