/** Causal SMC: streaming through the feed → brain ring equals a batch array loop, and the candle ring size never matters. */
import { describe, expect, test } from "bun:test";
import type { SmcOptions } from "../../../src/brain/smc/causal/smc-detector";
import { firstDifference, serialise } from "../../support/smc-checks";
import { BTC_1M, GOLDEN_INPUT, haveFile, readCandles } from "../../support/smc-csv";
import { runDetector, wholeFrameBand } from "../../support/smc-golden";
import { randomCandles, randomOptions, seededRandom } from "../../support/smc-random";
import { streamThroughRing } from "../../support/smc-stream";

describe("causal SMC streaming equals batch", () => {
  test("200 seeded walks: ring-fed (random batch sizes) = array loop", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rnd = seededRandom(seed * 31);
      const c = randomCandles(seed, 200 + Math.floor(rnd() * 600));
      const opts = randomOptions(rnd, c.tick);
      const diff = firstDifference(serialise(streamThroughRing(c, opts, seed, 16)), serialise(runDetector(c, opts)));
      if (diff !== null) throw new Error(`seed ${seed} ${JSON.stringify(opts)}: ${diff}`);
    }
  }, 20_000);

  test.skipIf(!haveFile(GOLDEN_INPUT))("golden input: ring-fed = array loop", () => {
    const c = readCandles(GOLDEN_INPUT);
    const opts: SmcOptions = { swingLength: 5, compat: true, liquidityBand: { mode: "constant", band: wholeFrameBand(c) } };
    const batch = serialise(runDetector(c, opts));
    expect(firstDifference(serialise(streamThroughRing(c, opts, 7, 256)), batch)).toBeNull();
  }, 20_000);

  test.skipIf(!haveFile(BTC_1M))("BTCUSDT 1m: the smallest candle ring gives the same events as a 64k ring", () => {
    const c = readCandles(BTC_1M);
    const small = serialise(runDetector(c, { swingLength: 20, historyCapacity: 1 }));
    const big = serialise(runDetector(c, { swingLength: 20, historyCapacity: 65_536 }));
    expect(small.length).toBeGreaterThan(10_000);
    expect(firstDifference(small, big)).toBeNull();
  }, 20_000);
});
