/** Causal SMC on 1,000 seeded random walks with exact ties: prefix invariance, future independence, contract, oracle agreement. */
import { describe, expect, test } from "bun:test";
import type { SmcOptions } from "../../../src/brain/smc/causal/smc-detector";
import { before, contractViolation, firstDifference, serialise } from "../../support/smc-checks";
import type { Candles } from "../../support/smc-csv";
import { runDetector } from "../../support/smc-golden";
import { oracleViolation } from "../../support/smc-oracle";
import { prefix, randomCandles, randomOptions, seededRandom, splice } from "../../support/smc-random";

const SEEDS = 1000;

/** Seed → its walk, options and split point; everything derives from the seed so a failure replays exactly. */
function scenario(seed: number): { c: Candles; opts: SmcOptions; m: number; future: Candles } {
  const rnd = seededRandom(seed * 7919);
  const n = 150 + Math.floor(rnd() * 450);
  const c = randomCandles(seed, n);
  const opts = randomOptions(rnd, c.tick);
  const m = 1 + Math.floor(rnd() * (n - 1));
  const future = randomCandles(seed + 1_000_000, 50 + Math.floor(rnd() * 300));
  return { c, opts, m, future };
}

describe("causal SMC, seeded random walks", () => {
  test(`prefix invariance, future independence and the event contract on ${SEEDS} walks`, () => {
    let events = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const { c, opts, m, future } = scenario(seed);
      const full = runDetector(c, opts);
      const bad = contractViolation(full, opts.swingLength);
      if (bad !== null) throw new Error(`seed ${seed} ${JSON.stringify(opts)}: ${bad}`);
      const diffPrefix = firstDifference(serialise(runDetector(prefix(c, m), opts)), before(full, m));
      if (diffPrefix !== null) throw new Error(`seed ${seed} prefix m=${m}: ${diffPrefix}`);
      const other = runDetector(splice(c, m, future), opts);
      const badOther = contractViolation(other, opts.swingLength);
      if (badOther !== null) throw new Error(`seed ${seed} other future: ${badOther}`);
      const diffFuture = firstDifference(before(other, m), before(full, m));
      if (diffFuture !== null) throw new Error(`seed ${seed} future after m=${m}: ${diffFuture}`);
      events += full.length;
    }
    expect(events).toBeGreaterThan(SEEDS * 10);
  }, 30_000);

  const ORACLE = "agreement with the batch oracle and brute-force rescans (swings, FVG, BOS/CHOCH, pools, OBs)";
  test(`${ORACLE} on ${SEEDS} walks`, () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const { c, opts } = scenario(seed);
      const bad = oracleViolation(c, opts, runDetector(c, opts));
      if (bad !== null) throw new Error(`seed ${seed} ${JSON.stringify(opts)}: ${bad}`);
    }
  }, 30_000);
});
