/** Child of no-allocation.test.ts: N closed 1m candles (plus forming updates) through CandleStore and indicators, between stderr markers under BUN_JSC_logGC=1. */
import { memoryUsage } from "bun:jsc";
import { CandleStore } from "../../../src/brain/candles/candle-store";
import { seededRandom } from "../../support/seeded-random";
import { IndicatorBank } from "../indicators/indicator-bank";

const N = Number(process.argv[2] ?? 1_000_000);
const SYMBOLS = 64;
const rnd = seededRandom(7);
// Inputs precomputed so the measured loop only reads typed arrays: a price walk, zero-volume minutes and holes.
const POOL = 1 << 16;
const px = new Float64Array(POOL);
const vol = new Float64Array(POOL);
const skip = new Uint8Array(POOL);
let p = 100;
for (let i = 0; i < POOL; i++) {
  p *= 1 + (rnd() - 0.5) * 0.004;
  px[i] = p;
  vol[i] = rnd() < 0.05 ? 0 : Math.round(rnd() * 1e6) / 1e3;
  skip[i] = rnd() < 0.01 ? 1 : 0;
}
const banks = Array.from({ length: SYMBOLS * 4 }, () => new IndicatorBank());
const store: CandleStore = new CandleStore(SYMBOLS, 1_440, 512, {
  onCandleClosed(id, tf) {
    banks[id * 4 + tf]!.update(store.series(id, tf));
  },
});
const minuteOf = new Float64Array(SYMBOLS);
let step = 0;
function run(n: number): void {
  for (let i = 0; i < n; i++, step++) {
    const id = step % SYMBOLS;
    const j = step & (POOL - 1);
    minuteOf[id] = minuteOf[id]! + 1 + skip[j]!; // a hole now and then: incomplete buckets
    const t = 1_700_000_040_000 + minuteOf[id]! * 60_000;
    const c = px[j]!;
    const v = vol[j]!;
    const o = px[(j + POOL - 1) & (POOL - 1)]!;
    const h = Math.max(o, c) * (v === 0 ? 1 : 1.0005);
    const l = Math.min(o, c) * (v === 0 ? 1 : 0.9995);
    store.onForming(id, t, o, h, l, c, v * 0.5, v * c * 0.5, 3, v * 0.25);
    store.onClosed1m(id, t, o, h, l, c, v, v * c, v === 0 ? 0 : 7, v * 0.5);
  }
}
run(200_000); // warm-up to the optimizing tiers, every symbol allocated
Bun.gc(true);
Bun.sleepSync(300); // let the scavenger return freed pages first: it would offset the growth measured below
console.error("ALLOC-PROBE-START");
const before = memoryUsage().current;
run(N);
// Garbage not yet collected still counts here: a finer check than the GC log (~20 bytes per object).
const grownBytes = memoryUsage().current - before;
console.error("ALLOC-PROBE-END");
let closes = 0;
let bad = 0;
for (const b of banks) {
  closes += b.updates;
  bad += b.bad;
}
console.log(JSON.stringify({ grownBytes, candles: store.series(0, 0).count * SYMBOLS, closes, bad, incomplete: store.series(0, 1).incomplete > 0 }));
