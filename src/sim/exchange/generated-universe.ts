/** A generated universe of N USDT perpetuals with realistic names, price levels, ticks, steps and activity. */
import { powerOfTenText } from "../decimals";
import type { Prng } from "../prng";
import { drawActivity, makeSpec, type SymbolSpec } from "./symbol-spec";

// Real base assets first, with rough price levels where a realistic level matters to readers of the output.
const KNOWN: [string, number][] = [
  ["BTC", 90_000], ["ETH", 3_000], ["BNB", 900], ["SOL", 140], ["XRP", 2.1], ["DOGE", 0.15], ["ADA", 0.4],
  ["TRX", 0.28], ["1000PEPE", 0.006], ["币安人生", 0.12], ["LINK", 13], ["AVAX", 13], ["DOT", 2.1], ["LTC", 80],
  ["BCH", 520], ["NEAR", 1.7], ["UNI", 6], ["APT", 1.8], ["FIL", 1.4], ["ETC", 13], ["ATOM", 2.3], ["ARB", 0.2],
  ["OP", 0.3], ["INJ", 5.5], ["SUI", 1.5], ["SEI", 0.12], ["TIA", 0.6], ["STX", 0.3], ["HBAR", 0.12],
  ["VET", 0.012], ["ALGO", 0.12], ["AAVE", 180], ["CRV", 0.4], ["SAND", 0.12], ["MANA", 0.15], ["AXS", 0.9],
  ["APE", 0.2], ["GALA", 0.007], ["CHZ", 0.03], ["EGLD", 6], ["XTZ", 0.5], ["ZEC", 400], ["DASH", 40],
  ["XMR", 380], ["NEO", 3.5], ["IOTA", 0.1], ["ZIL", 0.005], ["ENJ", 0.03], ["1INCH", 0.15], ["SUSHI", 0.3],
  ["YFI", 3_500], ["KSM", 7], ["CELO", 0.12], ["ONE", 0.004], ["ANKR", 0.008], ["STORJ", 0.15], ["WOO", 0.03],
  ["JASMY", 0.007], ["GMT", 0.015], ["DYDX", 0.2], ["FET", 0.2], ["WLD", 0.5], ["PYTH", 0.06], ["JUP", 0.2],
  ["1000BONK", 0.008], ["1000FLOKI", 0.05], ["WIF", 0.35], ["ORDI", 4], ["ENA", 0.2], ["ETHFI", 0.7],
  ["PENDLE", 2], ["TAO", 250], ["RUNE", 0.6], ["ROSE", 0.012], ["GRT", 0.04], ["LDO", 0.6], ["COMP", 28],
  ["SNX", 0.5], ["MKR", 1_400], ["IMX", 0.25], ["THETA", 0.3], ["FLOW", 0.2], ["KAVA", 0.1], ["QTUM", 1.3],
  ["ONT", 0.06], ["BAT", 0.15], ["ZRX", 0.12], ["SKL", 0.012], ["BAND", 0.3], ["RSR", 0.003], ["CKB", 0.002],
  ["HOT", 0.0006], ["EOS", 0.2], ["1000SHIB", 0.007], ["TON", 1.6], ["ICP", 3], ["RENDER", 1.3],
];
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** tick = 10^(floor(log10 price) − 4), one digit finer for prices ≥ 1000 (BTC 0.1, ETH 0.01, XRP 0.0001). */
function tickExponent(price: number): number {
  const mag = Math.floor(Math.log10(price));
  return Math.max(-8, mag - (price >= 1000 ? 5 : 4));
}

/** step = 10^ceil(−log10 price), between 0.001 and 1 (BTC 0.001, SOL 0.01, DOGE 1). */
function stepExponent(price: number): number {
  return Math.min(0, Math.max(-3, Math.ceil(-Math.log10(price))));
}

function inventedBase(rng: Prng, taken: Set<string>): string {
  for (;;) {
    let name = "";
    const len = rng.int(3, 5);
    for (let k = 0; k < len; k++) name += LETTERS[rng.int(0, 25)];
    if (!taken.has(name)) return name;
  }
}

export function generateUniverse(count: number, rng: Prng): SymbolSpec[] {
  // XAU is taken by the TRADIFI listing exchange-info.ts adds outside the universe
  const taken = new Set([...KNOWN.map(([b]) => b), "XAU"]);
  const specs: SymbolSpec[] = [];
  for (let k = 0; k < count; k++) {
    const known = KNOWN[k];
    const base = known ? known[0] : inventedBase(rng, taken);
    taken.add(base);
    const price = known ? known[1] * (0.9 + 0.2 * rng.next()) : rng.logUniform(0.001, 100);
    const tickExp = tickExponent(price);
    const tickSize = 10 ** tickExp;
    specs.push(
      makeSpec({
        symbol: `${base}USDT`,
        base,
        tickText: powerOfTenText(tickExp),
        stepText: powerOfTenText(stepExponent(price)),
        minNotional: base === "BTC" ? 100 : base === "ETH" ? 20 : 5,
        startPrice: Math.max(tickSize, Math.round(price / tickSize) * tickSize),
        // the majors are the busy ones, as on Binance
        activity: k < 3 ? 3 + rng.next() : drawActivity(rng),
        // majors move less per minute than small caps
        volFactor: k < 3 ? 0.6 + 0.3 * rng.next() : 0.7 + 1.3 * rng.next(),
      }),
    );
  }
  return specs;
}
