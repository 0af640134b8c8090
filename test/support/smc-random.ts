/** Seeded random candle walks for the SMC property tests: a tick grid with exact ties, flat candles, gaps and zero volume. */
import type { SmcOptions } from "../../src/brain/smc/causal/smc-detector";
import type { Candles } from "./smc-csv";
import { seededRandom } from "./seeded-random";

/** The property tests draw their own streams from the same generator. */
export { seededRandom };

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

/**
 * n candles on a grid of `tick` (0.25 is exact in binary; 0.01 and 0.00001 are not, which exercises the float32
 * break rule of compat mode). Small moves make equal highs and lows common; some candles are flat (o=h=l=c),
 * some repeat the previous high or low exactly, some open with a gap.
 */
export function randomCandles(seed: number, n: number, startMs = 1_700_000_000_000): Candles & { tick: number } {
  const rnd = seededRandom(seed);
  const tick = pick(rnd, [0.25, 0.01, 0.00001]);
  const base = pick(rnd, [40, 1000, 100_000]);
  const c = {
    n, tick, open: new Float64Array(n), high: new Float64Array(n), low: new Float64Array(n),
    close: new Float64Array(n), volume: new Float64Array(n), timeMs: new Float64Array(n),
  };
  let px = base; // in ticks
  let prevHigh = px;
  let prevLow = px;
  for (let i = 0; i < n; i++) {
    const r = rnd();
    let open = px;
    if (r < 0.05) open = px + Math.round((rnd() - 0.5) * 40); // gap
    open = Math.max(1, open);
    let high: number;
    let low: number;
    let close: number;
    if (r > 0.93) {
      high = low = close = open; // flat candle
    } else {
      close = Math.max(1, open + Math.round((rnd() - 0.5) * 6));
      high = Math.max(open, close) + Math.floor(rnd() * 3);
      low = Math.max(1, Math.min(open, close) - Math.floor(rnd() * 3));
      if (rnd() < 0.15 && prevHigh >= Math.max(open, close)) high = prevHigh; // equal highs
      if (rnd() < 0.15 && prevLow <= Math.min(open, close) && prevLow >= 1) low = prevLow; // equal lows
    }
    c.open[i] = open * tick;
    c.high[i] = high * tick;
    c.low[i] = low * tick;
    c.close[i] = close * tick;
    c.volume[i] = rnd() < 0.2 ? 0 : Math.floor(rnd() * 1000);
    c.timeMs[i] = startMs + i * 60_000;
    px = close;
    prevHigh = high;
    prevLow = low;
  }
  return c;
}

/**
 * Random detector options, all modes covered; the ring is usually as small as allowed. Constant bands are whole
 * ticks, so swing levels land exactly on band edges.
 */
export function randomOptions(rnd: () => number, tick: number): SmcOptions {
  const swingLength = pick(rnd, [1, 2, 3, 5, 8]);
  return {
    swingLength,
    compat: rnd() < 0.5,
    joinConsecutiveFvg: rnd() < 0.5,
    closeBreak: rnd() < 0.7,
    closeMitigation: rnd() < 0.3,
    liquidityBand: pick(rnd, [
      { mode: "range", rangePercent: 0.01, window: 50 },
      { mode: "atr", multiple: 0.5, period: 14 },
      { mode: "constant", band: 0 },
      { mode: "constant", band: tick * (1 + Math.floor(rnd() * 4)) },
    ] as const),
    historyCapacity: rnd() < 0.7 ? 1 : 4096,
  };
}

/** Candles [0, m) of `a` followed by all of `b` (a different future for the same past). */
export function splice(a: Candles, m: number, b: Candles): Candles {
  const n = m + b.n;
  const out = {
    n, open: new Float64Array(n), high: new Float64Array(n), low: new Float64Array(n),
    close: new Float64Array(n), volume: new Float64Array(n), timeMs: new Float64Array(n),
  };
  for (const k of ["open", "high", "low", "close", "volume", "timeMs"] as const) {
    out[k].set(a[k].subarray(0, m));
    out[k].set(b[k], m);
  }
  return out;
}

/** The first m candles of `a` (views, no copy). */
export function prefix(a: Candles, m: number): Candles {
  return {
    n: m, open: a.open.subarray(0, m), high: a.high.subarray(0, m), low: a.low.subarray(0, m),
    close: a.close.subarray(0, m), volume: a.volume.subarray(0, m), timeMs: a.timeMs.subarray(0, m),
  };
}

/** `c` with every price multiplied by `factor`, e.g. to continue a real series from its own price level. */
export function scaled(c: Candles, factor: number): Candles {
  const px = (a: Float64Array): Float64Array => a.map((x) => x * factor);
  return {
    n: c.n, open: px(c.open), high: px(c.high), low: px(c.low), close: px(c.close), volume: c.volume.slice(), timeMs: c.timeMs.slice(),
  };
}
