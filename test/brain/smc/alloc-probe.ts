/** Child of no-allocation.test.ts: N candles through causal SMC detectors (the brain's options), between stderr markers under BUN_JSC_logGC=1. */
import { memoryUsage } from "bun:jsc";
import { SmcDetector, type SmcEvent } from "../../../src/brain/smc/causal/smc-detector";
import { randomCandles } from "../../support/smc-random";

const N = Number(process.argv[2] ?? 1_000_000);
const DETECTORS = 8;
const c = randomCandles(11, 1 << 16);
/** Reads every event, as the strategy's sink does, and keeps nothing. */
const sink = {
  events: 0,
  acc: 0,
  onSmcEvent(e: SmcEvent): void {
    this.events++;
    this.acc += e.level + e.idx;
  },
};
const detectors = Array.from(
  { length: DETECTORS },
  () => new SmcDetector({ swingLength: 5, liquidityBand: { mode: "atr", multiple: 0.25, period: 14 } }, sink),
);
let step = 0;
function run(n: number): void {
  for (let i = 0; i < n; i++, step++) {
    const j = (step >> 3) & (c.n - 1);
    detectors[step & (DETECTORS - 1)]!.push(c.open[j]!, c.high[j]!, c.low[j]!, c.close[j]!, c.volume[j]!, c.timeMs[j]!);
  }
}
run(400_000); // warm-up: optimizing tiers, and every pool and heap at its working size
Bun.gc(true);
Bun.sleepSync(300);
console.error("ALLOC-PROBE-START");
const before = memoryUsage().current;
const eventsBefore = sink.events;
run(N);
const grownBytes = memoryUsage().current - before;
console.error("ALLOC-PROBE-END");
console.log(JSON.stringify({ grownBytes, candles: N, events: sink.events - eventsBefore }));
