/** Per-symbol analysis state: causal SMC on the strategy timeframe, the indicators the features need, the setup tracker. */
import { TF } from "../candles/timeframe";
import { CANDLE, type CandleSeries } from "../candles/candle-series";
import { Atr } from "../indicators/atr";
import { Ema } from "../indicators/ema";
import { EmaSlope } from "../indicators/ema-slope";
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
  /** The 1h EMA20's change over one 1h candle: its sign is the trend1h feature. */
  readonly slope1h = new EmaSlope(20, 1);
  close15m = NaN;
  fundingRate = NaN;

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
        // The sweep candle is the one just pushed: its extreme is where price went.
        if (e.swept === e.at) {
          const h = this.smc.history;
          s.onPoolSwept(e.dir, e.level, e.at, e.dir === 1 ? h.high(e.at) : h.low(e.at));
        }
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
    this.atr.update(h, l, c);
    this.rsi.update(c);
    this.volumeZ.update(v);
    const t = this.smc.push(o, h, l, c, v, series.last(CANDLE.openTimeMs));
    return this.setups.onCandle(t, h, l, c, this.atr.value);
  }

  onHigherCandle(tf: number, series: CandleSeries): void {
    const c = series.last(CANDLE.close);
    if (tf === TF.M15) {
      this.ema15m.update(c);
      this.close15m = c;
    } else if (tf === TF.H1) this.slope1h.update(c);
  }
}
