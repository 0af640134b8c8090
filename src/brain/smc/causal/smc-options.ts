/** Causal SMC options, their defaults and validation: the one place that turns user settings into resolved numbers. */

/**
 * Half-width of a liquidity pool's membership band, frozen per swing when the swing is first accepted.
 * - range: rangePercent (a fraction, as the library's range_percent: 0.01 = 1 %) × (max high − min low) over the
 *   last `window` candles;
 * - atr: multiple × Wilder ATR(period) (a mean of true ranges until `period` candles exist);
 * - constant: a fixed band, e.g. the reference's whole-frame band injected for golden agreement.
 */
export type LiquidityBandOptions =
  | { readonly mode: "range"; readonly rangePercent: number; readonly window: number }
  | { readonly mode: "atr"; readonly multiple: number; readonly period: number }
  | { readonly mode: "constant"; readonly band: number };

export interface SmcOptions {
  /** L: a pivot is tested L candles after its row, over rows i-L+1 … i+L (the library's swing_length). */
  swingLength: number;
  /**
   * Golden agreement (default false): a start bookend swing at row 0, candidates from row 2L-1 (not L-1), and
   * BOS/CHOCH breaks tested against the float32-rounded level as the library does. Events still carry float64 prices.
   */
  compat?: boolean;
  /** Merge runs of adjacent same-sign FVGs (FVG_EXTENDED); mitigation then applies to the run. Default false. */
  joinConsecutiveFvg?: boolean;
  /** BOS/CHOCH break on the close (true, default) or on the high/low. */
  closeBreak?: boolean;
  /** Order blocks become breakers on the body (min/max of open and close) instead of the wick. Default false. */
  closeMitigation?: boolean;
  /** Default: range mode, 1 % over the last 500 candles. */
  liquidityBand?: LiquidityBandOptions;
  /** Candle ring size (rounded up to a power of two, at least 2L+2); only recent rows are ever read. Default 256. */
  historyCapacity?: number;
}

export interface ResolvedSmcOptions {
  readonly swingLength: number;
  readonly compat: boolean;
  readonly joinConsecutiveFvg: boolean;
  readonly closeBreak: boolean;
  readonly closeMitigation: boolean;
  readonly liquidityBand: LiquidityBandOptions;
  readonly historyCapacity: number;
}

export const DEFAULT_LIQUIDITY_BAND: LiquidityBandOptions = { mode: "range", rangePercent: 0.01, window: 500 };
export const DEFAULT_HISTORY_CAPACITY = 256;

const isPositiveInt = (n: number): boolean => Number.isInteger(n) && n > 0;

function checkBand(b: LiquidityBandOptions): LiquidityBandOptions {
  const ok =
    b.mode === "range"
      ? Number.isFinite(b.rangePercent) && b.rangePercent >= 0 && isPositiveInt(b.window)
      : b.mode === "atr"
        ? Number.isFinite(b.multiple) && b.multiple >= 0 && isPositiveInt(b.period)
        : Number.isFinite(b.band) && b.band >= 0;
  if (!ok) {
    throw new RangeError(
      `SmcDetector: liquidityBand ${JSON.stringify(b)} is invalid; use finite non-negative sizes and positive ` +
        `integer window/period, e.g. { mode: "range", rangePercent: 0.01, window: 500 }`,
    );
  }
  return { ...b };
}

/** Fills defaults and validates; throws RangeError naming the bad setting. */
export function resolveSmcOptions(o: SmcOptions): ResolvedSmcOptions {
  const L = o.swingLength;
  if (!isPositiveInt(L) || L > 10_000) {
    throw new RangeError(
      `SmcDetector: swingLength ${L} is invalid; pass an integer in [1, 10000] (the golden run uses 5)`,
    );
  }
  const need = 2 * L + 2;
  const asked = o.historyCapacity ?? DEFAULT_HISTORY_CAPACITY;
  if (!isPositiveInt(asked)) {
    throw new RangeError(`SmcDetector: historyCapacity ${asked} is invalid; pass a positive integer such as 256`);
  }
  let capacity = 1;
  while (capacity < Math.max(asked, need)) capacity *= 2;
  return {
    swingLength: L,
    compat: o.compat ?? false,
    joinConsecutiveFvg: o.joinConsecutiveFvg ?? false,
    closeBreak: o.closeBreak ?? true,
    closeMitigation: o.closeMitigation ?? false,
    liquidityBand: checkBand(o.liquidityBand ?? DEFAULT_LIQUIDITY_BAND),
    historyCapacity: capacity,
  };
}
