import { describe, expect, test } from "bun:test";
import { ATR, DonchianChannels, EMA, getZScore, ROC, RSI, SMA, WSMA } from "trading-signals";
import { Atr, Ema, EmaSlope, RollingMax, RollingMin, Rsi, Sma, VolumeZScore, WilderAverage } from "../../../src/brain/indicators";
import { hasKlines, type KlineColumns, klinePath, readKlineCsv } from "../../support/kline-csv";

// Oracle: trading-signals (number-based classes in 8.x) on real gap-free 1m candles (data/README.md §1).
const FILES = ["BTCUSDT", "ETHUSDT"];
const TOL = 1e-9;

/** Compares every row from the oracle's first value on; the ours-vs-oracle warm-up must agree too. */
class Check {
  compared = 0;
  maxRel = 0;
  constructor(readonly name: string) {}
  row(i: number, ours: number, oracle: number | null | undefined, absFloor = 0): void {
    if (oracle === null || oracle === undefined) {
      if (!Number.isNaN(ours)) throw new Error(`${this.name} row ${i}: ours ${ours} before the oracle's warm-up ended`);
      return;
    }
    const rel = Math.abs(ours - oracle) / Math.max(Math.abs(oracle), absFloor);
    if (!(rel <= TOL)) throw new Error(`${this.name} row ${i}: ours ${ours}, oracle ${oracle}, rel ${rel}`);
    this.compared++;
    if (rel > this.maxRel) this.maxRel = rel;
  }
}

function run(sym: string, k: KlineColumns): Check[] {
  const checks: Check[] = [];
  const check = (name: string) => {
    const c = new Check(`${sym} ${name}`);
    checks.push(c);
    return c;
  };
  for (const p of [9, 21, 200]) {
    const ours = new Ema(p);
    const oracle = new EMA(p);
    const c = check(`EMA(${p})`);
    for (let i = 0; i < k.length; i++) {
      ours.update(k.close[i]!);
      oracle.add(k.close[i]!);
      c.row(i, ours.value, oracle.isStable ? oracle.getResult() : null);
    }
  }
  for (const p of [20, 50]) {
    const ours = new Sma(p);
    const oracle = new SMA(p);
    const c = check(`SMA(${p})`);
    for (let i = 0; i < k.length; i++) c.row(i, ours.update(k.close[i]!), oracle.add(k.close[i]!));
  }
  for (const p of [14]) {
    const ours = new WilderAverage(p);
    const oracle = new WSMA(p);
    const c = check(`WSMA(${p}) of volume`);
    for (let i = 0; i < k.length; i++) c.row(i, ours.update(k.volume[i]!), oracle.add(k.volume[i]!));
  }
  for (const p of [14, 7]) {
    const ours = new Rsi(p);
    const oracle = new RSI(p);
    const c = check(`RSI(${p})`);
    for (let i = 0; i < k.length; i++) c.row(i, ours.update(k.close[i]!), oracle.add(k.close[i]!));
  }
  for (const p of [14]) {
    const ours = new Atr(p);
    const oracle = new ATR(p);
    const c = check(`ATR(${p})`);
    for (let i = 0; i < k.length; i++) {
      c.row(i, ours.update(k.high[i]!, k.low[i]!, k.close[i]!), oracle.add({ high: k.high[i]!, low: k.low[i]!, close: k.close[i]! }));
    }
  }
  for (const p of [20]) {
    const hi = new RollingMax(p);
    const lo = new RollingMin(p);
    const oracle = new DonchianChannels(p);
    const cHi = check(`RollingMax(${p}) of high`);
    const cLo = check(`RollingMin(${p}) of low`);
    for (let i = 0; i < k.length; i++) {
      const dc = oracle.add({ high: k.high[i]!, low: k.low[i]! });
      cHi.row(i, hi.update(k.high[i]!), dc?.upper);
      cLo.row(i, lo.update(k.low[i]!), dc?.lower);
    }
  }
  for (const [p, l] of [[50, 10]] as const) {
    const ours = new EmaSlope(p, l);
    const ema = new EMA(p);
    const roc = new ROC(l);
    const c = check(`EmaSlope(${p}, ${l})`);
    for (let i = 0; i < k.length; i++) {
      ema.add(k.close[i]!);
      const slope = ema.isStable ? roc.add(ema.getResultOrThrow()) : null;
      // Slopes cross zero: relative error against max(|slope|, 1e-6), i.e. 1e-15 absolute near zero.
      c.row(i, ours.update(k.close[i]!), slope, 1e-6);
    }
  }
  for (const p of [20, 60]) {
    const ours = new VolumeZScore(p);
    const c = check(`VolumeZScore(${p})`);
    for (let i = 0; i < k.length; i++) {
      const window = i + 1 >= p ? Array.from(k.volume.subarray(i + 1 - p, i + 1)) : null;
      // z crosses zero: relative error against max(|z|, 1).
      c.row(i, ours.update(k.volume[i]!), window && getZScore(window), 1);
    }
  }
  return checks;
}

describe.skipIf(!hasKlines("binance-um-2025", "1m"))("indicators against trading-signals on real 1m candles", () => {
  for (const sym of FILES) {
    test(sym, () => {
      const k = readKlineCsv(klinePath("binance-um-2025", "1m", `${sym}-1m.csv`));
      const checks = run(sym, k);
      for (const c of checks) {
        console.log(`${c.name}: ${c.compared} values, max rel ${c.maxRel.toExponential(2)}`);
        expect(c.compared).toBeGreaterThan(k.length - 300);
      }
    });
  }
});
