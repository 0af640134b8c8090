/**
 * Synthetic price process per symbol: a log-price random walk with volatility regimes (quiet/normal/volatile)
 * and modes (trend up, trend down, mean-reverting range), so swings, breaks of structure and gaps occur.
 */
import type { SymbolSpec } from "../exchange/symbol-spec";
import type { Prng } from "../prng";

const RATE_MULT = [0.6, 1.0, 1.8];
/** Per-minute log volatility by regime, before the symbol's volFactor. */
const SIGMA_MIN = [0.0003, 0.0008, 0.002];
const REGIME_SWITCH = 1 / 45;
const MODE_SWITCH = 1 / 90;
const RANGE_PULL = 0.03;

export class PriceDynamics {
  readonly x: Float64Array;
  readonly regime: Uint8Array;
  readonly mode: Int8Array;
  readonly trend: Float64Array;
  readonly anchor: Float64Array;
  /** Per-update drift and volatility for the current minute, refreshed by minute(). */
  readonly mu: Float64Array;
  readonly sigma: Float64Array;
  /** Probability of an update in one 250 ms slot for the current minute. */
  readonly slotP: Float64Array;

  constructor(readonly specs: SymbolSpec[], private readonly rng: Prng) {
    const n = specs.length;
    this.x = new Float64Array(n);
    this.regime = new Uint8Array(n);
    this.mode = new Int8Array(n);
    this.trend = new Float64Array(n);
    this.anchor = new Float64Array(n);
    this.mu = new Float64Array(n);
    this.sigma = new Float64Array(n);
    this.slotP = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      this.x[i] = this.anchor[i] = Math.log(specs[i]!.startPrice);
      this.regime[i] = rng.next() < 0.3 ? 0 : rng.next() < 0.8 ? 1 : 2;
      this.newMode(i);
    }
  }

  /** Expected updates per minute for symbol i in its current regime. */
  updatesPerMinute(i: number): number {
    return Math.min(228, this.specs[i]!.activity * RATE_MULT[this.regime[i]!]! * 60);
  }

  /** Regime/mode transitions at a minute boundary, then this minute's per-update parameters. */
  minute(i: number): void {
    const rng = this.rng;
    if (rng.next() < REGIME_SWITCH) {
      const r = this.regime[i]!;
      const u = rng.next();
      this.regime[i] = r === 0 ? (u < 0.8 ? 1 : 2) : r === 1 ? (u < 0.6 ? 0 : 2) : u < 0.8 ? 1 : 0;
    }
    if (rng.next() < MODE_SWITCH) this.newMode(i);
    const perMin = this.updatesPerMinute(i);
    const sigmaMin = SIGMA_MIN[this.regime[i]!]! * this.specs[i]!.volFactor;
    // trend speed is tied to the normal regime's volatility: a volatile spell widens swings, it does not run away
    const trendMin = this.mode[i]! * this.trend[i]! * SIGMA_MIN[1]! * this.specs[i]!.volFactor;
    const driftMin = this.mode[i] === 0 ? -RANGE_PULL * (this.x[i]! - this.anchor[i]!) : trendMin;
    this.sigma[i] = sigmaMin / Math.sqrt(Math.max(1, perMin));
    this.mu[i] = driftMin / Math.max(1, perMin);
    this.slotP[i] = Math.min(0.95, perMin / 240);
  }

  /** One update scaled to stand for `weight` updates (history uses few steps per minute); returns the new log price. */
  step(i: number, weight = 1): number {
    let x = this.x[i]! + this.mu[i]! * weight + this.sigma[i]! * Math.sqrt(weight) * this.rng.normal();
    // reflect off 50 ticks: a price of a few ticks would stick on the grid and stop forming structure
    const floor = Math.log(this.specs[i]!.tickSize * 50);
    if (x < floor) x = 2 * floor - x;
    this.x[i] = x;
    return x;
  }

  /** Price of a log price on symbol i's tick grid, never below one tick. */
  price(i: number, x: number): number {
    const tick = this.specs[i]!.tickSize;
    return Math.max(1, Math.round(Math.exp(x) / tick)) * tick;
  }

  /** A trade's size in base units: log-normal notional around 1 500 USDT, whole steps, at least one step. */
  quantity(i: number, price: number): number {
    const spec = this.specs[i]!;
    const notional = Math.exp(Math.log(1500) + this.rng.normal()) * (spec.activity > 2 ? 3 : 1);
    return Math.max(1, Math.round(notional / price / spec.stepSize)) * spec.stepSize;
  }

  private newMode(i: number): void {
    const u = this.rng.next();
    this.mode[i] = u < 0.4 ? 0 : u < 0.7 ? 1 : -1;
    this.trend[i] = 0.1 + 0.25 * this.rng.next();
    this.anchor[i] = this.x[i]!;
  }
}
