/** Test helper: one of every indicator fed from a series' newest candle, as the strategy will feed them. */
import { CANDLE, type CandleSeries } from "../../../src/brain/candles/candle-series";
import {
  Atr, Ema, EmaSlope, type Indicator, RollingMax, RollingMin, Rsi, Sma, VolumeZScore, WilderAverage,
} from "../../../src/brain/indicators";

export class IndicatorBank {
  readonly ema9 = new Ema(9);
  readonly ema21 = new Ema(21);
  readonly ema200 = new Ema(200);
  readonly sma20 = new Sma(20);
  readonly rsi = new Rsi(14);
  readonly atr = new Atr(14);
  readonly volZ = new VolumeZScore(20);
  readonly volAvg = new WilderAverage(14);
  readonly hi = new RollingMax(20);
  readonly lo = new RollingMin(20);
  readonly slope = new EmaSlope(50, 10);
  readonly all: readonly (readonly [string, Indicator])[] = Object.entries(this).filter(
    (e): e is [string, Indicator] => typeof e[1] === "object" && e[1] !== null && "warmUp" in e[1],
  );
  /** Ready values that were NaN or ±∞ (must stay 0). */
  bad = 0;
  updates = 0;

  update(s: CandleSeries): void {
    const close = s.last(CANDLE.close);
    const high = s.last(CANDLE.high);
    const low = s.last(CANDLE.low);
    const volume = s.last(CANDLE.volume);
    this.updates++;
    this.#check(this.ema9, this.ema9.update(close));
    this.#check(this.ema21, this.ema21.update(close));
    this.#check(this.ema200, this.ema200.update(close));
    this.#check(this.sma20, this.sma20.update(close));
    this.#check(this.rsi, this.rsi.update(close));
    this.#check(this.atr, this.atr.update(high, low, close));
    this.#check(this.volZ, this.volZ.update(volume));
    this.#check(this.volAvg, this.volAvg.update(volume));
    this.#check(this.hi, this.hi.update(high));
    this.#check(this.lo, this.lo.update(low));
    this.#check(this.slope, this.slope.update(close));
  }

  #check(u: Indicator, v: number): void {
    if (u.ready && !Number.isFinite(v)) this.bad++;
    else if (!u.ready && v === v) this.bad++;
  }
}
