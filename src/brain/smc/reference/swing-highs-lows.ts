/** smartmoneyconcepts 0.0.27 `swing_highs_lows`: windowed pivots, one extreme per run of same-type pivots, bookends. */
import type { Ohlc } from "../ohlc";

export interface SwingResult {
  /** +1 swing high, −1 swing low, NaN none. */
  highLow: Float64Array;
  /** high of a swing high, low of a swing low, NaN otherwise. */
  level: Float64Array;
}

export function swingHighsLows(ohlc: Ohlc, swingLength = 50): SwingResult {
  const { high: h, low: l } = ohlc;
  const n = h.length;
  const L = swingLength;
  const highLow = new Float64Array(n).fill(Number.NaN);
  const level = new Float64Array(n).fill(Number.NaN);
  const candidates = findCandidates(h, l, L);
  const kept = keepRunExtremes(candidates, h, l);
  if (kept.length === 0) return { highLow, level };
  for (const [row, type] of kept) highLow[row] = type;
  // §3.2 step 4: bookends overwrite rows 0 and n−1 with the type opposite to the first and last swing.
  highLow[0] = -kept[0]![1];
  highLow[n - 1] = -kept[kept.length - 1]![1];
  for (let i = 0; i < n; i++) {
    if (highLow[i] === 1) level[i] = h[i]!;
    else if (highLow[i] === -1) level[i] = l[i]!;
  }
  return { highLow, level };
}

/**
 * §3.2 steps 1–2. The window is rows i−L+1 … i+L and the first candidate is 2L−1, not L−1: the library takes a
 * rolling max over 2L values of a series shifted by L. A candle that is both the window's high and low is a high.
 */
function findCandidates(h: Float64Array, l: Float64Array, L: number): [number, 1 | -1][] {
  const out: [number, 1 | -1][] = [];
  for (let i = 2 * L - 1; i <= h.length - 1 - L; i++) {
    let maxH = Number.NEGATIVE_INFINITY;
    let minL = Number.POSITIVE_INFINITY;
    for (let k = i - L + 1; k <= i + L; k++) {
      if (h[k]! > maxH) maxH = h[k]!;
      if (l[k]! < minL) minL = l[k]!;
    }
    if (h[i] === maxH) out.push([i, 1]);
    else if (l[i] === minL) out.push([i, -1]);
  }
  return out;
}

/**
 * §3.2 step 3 in its verified closed form: within each maximal run of same-type candidates keep only the earliest
 * highest high (or lowest low). Ties keep the earlier candle, as the library's pairwise `>=`/`<=` removal does.
 */
function keepRunExtremes(candidates: [number, 1 | -1][], h: Float64Array, l: Float64Array): [number, 1 | -1][] {
  const kept: [number, 1 | -1][] = [];
  for (const cand of candidates) {
    const last = kept[kept.length - 1];
    if (last === undefined || last[1] !== cand[1]) {
      kept.push(cand);
      continue;
    }
    const better = cand[1] === 1 ? h[cand[0]]! > h[last[0]]! : l[cand[0]]! < l[last[0]]!;
    if (better) kept[kept.length - 1] = cand;
  }
  return kept;
}
