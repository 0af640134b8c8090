/** smartmoneyconcepts 0.0.27 `bos_choch`: break of structure and change of character from the last four swings. */
import type { Ohlc } from "../ohlc";
import type { SwingResult } from "./swing-highs-lows";

export interface BosChochResult {
  bos: Float64Array;
  choch: Float64Array;
  /** The broken level, stored as float32 like the library (§2). */
  level: Float32Array;
  /** Row of the breaking candle; may stay set on rows whose label was cleared (§3.3 step 4). */
  brokenIndex: Float64Array;
}

export function bosChoch(ohlc: Ohlc, swings: SwingResult, closeBreak = true): BosChochResult {
  const n = ohlc.close.length;
  const bos = new Int8Array(n);
  const choch = new Int8Array(n);
  const level = new Float32Array(n);
  labelPatterns(swings, bos, choch, level);
  const broken = findBreaks(ohlc, bos, choch, level, closeBreak);
  // §3.3 step 3: labels that never broke are cleared.
  for (let i = 0; i < n; i++) {
    if ((bos[i] !== 0 || choch[i] !== 0) && broken[i] === 0) bos[i] = choch[i] = level[i] = 0;
  }
  return {
    bos: zeroToNaN(bos),
    choch: zeroToNaN(choch),
    level: Float32Array.from(level, (v) => (v === 0 ? Number.NaN : v)),
    brokenIndex: zeroToNaN(broken),
  };
}

/** §3.3 step 1: tested once, when X1 arrives; the label and level l3 go on X3's row. l2 == l4 labels nothing. */
function labelPatterns(swings: SwingResult, bos: Int8Array, choch: Int8Array, level: Float32Array): void {
  const rows: number[] = [];
  const { highLow, level: lv } = swings;
  for (let i = 0; i < highLow.length; i++) {
    const t1 = highLow[i]!;
    if (Number.isNaN(t1)) continue;
    rows.push(i);
    const m = rows.length;
    if (m < 4) continue;
    const [r4, r3, r2] = [rows[m - 4]!, rows[m - 3]!, rows[m - 2]!];
    const [t4, t3, t2] = [highLow[r4]!, highLow[r3]!, highLow[r2]!];
    const [l4, l3, l2, l1] = [lv[r4]!, lv[r3]!, lv[r2]!, lv[i]!];
    const up = t4 === -1 && t3 === 1 && t2 === -1 && t1 === 1;
    const down = t4 === 1 && t3 === -1 && t2 === 1 && t1 === -1;
    let b = 0;
    let c = 0;
    if (up && l4 < l2 && l2 < l3 && l3 < l1) b = 1;
    if (down && l4 > l2 && l2 > l3 && l3 > l1) b = -1;
    if (up && l1 > l3 && l3 > l4 && l4 > l2) c = 1;
    if (down && l1 < l3 && l3 < l4 && l4 < l2) c = -1;
    bos[r3] = b;
    choch[r3] = c;
    level[r3] = b !== 0 || c !== 0 ? l3 : 0; // float32 store: later break tests use the rounded level (§2)
  }
}

/**
 * §3.3 step 2: first close beyond the float32 level from p+2 on. A break at j clears every still-labelled earlier
 * row whose own break is at or after j, but leaves that row's BrokenIndex set (`>=`, not `>`: 25 golden rows).
 */
function findBreaks(ohlc: Ohlc, bos: Int8Array, choch: Int8Array, level: Float32Array, closeBreak: boolean): Int32Array {
  const n = ohlc.close.length;
  const up = closeBreak ? ohlc.close : ohlc.high;
  const down = closeBreak ? ohlc.close : ohlc.low;
  const broken = new Int32Array(n);
  const labelled: number[] = [];
  for (let i = 0; i < n; i++) if (bos[i] !== 0 || choch[i] !== 0) labelled.push(i);
  for (const p of labelled) {
    const lvl = level[p]!;
    const bullish = bos[p] === 1 || choch[p] === 1;
    let j = p + 2;
    if (bullish) while (j < n && !(up[j]! > lvl)) j++;
    else while (j < n && !(down[j]! < lvl)) j++;
    if (j >= n) continue;
    broken[p] = j;
    for (const k of labelled) {
      if (k >= p) break;
      if ((bos[k] !== 0 || choch[k] !== 0) && broken[k]! >= j) bos[k] = choch[k] = level[k] = 0;
    }
  }
  return broken;
}

function zeroToNaN(a: Int8Array | Int32Array): Float64Array {
  return Float64Array.from(a, (v) => (v === 0 ? Number.NaN : v));
}
