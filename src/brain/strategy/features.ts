/** The feature vector of a candidate: fixed layout, numbers only, side-adjusted so "good for the trade" is positive. */

export const FEATURE_NAMES = [
  "side", // +1 long, -1 short
  "setupFvg", // 1 when the entry zone is a fair value gap
  "setupOb", // 1 when it is an order block
  "zoneHeightAtr",
  "stopDistanceAtr",
  "targetDistanceAtr",
  "rewardRisk",
  "sweepDepthAtr", // how far price ran beyond the swept level
  "candlesSinceSweep",
  "trend15m", // +1 with the 15m trend (close vs EMA50), -1 against, 0 unknown
  "trend1h", // +1 with the 1h EMA20 slope, -1 against, 0 unknown
  "atrPct", // volatility: ATR / price
  "volumeZ", // strategy-timeframe volume z-score (20), clipped to ±5
  "rsiAligned", // (RSI14 - 50) / 50, times side
  "fundingCostBps", // funding rate in bps times side: positive = this trade pays funding
  "hourSin", // time of day (UTC)
  "hourCos",
  "distanceToEntryAtr", // how far the last close is from the entry, toward profit
] as const;

export const FEATURE_COUNT = FEATURE_NAMES.length;
export const FX = Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, i])) as { readonly [K in (typeof FEATURE_NAMES)[number]]: number };

/** NaN and infinities become 0 (unknown), so a model never sees a non-number. */
export function sanitize(v: Float64Array): Float64Array {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i]!)) v[i] = 0;
  return v;
}
