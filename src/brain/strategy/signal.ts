/** A trade the strategy proposes: an entry order with its protective stop and target, and why. */

export type SetupKind = "sweep-shift-fvg" | "sweep-shift-ob";
export type Side = "LONG" | "SHORT";

export interface Signal {
  readonly symbolId: number;
  readonly symbol: string;
  readonly side: Side;
  readonly setup: SetupKind;
  /** Limit entry at the near edge of the zone; the stop and target close the trade. */
  readonly entry: number;
  readonly stop: number;
  readonly target: number;
  readonly rewardRisk: number;
  readonly confidence: number;
  /** Close time of the strategy candle that armed the setup (exchange time, ms). */
  readonly atMs: number;
  /** The entry order is not worth placing after this (exchange time, ms). */
  readonly expiresAtMs: number;
  /** The numeric features the confidence was computed from (layout: strategy/features FEATURE_NAMES). */
  readonly features: Float64Array;
}

/** One readable line per signal, for the log. */
export function describeSignal(s: Signal): string {
  const p = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(2) : x.toPrecision(6));
  return (
    `signal ${s.symbol} ${s.side} ${s.setup} entry ${p(s.entry)} stop ${p(s.stop)} target ${p(s.target)} ` +
    `rr ${s.rewardRisk.toFixed(2)} confidence ${s.confidence.toFixed(2)}`
  );
}
