/** The library's order-block pass (docs §3.4) over a final swing list, logging every creation: the OB oracle for causal mode. */
import type { Candles } from "./smc-csv";

export interface ObCreation {
  /** Crossing candle. */
  readonly at: number;
  /** Zone row. */
  readonly idx: number;
  readonly dir: 1 | -1;
}

export interface ReferenceOb {
  readonly creations: ObCreation[];
  /** Per row, as the library outputs it: 0 where no block survives. */
  readonly ob: Int8Array;
  readonly top: Float32Array;
  readonly bottom: Float32Array;
  readonly mitigated: Float64Array;
}

/** highLow: the swing list per row (+1, -1 or NaN), bookends included. Volumes are not modelled (golden volume is 0). */
export function referenceOrderBlocks(c: Candles, highLow: Float64Array, closeMitigation = false): ReferenceOb {
  const n = c.n;
  const ob = new Int8Array(n);
  const top = new Float32Array(n);
  const bottom = new Float32Array(n);
  const mitigated = new Float64Array(n);
  const breaker = new Uint8Array(n); // shared by both passes and never cleared, as in the library
  const crossed = new Uint8Array(n);
  const creations: ObCreation[] = [];
  for (const dir of [1, -1] as const) {
    const active: number[] = [];
    let last = -1; // last swing row of this type below i
    for (let i = 0; i < n; i++) {
      for (const k of [...active]) {
        if (breaker[k] === 1) {
          if (dir === 1 ? c.high[i]! > top[k]! : c.low[i]! < bottom[k]!) {
            ob[k] = 0;
            top[k] = 0;
            bottom[k] = 0;
            mitigated[k] = 0;
            active.splice(active.indexOf(k), 1);
          }
        } else if (dir === 1) {
          const low = closeMitigation ? Math.min(c.open[i]!, c.close[i]!) : c.low[i]!;
          if (low < bottom[k]!) {
            breaker[k] = 1;
            mitigated[k] = i - 1;
          }
        } else {
          const high = closeMitigation ? Math.max(c.open[i]!, c.close[i]!) : c.high[i]!;
          if (high > top[k]!) {
            breaker[k] = 1;
            mitigated[k] = i;
          }
        }
      }
      if (i > 0 && highLow[i - 1] === dir) last = i - 1;
      if (last < 0 || crossed[last] === 1) continue;
      const s = last;
      if (dir === 1 ? !(c.close[i]! > c.high[s]!) : !(c.close[i]! < c.low[s]!)) continue;
      crossed[s] = 1;
      let zone = i - 1;
      let zt = dir === 1 ? c.low[zone]! : c.high[zone]!;
      let zb = dir === 1 ? c.high[zone]! : c.low[zone]!;
      if (i - s > 1) {
        zone = s + 1; // lowest low (highest high for -1) in s+1 … i-1, the latest on ties
        for (let j = s + 2; j < i; j++) if (dir === 1 ? c.low[j]! <= c.low[zone]! : c.high[j]! >= c.high[zone]!) zone = j;
        zt = c.high[zone]!;
        zb = c.low[zone]!;
      }
      ob[zone] = dir;
      top[zone] = zt;
      bottom[zone] = zb;
      active.push(zone);
      creations.push({ at: i, idx: zone, dir });
    }
  }
  return { creations, ob, top, bottom, mitigated };
}
