/** smartmoneyconcepts 0.0.27 `ob`: order blocks from swing crossings, turned breaker when traded through, then deleted. */
import type { Ohlc } from "../ohlc";
import type { SwingResult } from "./swing-highs-lows";

export interface OrderBlockResult {
  ob: Float64Array;
  top: Float32Array;
  bottom: Float32Array;
  obVolume: Float32Array;
  /** Row the block turned breaker (bullish: the candle before the break, §3.4); 0 = never. */
  mitigatedIndex: Float64Array;
  percentage: Float32Array;
}

/** Per-row state shared by both passes: `breaker` is shared by both directions and never cleared (§3.4). */
interface State {
  ob: Int8Array;
  top: Float32Array;
  bottom: Float32Array;
  obVolume: Float32Array;
  lowVol: Float32Array;
  highVol: Float32Array;
  percentage: Float32Array;
  mitigated: Int32Array;
  breaker: Uint8Array;
  crossed: Uint8Array;
}

/** Told of every block the passes create (crossing candle, zone row, direction), deleted ones too: the causal tests' oracle. */
export type OnBlockCreated = (at: number, zone: number, dir: 1 | -1) => void;

export function orderBlocks(ohlc: Ohlc, swings: SwingResult, closeMitigation = false, onCreate?: OnBlockCreated): OrderBlockResult {
  const n = ohlc.close.length;
  const s: State = {
    ob: new Int8Array(n),
    top: new Float32Array(n),
    bottom: new Float32Array(n),
    obVolume: new Float32Array(n),
    lowVol: new Float32Array(n),
    highVol: new Float32Array(n),
    percentage: new Float32Array(n),
    mitigated: new Int32Array(n),
    breaker: new Uint8Array(n),
    crossed: new Uint8Array(n),
  };
  runPass(ohlc, swings, s, 1, closeMitigation, onCreate);
  runPass(ohlc, swings, s, -1, closeMitigation, onCreate);
  const nan = (f: (k: number) => number) => (_: number, k: number) => (s.ob[k] === 0 ? Number.NaN : f(k));
  return {
    ob: Float64Array.from(s.ob, nan((k) => s.ob[k]!)),
    top: Float32Array.from(s.top, nan((k) => s.top[k]!)),
    bottom: Float32Array.from(s.bottom, nan((k) => s.bottom[k]!)),
    obVolume: Float32Array.from(s.obVolume, nan((k) => s.obVolume[k]!)),
    mitigatedIndex: Float64Array.from(s.mitigated, nan((k) => s.mitigated[k]!)),
    percentage: Float32Array.from(s.percentage, nan((k) => s.percentage[k]!)),
  };
}

/** One direction over all candles; the bearish pass mirrors the bullish one with the differences of §3.4. */
function runPass(ohlc: Ohlc, swings: SwingResult, s: State, dir: 1 | -1, closeMitigation: boolean, onCreate?: OnBlockCreated): void {
  const { open: o, high: h, low: l, close: c } = ohlc;
  const n = c.length;
  const active: number[] = []; // insertion order; the same row may appear twice, as in the library's list
  let lastSwing = -1;
  for (let i = 0; i < n; i++) {
    for (const k of active.slice()) {
      if (s.breaker[k]) {
        if (dir === 1 ? h[i]! > s.top[k]! : l[i]! < s.bottom[k]!) {
          deleteBlock(s, k);
          active.splice(active.indexOf(k), 1);
        }
      } else if (dir === 1) {
        if ((closeMitigation ? Math.min(o[i]!, c[i]!) : l[i]!) < s.bottom[k]!) {
          s.breaker[k] = 1;
          s.mitigated[k] = i - 1; // the candle before the break: using i changes 14 golden rows (§3.4)
        }
      } else if ((closeMitigation ? Math.max(o[i]!, c[i]!) : h[i]!) > s.top[k]!) {
        s.breaker[k] = 1;
        s.mitigated[k] = i;
      }
    }
    // The last swing of this direction strictly before i (bookends included); step 1 runs before step 2.
    if (i > 0 && swings.highLow[i - 1] === dir) lastSwing = i - 1;
    if (lastSwing < 0 || s.crossed[lastSwing]) continue;
    const crosses = dir === 1 ? c[i]! > h[lastSwing]! : c[i]! < l[lastSwing]!;
    if (!crosses) continue;
    s.crossed[lastSwing] = 1;
    const zone = createBlock(ohlc, s, dir, lastSwing, i);
    active.push(zone);
    onCreate?.(i, zone, dir);
  }
}

function createBlock(ohlc: Ohlc, s: State, dir: 1 | -1, swing: number, i: number): number {
  const { high: h, low: l, volume: v } = ohlc;
  let zone = i - 1;
  // i = s+1: bullish takes Top = low and Bottom = high of row i−1 (swapped); bearish does not swap (§3.4).
  let top = dir === 1 ? l[zone]! : h[zone]!;
  let bottom = dir === 1 ? h[zone]! : l[zone]!;
  if (i - swing > 1) {
    zone = swing + 1;
    // Lowest low (bullish) or highest high (bearish) in s+1 … i−1; ties go to the latest candle (7 golden rows).
    for (let k = swing + 2; k < i; k++) if (dir === 1 ? l[k]! <= l[zone]! : h[k]! >= h[zone]!) zone = k;
    top = h[zone]!;
    bottom = l[zone]!;
  }
  const v0 = v[i]!;
  const v1 = i >= 1 ? v[i - 1]! : 0;
  const v2 = i >= 2 ? v[i - 2]! : 0;
  s.ob[zone] = dir;
  s.top[zone] = top;
  s.bottom[zone] = bottom;
  s.obVolume[zone] = v0 + v1 + v2;
  s.lowVol[zone] = dir === 1 ? v2 : v0 + v1;
  s.highVol[zone] = dir === 1 ? v0 + v1 : v2;
  s.percentage[zone] = volumePercentage(s.lowVol[zone]!, s.highVol[zone]!);
  return zone;
}

/**
 * min/max of the float32 volumes × 100, or 100 when the maximum is 0. The library divides numpy float32 scalars, so
 * the quotient is rounded to float32 before the × 100 (not pinned by the goldens: their volume is all 0, §8).
 */
function volumePercentage(lowVol: number, highVol: number): number {
  const max = Math.max(highVol, lowVol);
  if (max === 0) return 100;
  return Math.fround(Math.min(highVol, lowVol) / max) * 100;
}

function deleteBlock(s: State, k: number): void {
  s.ob[k] = 0;
  s.top[k] = s.bottom[k] = s.obVolume[k] = s.lowVol[k] = s.highVol[k] = s.percentage[k] = 0;
  s.mitigated[k] = 0;
}
