/** Closed candles in, signals out: candle store and MTF, per-symbol indicators and causal SMC, setups, features, confidence. */
import type { StrategyConfig } from "../config/sections/strategy";
import { KLINE } from "../ring/layout";
import type { CandleSeries } from "./candles/candle-series";
import { CandleStore } from "./candles/candle-store";
import { TF, TF_MS } from "./candles/timeframe";
import type { OrderedCandleSink } from "./candle-sequencer";
import type { EventBus } from "./event-bus";
import { priorConfidence } from "./strategy/confidence-prior";
import { buildFeatures } from "./strategy/build-features";
import type { Signal } from "./strategy/signal";
import { SymbolAnalysis } from "./strategy/symbol-analysis";

const STRATEGY_TF = { "1m": TF.M1, "5m": TF.M5, "15m": TF.M15 } as const;
/** 1m candles kept per symbol (~8 h) and candles per higher timeframe: enough for every indicator's warm-up. */
const CAPACITY_1M = 500;
const CAPACITY_HIGHER = 200;

export class Analysis implements OrderedCandleSink {
  readonly store: CandleStore;
  candles = 0;
  setups = 0;
  signals = 0;
  belowThreshold = 0;
  readonly #tf: number;
  readonly #symbols: (SymbolAnalysis | undefined)[];
  #live = false;

  constructor(
    private readonly cfg: StrategyConfig,
    private readonly bus: EventBus,
    private readonly symbolName: (id: number) => string,
    maxSymbols: number,
  ) {
    this.#tf = STRATEGY_TF[cfg.timeframe];
    this.#symbols = new Array(maxSymbols);
    this.store = new CandleStore(maxSymbols, CAPACITY_1M, CAPACITY_HIGHER, {
      onCandleClosed: (symbolId, tf, series) => this.#onCandleClosed(symbolId, tf, series),
    });
  }

  onOrderedCandle(symbolId: number, buf: Float64Array, o: number, live: boolean): void {
    this.candles++;
    this.#live = live;
    this.store.onClosed1m(
      symbolId,
      buf[o + KLINE.openTimeMs]!,
      buf[o + KLINE.open]!,
      buf[o + KLINE.high]!,
      buf[o + KLINE.low]!,
      buf[o + KLINE.close]!,
      buf[o + KLINE.volume]!,
      buf[o + KLINE.quoteVolume]!,
      buf[o + KLINE.trades]!,
      buf[o + KLINE.takerBuyVolume]!,
    );
  }

  onFunding(symbolId: number, rate: number): void {
    const a = this.#symbols[symbolId];
    if (a && Number.isFinite(rate)) a.fundingRate = rate;
  }

  #onCandleClosed(symbolId: number, tf: number, series: CandleSeries): void {
    const a = (this.#symbols[symbolId] ??= new SymbolAnalysis(this.cfg.swingLength, this.cfg));
    if (tf !== this.#tf) {
      if (tf > this.#tf) a.onHigherCandle(tf, series);
      return;
    }
    const armed = a.onStrategyCandle(series);
    // History builds structure; only a live candle may trade.
    if (!armed || !this.#live) return;
    this.setups++;
    const closeMs = series.last(0) + TF_MS[tf]!;
    const features = buildFeatures(armed, a, series, closeMs);
    const confidence = priorConfidence(features);
    if (confidence < this.cfg.minConfidence) {
      this.belowThreshold++;
      return;
    }
    const risk = Math.abs(armed.entry - armed.stop);
    const signal: Signal = {
      symbolId,
      symbol: this.symbolName(symbolId),
      side: armed.dir === 1 ? "LONG" : "SHORT",
      setup: armed.setup,
      entry: armed.entry,
      stop: armed.stop,
      target: armed.target,
      rewardRisk: Math.abs(armed.target - armed.entry) / risk,
      confidence,
      atMs: closeMs,
      expiresAtMs: closeMs + this.cfg.entryValidCandles * TF_MS[tf]!,
      features,
    };
    this.signals++;
    this.bus.emit({ type: "SignalGenerated", signal });
  }
}
