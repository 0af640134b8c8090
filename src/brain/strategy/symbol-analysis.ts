/** Per-symbol analysis state: causal SMC on the strategy timeframe, the indicators the features need, the setup tracker. */
import { TF } from "../candles/timeframe";
import { CANDLE, type CandleSeries } from "../candles/candle-series";
import { Atr } from "../indicators/atr";
import { Ema } from "../indicators/ema";
import { Rsi } from "../indicators/rsi";
import { VolumeZScore } from "../indicators/volume-zscore";
import { SmcDetector, type SmcEvent, type SmcEventSink } from "../smc/causal/smc-detector";
import { SetupTracker, type ArmedSetup, type StrategyParams } from "./setup-tracker";

export class SymbolAnalysis implements SmcEventSink {
  readonly smc: SmcDetector;
  readonly setups: SetupTracker;
  readonly atr = new Atr(14);
  readonly rsi = new Rsi(14);
  readonly volumeZ = new VolumeZScore(20);
  readonly ema15m = new Ema(50);
  readonly ema1h = new Ema(20);
  ema1hPrev = NaN;
  close15m = NaN;
  fundingRate = NaN;
  /** The running candle index of the strategy timeframe (the SMC detector's t). */
  t = -1;
  /** The latest strategy candle's extremes: where a pool sweep reported at this candle went. */
  #lastHigh = NaN;
  #lastLow = NaN;

  constructor(swingLength: number, params: StrategyParams) {
    this.setups = new SetupTracker(params);
    this.smc = new SmcDetector({ swingLength, liquidityBand: { mode: "atr", multiple: 0.25, period: 14 } }, this);
  }

  /** Structure events feed the setup tracker as they are emitted (inside push, before onCandle). */
  onSmcEvent(e: SmcEvent): void {
    const s = this.setups;
    switch (e.kind) {
      case "SWING":
      case "SWING_REPLACED":
        s.onSwing(e.dir, e.level, false);
        break;
      case "SWING_FINAL":
        s.onSwing(e.dir, e.level, true);
        break;
      case "FVG":
        s.onFvg(e.dir, e.top, e.bottom, e.at);
        break;
      case "OB_CREATED":
        s.onOrderBlock(e.dir, e.top, e.bottom, e.at);
        break;
      case "LIQ_SWEPT":
        // A pool that forms after its anchor was already swept reports the sweep late: stale, not a setup.
        if (e.swept === e.at) s.onPoolSwept(e.dir, e.level, e.at, e.dir === 1 ? this.#lastHigh : this.#lastLow);
        break;
      default:
        break;
    }
  }

  /** A closed strategy-timeframe candle: indicators, structure, then the setup check. */
  onStrategyCandle(series: CandleSeries): ArmedSetup | null {
    const o = series.last(CANDLE.open);
    const h = series.last(CANDLE.high);
    const l = series.last(CANDLE.low);
    const c = series.last(CANDLE.close);
    const v = series.last(CANDLE.volume);
    this.#lastHigh = h;
    this.#lastLow = l;
    this.atr.update(h, l, c);
    this.rsi.update(c);
    this.volumeZ.update(v);
    this.t = this.smc.push(o, h, l, c, v, series.last(CANDLE.openTimeMs));
    return this.setups.onCandle(this.t, h, l, c, this.atr.value);
  }

  onHigherCandle(tf: number, series: CandleSeries): void {
    const c = series.last(CANDLE.close);
    if (tf === TF.M15) {
      this.ema15m.update(c);
      this.close15m = c;
    } else if (tf === TF.H1) {
      this.ema1hPrev = this.ema1h.value;
      this.ema1h.update(c);
    }
  }
}
