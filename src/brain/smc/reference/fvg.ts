/** smartmoneyconcepts 0.0.27 `fvg`: fair value gaps on the middle of three candles, optionally joined, with first touch. */
import type { Ohlc } from "../ohlc";

export interface FvgResult {
  /** +1 bullish, −1 bearish, NaN none. */
  fvg: Float64Array;
  top: Float64Array;
  bottom: Float64Array;
  /** Row of the first candle from i+2 on that trades into the gap; 0 = never; NaN without a gap. */
  mitigatedIndex: Float64Array;
}

export function fvg(ohlc: Ohlc, joinConsecutive = false): FvgResult {
  const { open: o, high: h, low: l, close: c } = ohlc;
  const n = c.length;
  const dir = new Float64Array(n).fill(Number.NaN);
  const top = new Float64Array(n).fill(Number.NaN);
  const bottom = new Float64Array(n).fill(Number.NaN);
  // Rows 0 and n−1 lack a neighbour (pandas shift gives NaN, every comparison false), §3.1 step 3.
  for (let i = 1; i < n - 1; i++) {
    if (c[i]! > o[i]! && h[i - 1]! < l[i + 1]!) {
      dir[i] = 1;
      top[i] = l[i + 1]!;
      bottom[i] = h[i - 1]!;
    } else if (c[i]! < o[i]! && l[i - 1]! > h[i + 1]!) {
      dir[i] = -1;
      top[i] = l[i - 1]!;
      bottom[i] = h[i + 1]!;
    }
  }
  if (joinConsecutive) joinRuns(dir, top, bottom);
  const mitigatedIndex = new Float64Array(n).fill(Number.NaN);
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(dir[i]!)) continue;
    // The search starts at i+2 (§3.1 step 5): candle i+1 always touches the gap edge.
    let j = i + 2;
    if (dir[i] === 1) while (j < n && !(l[j]! <= top[i]!)) j++;
    else while (j < n && !(h[j]! >= bottom[i]!)) j++;
    mitigatedIndex[i] = j < n ? j : 0;
  }
  return { fvg: dir, top, bottom, mitigatedIndex };
}

/** §3.1 step 4: a sequential walk, so a run of same-sign gaps collapses onto its last row with the widest bounds. */
function joinRuns(dir: Float64Array, top: Float64Array, bottom: Float64Array): void {
  for (let i = 0; i + 1 < dir.length; i++) {
    if (dir[i] !== dir[i + 1]) continue; // NaN never equals NaN, as in numpy
    top[i + 1] = Math.max(top[i]!, top[i + 1]!);
    bottom[i + 1] = Math.min(bottom[i]!, bottom[i + 1]!);
    dir[i] = top[i] = bottom[i] = Number.NaN;
  }
}
