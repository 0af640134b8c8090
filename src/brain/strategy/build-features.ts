/** Computes a candidate's feature vector from the armed setup and the symbol's indicators (strategy/features layout). */
import { CANDLE, type CandleSeries } from "../candles/candle-series";
import type { ArmedSetup } from "./setup-tracker";
import { FEATURE_COUNT, FX, sanitize } from "./features";
import type { SymbolAnalysis } from "./symbol-analysis";

const clip = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Runs once per armed setup (rare), so a fresh array per candidate is fine. */
export function buildFeatures(s: ArmedSetup, a: SymbolAnalysis, series: CandleSeries, closeMs: number): Float64Array {
  const f = new Float64Array(FEATURE_COUNT);
  const atr = a.atr.value;
  const close = series.last(CANDLE.close);
  const d = s.dir;
  const risk = Math.abs(s.entry - s.stop);
  f[FX.side] = d;
  f[FX.setupFvg] = s.setup === "sweep-shift-fvg" ? 1 : 0;
  f[FX.setupOb] = s.setup === "sweep-shift-ob" ? 1 : 0;
  f[FX.zoneHeightAtr] = (s.zoneTop - s.zoneBottom) / atr;
  f[FX.stopDistanceAtr] = risk / atr;
  f[FX.targetDistanceAtr] = Math.abs(s.target - s.entry) / atr;
  f[FX.rewardRisk] = Math.abs(s.target - s.entry) / risk;
  f[FX.sweepDepthAtr] = Math.abs(s.sweepLevel - s.sweepExtreme) / atr;
  f[FX.candlesSinceSweep] = a.smc.t - s.sweepAt;
  f[FX.trend15m] = a.ema15m.ready && Number.isFinite(a.close15m) ? Math.sign(a.close15m - a.ema15m.value) * d : 0;
  f[FX.trend1h] = a.slope1h.ready ? Math.sign(a.slope1h.value) * d : 0;
  f[FX.atrPct] = atr / close;
  f[FX.volumeZ] = clip(a.volumeZ.value, -5, 5);
  f[FX.rsiAligned] = ((a.rsi.value - 50) / 50) * d;
  f[FX.fundingCostBps] = a.fundingRate * 10_000 * d;
  const hour = ((closeMs % 86_400_000) / 3_600_000) * ((2 * Math.PI) / 24);
  f[FX.hourSin] = Math.sin(hour);
  f[FX.hourCos] = Math.cos(hour);
  f[FX.distanceToEntryAtr] = ((close - s.entry) * d) / atr;
  return sanitize(f);
}
