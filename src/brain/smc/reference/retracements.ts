/** smartmoneyconcepts 0.0.27 `retracements`: current and deepest retracement % of the leg since the last swing. */
import type { Ohlc } from "../ohlc";
import { pythonRound1 } from "./python-round";
import type { SwingResult } from "./swing-highs-lows";

export interface RetracementsResult {
  direction: Int32Array;
  currentRetracement: Float64Array;
  deepestRetracement: Float64Array;
}

export function retracements(ohlc: Ohlc, swings: SwingResult): RetracementsResult {
  const { high: h, low: l } = ohlc;
  const n = h.length;
  const dir = new Int32Array(n);
  const cur = new Float64Array(n);
  const deep = new Float64Array(n);
  let top = 0;
  let bottom = 0;
  for (let i = 0; i < n; i++) {
    const hl = swings.highLow[i];
    // For i = 0 the library reads row −1, i.e. row n−1, which is still 0 at that point (§3.8 step 2).
    const prevDir = i > 0 ? dir[i - 1]! : 0;
    const prevDeep = i > 0 ? deep[i - 1]! : 0;
    if (hl === 1) {
      dir[i] = 1;
      top = swings.level[i]!;
    } else if (hl === -1) {
      dir[i] = -1;
      bottom = swings.level[i]!;
    } else dir[i] = prevDir;
    if (prevDir === 1) {
      cur[i] = top === bottom ? 0 : pythonRound1(100 - ((l[i]! - bottom) / (top - bottom)) * 100);
      deep[i] = Math.max(prevDeep, cur[i]!);
    }
    // Overwrites the up-leg value on the candle of a new swing low (§3.8 step 3).
    if (dir[i] === -1) {
      cur[i] = top === bottom ? 0 : pythonRound1(100 - ((h[i]! - top) / (bottom - top)) * 100);
      deep[i] = Math.max(prevDir === -1 ? prevDeep : 0, cur[i]!);
    }
  }
  shiftDown(dir);
  shiftDown(cur);
  shiftDown(deep);
  zeroStart(dir, cur, deep);
  return { direction: dir, currentRetracement: cur, deepestRetracement: deep };
}

/** §3.8 step 4: np.roll by one, so the last row wraps around to row 0. */
function shiftDown(a: Int32Array | Float64Array): void {
  if (a.length < 2) return;
  const last = a[a.length - 1]!;
  a.copyWithin(1, 0, a.length - 1);
  a[0] = last;
}

/** §3.8 step 5: zero rows from the top until the third change of (shifted) direction. */
function zeroStart(dir: Int32Array, cur: Float64Array, deep: Float64Array): void {
  let changes = 0;
  for (let i = 0; i + 1 < dir.length; i++) {
    if (dir[i] !== dir[i + 1]) changes++;
    dir[i] = cur[i] = deep[i] = 0;
    if (changes === 3) {
      dir[i + 1] = cur[i + 1] = deep[i + 1] = 0;
      break;
    }
  }
}
