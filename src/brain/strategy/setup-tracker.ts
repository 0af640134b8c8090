/** One symbol's setup state machine: liquidity sweep → structure shift → zone (FVG or OB) → armed entry. */
import type { SetupKind } from "./signal";

export interface StrategyParams {
  minRewardRisk: number;
  sweepToShiftCandles: number;
  stopBufferAtr: number;
}

/** A setup ready to trade: the caller adds features and confidence. */
export interface ArmedSetup {
  dir: 1 | -1;
  setup: SetupKind;
  entry: number;
  stop: number;
  target: number;
  zoneTop: number;
  zoneBottom: number;
  sweepLevel: number;
  sweepExtreme: number;
  sweepAt: number;
}

const MAX_LEVELS = 8;

/**
 * Fed in candle order with the structure events of that candle. All state is scalars and two small rings of
 * swing levels, so a symbol costs the same after a year as after an hour.
 */
export class SetupTracker {
  // Latest accepted swings (what a sweep takes out) and recent final ones (where targets sit).
  lastHigh = NaN;
  lastLow = NaN;
  readonly #highs = new Float64Array(MAX_LEVELS).fill(NaN);
  readonly #lows = new Float64Array(MAX_LEVELS).fill(NaN);
  #hi = 0;
  #lo = 0;
  // The sweep being followed (dir +1: sell-side taken, so look for longs).
  #sweepDir: 0 | 1 | -1 = 0;
  #sweepAt = -1;
  #sweepLevel = NaN;
  #sweepExtreme = NaN;
  /** Shift level: the swing on the other side that must break (close beyond) after the sweep. */
  #shiftLevel = NaN;
  #shifted = false;
  // The newest zone in each direction since the sweep.
  #fvgTop = NaN;
  #fvgBottom = NaN;
  #fvgDir: 0 | 1 | -1 = 0;
  #fvgAt = -1;
  #obTop = NaN;
  #obBottom = NaN;
  #obDir: 0 | 1 | -1 = 0;
  #obAt = -1;

  constructor(private readonly p: StrategyParams) {}

  /** An accepted swing (provisional or final): dir +1 high, -1 low. */
  onSwing(dir: 1 | -1, level: number, final: boolean): void {
    if (dir === 1) {
      this.lastHigh = level;
      if (final) this.#highs[this.#hi++ % MAX_LEVELS] = level;
    } else {
      this.lastLow = level;
      if (final) this.#lows[this.#lo++ % MAX_LEVELS] = level;
    }
  }

  onFvg(dir: 1 | -1, top: number, bottom: number, at: number): void {
    this.#fvgDir = dir;
    this.#fvgTop = top;
    this.#fvgBottom = bottom;
    this.#fvgAt = at;
  }

  onOrderBlock(dir: 1 | -1, top: number, bottom: number, at: number): void {
    this.#obDir = dir;
    this.#obTop = top;
    this.#obBottom = bottom;
    this.#obAt = at;
  }

  /** A liquidity pool was swept: dir +1 for a pool of highs (buy-side), -1 for lows (sell-side). */
  onPoolSwept(poolDir: 1 | -1, level: number, at: number, extreme: number): void {
    this.#startSweep(poolDir === -1 ? 1 : -1, level, at, extreme);
  }

  /** After the candle's structure events. Returns a setup when this candle arms one, else null. */
  onCandle(t: number, high: number, low: number, close: number, atr: number): ArmedSetup | null {
    // A wick through the latest swing that closes back inside is a sweep of the liquidity resting there.
    if (low < this.lastLow && close > this.lastLow) this.#startSweep(1, this.lastLow, t, low);
    else if (high > this.lastHigh && close < this.lastHigh) this.#startSweep(-1, this.lastHigh, t, high);
    const d = this.#sweepDir;
    if (d === 0) return null;
    if (t - this.#sweepAt > this.p.sweepToShiftCandles && !this.#shifted) {
      this.#sweepDir = 0;
      return null;
    }
    if (d === 1) this.#sweepExtreme = Math.min(this.#sweepExtreme, low);
    else this.#sweepExtreme = Math.max(this.#sweepExtreme, high);
    if (!this.#shifted) {
      if (!((d === 1 && close > this.#shiftLevel) || (d === -1 && close < this.#shiftLevel))) return null;
      this.#shifted = true;
    }
    const armed = this.#arm(d, close, atr);
    if (armed) this.#sweepDir = 0; // one setup per sweep
    return armed;
  }

  #startSweep(dir: 1 | -1, level: number, at: number, extreme: number): void {
    if (!Number.isFinite(level)) return;
    this.#sweepDir = dir;
    this.#sweepAt = at;
    this.#sweepLevel = level;
    this.#sweepExtreme = extreme;
    this.#shiftLevel = dir === 1 ? this.lastHigh : this.lastLow;
    this.#shifted = false;
  }

  #arm(d: 1 | -1, close: number, atr: number): ArmedSetup | null {
    const useFvg = this.#fvgDir === d && this.#fvgAt >= this.#sweepAt;
    const useOb = !useFvg && this.#obDir === d && this.#obAt >= this.#sweepAt;
    if (!useFvg && !useOb) return null; // wait for a zone while the sweep window lasts
    const top = useFvg ? this.#fvgTop : this.#obTop;
    const bottom = useFvg ? this.#fvgBottom : this.#obBottom;
    const buffer = this.p.stopBufferAtr * (Number.isFinite(atr) ? atr : 0);
    const entry = d === 1 ? top : bottom;
    // Entry must still be ahead of price: a long's limit below the close, a short's above.
    if ((d === 1 && entry >= close) || (d === -1 && entry <= close)) return null;
    const stop = d === 1 ? Math.min(this.#sweepExtreme, bottom) - buffer : Math.max(this.#sweepExtreme, top) + buffer;
    const risk = Math.abs(entry - stop);
    const target = this.#opposingLiquidity(d, entry + d * risk * this.p.minRewardRisk);
    if (!Number.isFinite(target) || !(risk > 0)) return null;
    return {
      dir: d,
      setup: useFvg ? "sweep-shift-fvg" : "sweep-shift-ob",
      entry,
      stop,
      target,
      zoneTop: top,
      zoneBottom: bottom,
      sweepLevel: this.#sweepLevel,
      sweepExtreme: this.#sweepExtreme,
      sweepAt: this.#sweepAt,
    };
  }

  /** The nearest recent final swing beyond `atLeast` on the profit side: where the opposing liquidity rests. */
  #opposingLiquidity(d: 1 | -1, atLeast: number): number {
    const levels = d === 1 ? this.#highs : this.#lows;
    let best = NaN;
    for (let i = 0; i < MAX_LEVELS; i++) {
      const v = levels[i]!;
      if (Number.isNaN(v)) continue;
      if (d === 1 ? v >= atLeast && !(v >= best) : v <= atLeast && !(v <= best)) best = v;
    }
    return best;
  }
}
