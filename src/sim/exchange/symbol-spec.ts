/** One market symbol as the simulator trades it: names, tick/step and their decimals, and its market character. */
import { stepDecimals } from "../decimals";
import type { Prng } from "../prng";

export interface SymbolSpec {
  /** exchangeInfo spelling, e.g. "BTCUSDT", "币安人生USDT". */
  symbol: string;
  /** Stream-name spelling: lower case (CJK lower-cases to itself). */
  lower: string;
  base: string;
  tickText: string;
  tickSize: number;
  priceDecimals: number;
  stepText: string;
  stepSize: number;
  qtyDecimals: number;
  /** Decimals of quote volumes (price × qty), capped at 8. */
  quoteDecimals: number;
  minNotional: number;
  /** Synthetic market: starting price. */
  startPrice: number;
  /** Synthetic market: trade updates per sim-second in the normal regime. */
  activity: number;
  /** Synthetic market: multiplier on the regime's per-minute volatility. */
  volFactor: number;
}

/** Fills the derived fields from tick/step text. */
export function makeSpec(f: {
  symbol: string;
  base: string;
  tickText: string;
  stepText: string;
  minNotional: number;
  startPrice: number;
  activity: number;
  volFactor: number;
}): SymbolSpec {
  const priceDecimals = stepDecimals(f.tickText);
  const qtyDecimals = stepDecimals(f.stepText);
  return {
    ...f,
    lower: f.symbol.toLowerCase(),
    tickSize: Number(f.tickText),
    priceDecimals,
    stepSize: Number(f.stepText),
    qtyDecimals,
    quoteDecimals: Math.min(8, priceDecimals + qtyDecimals),
  };
}

/**
 * Trade updates per sim-second: a few busy symbols, many quiet ones; mean ≈ 0.8 once the regime multipliers
 * (which average 1) are applied.
 */
export function drawActivity(rng: Prng): number {
  const u = rng.next();
  if (u < 0.05) return 2.6 + 1.2 * rng.next();
  if (u < 0.4) return 0.8 + 0.8 * rng.next();
  return 0.2 + 0.4 * rng.next();
}
