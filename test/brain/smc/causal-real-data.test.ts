/** Causal SMC on real klines fed one candle at a time: prefix invariance, future independence and the event contract. */
import { describe, expect, test } from "bun:test";
import type { SmcOptions } from "../../../src/brain/smc/causal/smc-detector";
import { before, contractViolation, firstDifference, serialise } from "../../support/smc-checks";
import { BTC_1M, BTC_15M, ETH_1M, GOLDEN_INPUT, haveFile, readCandles } from "../../support/smc-csv";
import { runDetector, wholeFrameBand } from "../../support/smc-golden";
import { oracleViolation } from "../../support/smc-oracle";
import { prefix, randomCandles, scaled, seededRandom, splice } from "../../support/smc-random";

const PREFIXES = 8;

/** File, options (varied across files so every mode meets real data), seed for the split points. */
const CASES: { name: string; path: string; opts: (band: number) => SmcOptions; seed: number }[] = [
  {
    name: "EURUSD 15m golden input", path: GOLDEN_INPUT, seed: 11,
    opts: (band) => ({ swingLength: 5, compat: true, liquidityBand: { mode: "constant", band } }),
  },
  { name: "BTCUSDT 15m", path: BTC_15M, seed: 12, opts: () => ({ swingLength: 5, joinConsecutiveFvg: true }) },
  {
    name: "BTCUSDT 1m", path: BTC_1M, seed: 13,
    opts: () => ({ swingLength: 10, closeMitigation: true, liquidityBand: { mode: "atr", multiple: 0.5, period: 14 } }),
  },
  { name: "ETHUSDT 1m", path: ETH_1M, seed: 14, opts: () => ({ swingLength: 5, closeBreak: false, historyCapacity: 16 }) },
];

describe("causal SMC on real klines", () => {
  for (const k of CASES) {
    test.skipIf(!haveFile(k.path))(`${k.name}: ${PREFIXES} random prefixes and futures, contract on every event`, () => {
      const c = readCandles(k.path);
      const opts = k.opts(wholeFrameBand(c));
      const full = runDetector(c, opts);
      const bad = contractViolation(full, opts.swingLength);
      if (bad !== null) throw new Error(`${k.name}: ${bad}`);
      const rnd = seededRandom(k.seed);
      for (let p = 0; p < PREFIXES; p++) {
        const m = 1 + Math.floor(rnd() * (c.n - 1));
        const want = before(full, m);
        const diff = firstDifference(serialise(runDetector(prefix(c, m), opts)), want);
        if (diff !== null) throw new Error(`${k.name} seed ${k.seed} prefix m=${m}: ${diff}`);
        const walk = randomCandles(k.seed * 100 + p, 2000);
        const future = scaled(walk, c.close[m - 1]! / walk.open[0]!);
        const other = runDetector(splice(c, m, future), opts);
        const diffFuture = firstDifference(before(other, m), want);
        if (diffFuture !== null) throw new Error(`${k.name} seed ${k.seed} future after m=${m}: ${diffFuture}`);
        const badOther = contractViolation(other, opts.swingLength);
        if (badOther !== null) throw new Error(`${k.name} seed ${k.seed} future after m=${m}: ${badOther}`);
      }
      expect(full.length).toBeGreaterThan(c.n / 10);
    }, 20_000);
  }

  for (const k of CASES) {
    test.skipIf(!haveFile(k.path))(`${k.name}: agreement with the batch oracle and the brute-force rescans`, () => {
      const c = readCandles(k.path);
      // A constant band makes liquidity comparable; the other options as in the prefix test.
      const opts = { ...k.opts(0), liquidityBand: { mode: "constant", band: wholeFrameBand(c, 0.002) } } as const;
      const bad = oracleViolation(c, opts, runDetector(c, opts));
      if (bad !== null) throw new Error(`${k.name}: ${bad}`);
    }, 20_000);
  }
});
