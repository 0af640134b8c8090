import { describe, expect, test } from "bun:test";
import {
  Atr, atr, Ema, ema, EmaSlope, emaSlope, RollingMax, rollingMax, RollingMin, rollingMin, Rsi, rsi, Sma, sma,
  VolumeZScore, volumeZScore, WilderAverage, wilderAverage,
} from "../../../src/brain/indicators";
import { seededRandom } from "../../support/seeded-random";

interface Walk { high: Float64Array; low: Float64Array; close: Float64Array; volume: Float64Array }

/** A price walk with flat stretches and zero-volume runs, the cases that break divisions. */
function walk(seed: number, n: number): Walk {
  const rnd = seededRandom(seed);
  const w: Walk = { high: new Float64Array(n), low: new Float64Array(n), close: new Float64Array(n), volume: new Float64Array(n) };
  let px = 10 + rnd() * 1000;
  let flat = 0;
  for (let i = 0; i < n; i++) {
    if (flat === 0 && rnd() < 0.01) flat = 1 + Math.floor(rnd() * 40);
    if (flat > 0) {
      flat--;
      w.high[i] = w.low[i] = w.close[i] = px;
      w.volume[i] = 0;
      continue;
    }
    const open = px;
    px = Math.max(0.01, px * (1 + (rnd() - 0.5) * 0.01));
    w.close[i] = px;
    w.high[i] = Math.max(open, px) * (1 + rnd() * 0.002);
    w.low[i] = Math.min(open, px) * (1 - rnd() * 0.002);
    w.volume[i] = rnd() < 0.02 ? rnd() * 1e6 : rnd() * 1e3;
  }
  return w;
}

/** Streams `xs` through update(), twice with a reset() between: both passes must give the same values. */
function stream(n: number, reset: () => void, update: (i: number) => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = update(i);
  reset();
  for (let i = 0; i < n; i++) if (!Object.is(update(i), out[i])) throw new Error(`replay after reset() differs at ${i}`);
  return out;
}

function expectSame(name: string, seed: number, a: Float64Array, b: Float64Array, tol = 0, floor = 0): void {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (Number.isNaN(x) !== Number.isNaN(y)) throw new Error(`${name} seed ${seed} row ${i}: ${x} vs ${y}`);
    if (Number.isNaN(x)) continue;
    if (!Number.isFinite(x)) throw new Error(`${name} seed ${seed} row ${i}: ${x}`);
    const rel = Math.abs(x - y) / Math.max(Math.abs(y), floor);
    if (tol === 0 ? x !== y : !(rel <= tol)) throw new Error(`${name} seed ${seed} row ${i}: ${x} vs ${y} (rel ${rel})`);
  }
}

describe("batch form equals streaming form", () => {
  const N = 5_000;
  for (const seed of [1, 2, 3, 42, 2025]) {
    test(`seed ${seed}`, () => {
      const w = walk(seed, N);
      const c = w.close;
      for (const p of [1, 2, 14, 50]) {
        const e = new Ema(p);
        expectSame(`EMA(${p})`, seed, stream(N, () => e.reset(), (i) => e.update(c[i]!)), ema(c, p));
        const s = new Sma(p);
        expectSame(`SMA(${p})`, seed, stream(N, () => s.reset(), (i) => s.update(c[i]!)), sma(c, p), 1e-12);
        const wa = new WilderAverage(p);
        expectSame(`Wilder(${p})`, seed, stream(N, () => wa.reset(), (i) => wa.update(w.volume[i]!)), wilderAverage(w.volume, p));
        const r = new Rsi(p);
        expectSame(`RSI(${p})`, seed, stream(N, () => r.reset(), (i) => r.update(c[i]!)), rsi(c, p));
        const a = new Atr(p);
        expectSame(`ATR(${p})`, seed, stream(N, () => a.reset(), (i) => a.update(w.high[i]!, w.low[i]!, c[i]!)), atr(w.high, w.low, c, p));
        const hi = new RollingMax(p);
        expectSame(`max(${p})`, seed, stream(N, () => hi.reset(), (i) => hi.update(w.high[i]!)), rollingMax(w.high, p));
        const lo = new RollingMin(p);
        expectSame(`min(${p})`, seed, stream(N, () => lo.reset(), (i) => lo.update(w.low[i]!)), rollingMin(w.low, p));
        const sl = new EmaSlope(p, 5);
        expectSame(`slope(${p},5)`, seed, stream(N, () => sl.reset(), (i) => sl.update(c[i]!)), emaSlope(c, p, 5));
        if (p >= 2) {
          const z = new VolumeZScore(p);
          expectSame(`z(${p})`, seed, stream(N, () => z.reset(), (i) => z.update(w.volume[i]!)), volumeZScore(w.volume, p), 1e-10, 1);
        }
      }
    });
  }

  test("warm-up lengths: NaN before warmUp inputs, a value from then on", () => {
    const w = walk(7, 300);
    const units = [
      { u: new Ema(21), f: (u: Ema, i: number) => u.update(w.close[i]!) },
      { u: new Sma(20), f: (u: Sma, i: number) => u.update(w.close[i]!) },
      { u: new Rsi(14), f: (u: Rsi, i: number) => u.update(w.close[i]!) },
      { u: new Atr(14), f: (u: Atr, i: number) => u.update(w.high[i]!, w.low[i]!, w.close[i]!) },
      { u: new VolumeZScore(30), f: (u: VolumeZScore, i: number) => u.update(w.volume[i]!) },
      { u: new RollingMax(10), f: (u: RollingMax, i: number) => u.update(w.high[i]!) },
      { u: new EmaSlope(50, 10), f: (u: EmaSlope, i: number) => u.update(w.close[i]!) },
    ] as const;
    expect(units.map(({ u }) => u.warmUp)).toEqual([21, 20, 15, 14, 30, 10, 60]);
    for (const { u, f } of units) {
      for (let i = 0; i < 300; i++) {
        const v = (f as (u: unknown, i: number) => number)(u, i);
        expect([i, u.ready, Number.isNaN(v), Number.isNaN(u.value)]).toEqual([i, i + 1 >= u.warmUp, i + 1 < u.warmUp, i + 1 < u.warmUp]);
      }
    }
  });
});

describe("flat and zero-volume input never gives NaN or ∞", () => {
  test("a window of zeros has z-score 0, and so does a constant window", () => {
    const z = new VolumeZScore(5);
    for (const v of [3, 1, 4, 1, 5, 0, 0, 0, 0, 0]) z.update(v);
    expect(z.value).toBe(0);
    expect(z.update(7)).toBeCloseTo(2, 12); // (7 − 1.4) / 2.8
    for (let i = 0; i < 5; i++) z.update(0.1);
    expect(z.value).toBe(0);
    expect(volumeZScore(new Float64Array([0.1, 0.1, 0.1, 0.1]), 4)[3]).toBe(0);
  });

  test("RSI of a flat series is 50; without losses 100; ATR of flat candles is 0", () => {
    const r = new Rsi(3);
    for (let i = 0; i < 10; i++) r.update(5);
    expect(r.value).toBe(50);
    r.update(6);
    expect(r.value).toBe(100);
    const a = new Atr(3);
    for (let i = 0; i < 5; i++) a.update(5, 5, 5);
    expect(a.value).toBe(0);
  });

  test("a spike leaving the z-score window leaves no rounding residue", () => {
    const z = new VolumeZScore(4);
    const xs = [1e12, 0.001, 0.002, 0.003, 0.004, 0.005];
    const batch = volumeZScore(new Float64Array(xs), 4);
    for (const [i, x] of xs.entries()) {
      if (i < 3) expect(z.update(x)).toBeNaN();
      else expect(z.update(x)).toBeCloseTo(batch[i]!, 12);
    }
    expect(z.value).toBeCloseTo(1.3416407864998738, 12); // (0.005 − 0.0035) / sd(0.002 … 0.005)
  });
});
