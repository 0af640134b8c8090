/** The library's order-block pass (docs §3.4) over a final swing list, logging every creation: the OB oracle for causal mode. */
import { orderBlocks } from "../../src/brain/smc/reference/order-blocks";
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

/**
 * highLow: the swing list per row (+1, -1 or NaN), bookends included. The production reference port does the pass;
 * this only logs its creations and turns its NaN rows into 0, as the tests compare them.
 */
export function referenceOrderBlocks(c: Candles, highLow: Float64Array, closeMitigation = false): ReferenceOb {
  const creations: ObCreation[] = [];
  const swings = { highLow, level: new Float64Array(c.n).fill(Number.NaN) };
  const r = orderBlocks(c, swings, closeMitigation, (at, idx, dir) => creations.push({ at, idx, dir }));
  const zero = (x: number): number => (Number.isNaN(x) ? 0 : x);
  return {
    creations,
    ob: Int8Array.from(r.ob, zero),
    top: Float32Array.from(r.top, zero),
    bottom: Float32Array.from(r.bottom, zero),
    mitigated: Float64Array.from(r.mitigatedIndex, zero),
  };
}
