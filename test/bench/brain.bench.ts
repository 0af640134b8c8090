// Brain benchmark: closed 1m candles for 600 symbols through candle store, MTF aggregation, indicators, causal SMC,
// strategy and features, on one thread. One JSON object per result line; the last line is the summary.
import { Analysis } from "../../src/brain/analysis";
import { EventBus } from "../../src/brain/event-bus";
import { strategySection } from "../../src/config/sections/strategy";
import { MINUTE_MS } from "../../src/core/minute-set";
import { KLINE, SLOT_F64 } from "../../src/ring/layout";
import { psiAvg10 } from "./bench-stats";

const SYMBOLS = 600;
const MINUTES = 400; // per pass; passes continue the same paths later in time
const PASSES = 4;
const ROUNDS = 3;
const T0 = Date.UTC(2025, 4, 1);

/** Seeded random walks with volatility regimes, so structure (swings, gaps, sweeps) actually occurs. */
function makeCandles(): Float64Array {
  const out = new Float64Array(SYMBOLS * MINUTES * SLOT_F64);
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32);
  for (let s = 0; s < SYMBOLS; s++) {
    let price = 1 + s * 7.3;
    let vol = 0.001;
    for (let m = 0; m < MINUTES; m++) {
      if (rnd() < 0.02) vol = 0.0003 + rnd() * 0.004;
      const o = (m * SYMBOLS + s) * SLOT_F64;
      const open = price;
      const close = open * (1 + (rnd() - 0.5) * 2 * vol);
      out[o + KLINE.openTimeMs] = T0 + m * MINUTE_MS;
      out[o + KLINE.open] = open;
      out[o + KLINE.high] = Math.max(open, close) * (1 + rnd() * vol);
      out[o + KLINE.low] = Math.min(open, close) * (1 - rnd() * vol);
      out[o + KLINE.close] = close;
      out[o + KLINE.volume] = 100 + rnd() * 1000;
      out[o + KLINE.quoteVolume] = out[o + KLINE.volume]! * close;
      out[o + KLINE.trades] = 10 + Math.floor(rnd() * 100);
      out[o + KLINE.takerBuyVolume] = out[o + KLINE.volume]! * rnd();
      price = close;
    }
  }
  return out;
}


const candles = makeCandles();
const results: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  let signals = 0;
  const bus = new EventBus();
  bus.on("SignalGenerated", () => signals++);
  const analysis = new Analysis(strategySection.parse({}), bus, (id) => `S${id}`, SYMBOLS);
  const n = SYMBOLS * MINUTES * PASSES;
  Bun.gc(true);
  const t0 = Bun.nanoseconds();
  for (let pass = 0; pass < PASSES; pass++) {
    const shift = pass * MINUTES * MINUTE_MS;
    for (let m = 0; m < MINUTES; m++) {
      for (let s = 0; s < SYMBOLS; s++) {
        const o = (m * SYMBOLS + s) * SLOT_F64;
        candles[o + KLINE.openTimeMs] = T0 + m * MINUTE_MS + shift;
        analysis.onOrderedCandle(s, candles, o, true);
      }
    }
  }
  const seconds = (Bun.nanoseconds() - t0) / 1e9;
  const perSec = n / seconds;
  results.push(perSec);
  process.stdout.write(
    JSON.stringify({ bench: "brain", variant: "analysis", round, n, candles_per_s: Math.round(perSec), ns_per_candle: +(1e9 / perSec).toFixed(1),
      setups: analysis.setups, signals, psi_avg10: psiAvg10(), bun: Bun.version }) + "\n",
  );
  for (let m = 0; m < MINUTES; m++) for (let s = 0; s < SYMBOLS; s++) candles[(m * SYMBOLS + s) * SLOT_F64 + KLINE.openTimeMs] = T0 + m * MINUTE_MS;
}
results.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ bench: "brain", candlesPerSec: Math.round(results[Math.floor(results.length / 2)]!) }) + "\n");
