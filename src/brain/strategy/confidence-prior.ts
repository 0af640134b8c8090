/** Transparent rule-based confidence until the learning model replaces it: a logistic of weighted, documented evidence. */
import { FX } from "./features";

/** Each weight is a log-odds contribution; the README's strategy section lists the same table. */
export const PRIOR_WEIGHTS = {
  bias: 0.15,
  trend15m: 0.35, // trading with the 15m trend
  trend1h: 0.3, // and with the 1h slope
  rewardRisk: 0.12, // per unit of reward:risk above 2, capped at +2 units
  fvg: 0.08, // a gap is a cleaner imbalance than an order block
  volumeZ: 0.06, // per unit of volume z-score on the arming candle, clipped to [-2, 3]
  sweepDepth: 0.1, // a decisive but not runaway sweep: 0.1–1.5 ATR beyond the level
  rsiStretched: -0.25, // entering long above RSI 70 (short below 30)
  fundingAgainst: -0.1, // paying more than 5 bps funding per interval to hold the trade
} as const;

const clip = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export function priorConfidence(f: Float64Array): number {
  const w = PRIOR_WEIGHTS;
  let z = w.bias;
  z += w.trend15m * f[FX.trend15m]!;
  z += w.trend1h * f[FX.trend1h]!;
  z += w.rewardRisk * clip(f[FX.rewardRisk]! - 2, -1, 2);
  z += w.fvg * f[FX.setupFvg]!;
  z += w.volumeZ * clip(f[FX.volumeZ]!, -2, 3);
  const depth = f[FX.sweepDepthAtr]!;
  if (depth >= 0.1 && depth <= 1.5) z += w.sweepDepth;
  if (f[FX.rsiAligned]! > 0.4) z += w.rsiStretched;
  if (f[FX.fundingCostBps]! > 5) z += w.fundingAgainst;
  const p = 1 / (1 + Math.exp(-z));
  return Number.isFinite(p) ? p : 0;
}
