/** smartmoneyconcepts 0.0.27 `liquidity`: pools of equal swing highs or lows inside a band, until a candle sweeps it. */
import type { Ohlc } from "../ohlc";
import type { SwingResult } from "./swing-highs-lows";

/** All four columns are float32 in the library (§2); row indices are exact below 2^24 rows. */
export interface LiquidityResult {
  liquidity: Float32Array;
  level: Float32Array;
  end: Float32Array;
  /** First candle after the anchor beyond the band; 0 = never swept. */
  swept: Float32Array;
}

export function liquidity(ohlc: Ohlc, swings: SwingResult, rangePercent = 0.01): LiquidityResult {
  const { high: h, low: l } = ohlc;
  const n = h.length;
  const out: LiquidityResult = {
    liquidity: new Float32Array(n).fill(Number.NaN),
    level: new Float32Array(n).fill(Number.NaN),
    end: new Float32Array(n).fill(Number.NaN),
    swept: new Float32Array(n).fill(Number.NaN),
  };
  // §3.5 step 1: the band uses the high and low of the whole frame (the irreducible look-ahead of §5).
  let maxH = Number.NEGATIVE_INFINITY;
  let minL = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    if (h[i]! > maxH) maxH = h[i]!;
    if (l[i]! < minL) minL = l[i]!;
  }
  const pip = (maxH - minL) * rangePercent;
  for (const dir of [1, -1] as const) {
    const rows: number[] = [];
    for (let i = 0; i < n; i++) if (swings.highLow[i] === dir) rows.push(i);
    poolsOf(rows, dir, pip, ohlc, swings.level, out);
  }
  return out;
}

/** §3.5 step 3 for one direction; bookends are ordinary swings here. */
function poolsOf(rows: number[], dir: 1 | -1, pip: number, ohlc: Ohlc, lv: Float64Array, out: LiquidityResult): void {
  const n = ohlc.high.length;
  const consumed = new Uint8Array(rows.length);
  for (let a = 0; a < rows.length; a++) {
    if (consumed[a]) continue;
    const i = rows[a]!;
    const lo = lv[i]! - pip;
    const hi = lv[i]! + pip;
    let swept = i + 1;
    if (dir === 1) while (swept < n && !(ohlc.high[swept]! >= hi)) swept++;
    else while (swept < n && !(ohlc.low[swept]! <= lo)) swept++;
    if (swept >= n) swept = 0;
    consumed[a] = 1;
    let sum = lv[i]!;
    let count = 1;
    let end = i;
    for (let b = a + 1; b < rows.length; b++) {
      const j = rows[b]!;
      // 0.0.26+ excludes a member on the sweep candle itself (§8); Swept 0 means no limit.
      if (swept !== 0 && j >= swept) break;
      if (consumed[b] || lv[j]! < lo || lv[j]! > hi) continue;
      consumed[b] = 1;
      sum += lv[j]!;
      count++;
      end = j;
    }
    if (count < 2) continue;
    out.liquidity[i] = dir;
    out.level[i] = sum / count; // summed in row order, then stored as float32
    out.end[i] = end;
    out.swept[i] = swept;
  }
}
