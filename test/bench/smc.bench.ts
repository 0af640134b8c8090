/** Causal SMC detector throughput on BTCUSDT 1m: candles/s per option set, and 660 symbols per minute boundary. JSON lines. */
import { SmcDetector, type SmcEvent, type SmcOptions } from "../../src/brain/smc/causal/smc-detector";
import { BTC_1M, haveFile, readCandles } from "../support/smc-csv";
import { option, psiAvg10 } from "./bench-stats";

// Options: --rounds=N (3), --minutes=N minute boundaries in the 660-symbol run (2000).
const ROUNDS = option("rounds", 3);
const MINUTES = option("minutes", 2000);
const SYMBOLS = 660;

if (!haveFile(BTC_1M)) {
  console.error(`smc bench: ${BTC_1M} not found; nothing to measure`);
  process.exit(0);
}
const c = readCandles(BTC_1M);

/** Touches every event so the JIT cannot drop the work; the sum goes into the output. */
class CountingSink {
  events = 0;
  acc = 0;
  onSmcEvent(e: SmcEvent): void {
    this.events++;
    this.acc += e.level + e.idx;
  }
}

const VARIANTS: Record<string, SmcOptions> = {
  "L5-default": { swingLength: 5 },
  "L5-compat-constant": { swingLength: 5, compat: true, liquidityBand: { mode: "constant", band: 500 } },
  "L20-atr-joined": {
    swingLength: 20, joinConsecutiveFvg: true, closeMitigation: true, liquidityBand: { mode: "atr", multiple: 0.5, period: 14 },
  },
};

function runOnce(opts: SmcOptions): { ns: number; sink: CountingSink } {
  const sink = new CountingSink();
  const d = new SmcDetector(opts, sink);
  const { open, high, low, close, volume, timeMs } = c;
  const t0 = Bun.nanoseconds();
  for (let i = 0; i < c.n; i++) d.push(open[i]!, high[i]!, low[i]!, close[i]!, volume[i]!, timeMs[i]!);
  return { ns: Bun.nanoseconds() - t0, sink };
}

for (const opts of Object.values(VARIANTS)) {
  runOnce(opts); // warm-up: interpreter → FTL
  runOnce(opts);
}
for (let round = 0; round < ROUNDS; round++) {
  for (const [variant, opts] of Object.entries(VARIANTS)) {
    Bun.gc(true);
    const { ns, sink } = runOnce(opts);
    console.log(JSON.stringify({
      bench: "smc", variant, round, n: c.n, ns_per_candle: +(ns / c.n).toFixed(1), candles_per_s: Math.round((c.n * 1e9) / ns),
      events: sink.events, events_per_candle: +(sink.events / c.n).toFixed(3), psi_avg10: psiAvg10(), bun: Bun.version,
      sink: sink.acc === 1.2345 ? 1 : 0,
    }));
  }
}

// 660 symbols, one detector each (prices scaled per symbol), all closing together every minute (docs performance §5.4).
const minutes = Math.min(MINUTES, c.n);
const samples = new Float64Array(minutes);
for (let round = 0; round < ROUNDS; round++) {
  const sink = new CountingSink();
  const dets = Array.from({ length: SYMBOLS }, () => new SmcDetector({ swingLength: 5 }, sink));
  const scale = Float64Array.from({ length: SYMBOLS }, (_, s) => 1 + s / SYMBOLS);
  Bun.gc(true);
  for (let i = 0; i < minutes; i++) {
    const t0 = Bun.nanoseconds();
    for (let s = 0; s < SYMBOLS; s++) {
      const k = scale[s]!;
      dets[s]!.push(c.open[i]! * k, c.high[i]! * k, c.low[i]! * k, c.close[i]! * k, c.volume[i]!, c.timeMs[i]!);
    }
    samples[i] = Bun.nanoseconds() - t0;
  }
  // The first minutes run cold (interpreter, then JIT tiers): report the steady state after 100 boundaries.
  const steady = samples.slice(100).sort();
  const at = (p: number): number => steady[Math.min(steady.length - 1, Math.floor(p * steady.length))]! / 1000;
  console.log(JSON.stringify({
    bench: "smc", variant: "660-symbols-L5", round, n: minutes * SYMBOLS, minutes, symbols: SYMBOLS, warmup_minutes: 100,
    minute_p50_us: +at(0.5).toFixed(1), minute_p99_us: +at(0.99).toFixed(1), minute_max_us: +at(1).toFixed(1),
    ns_per_candle: +((at(0.5) * 1000) / SYMBOLS).toFixed(1), events: sink.events, psi_avg10: psiAvg10(), bun: Bun.version,
    sink: sink.acc === 1.2345 ? 1 : 0,
  }));
}
