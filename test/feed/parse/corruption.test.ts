import { expect, test } from "bun:test";
import { StreamParser, type StreamParserStats } from "../../../src/feed/parse/stream-parser";
import { SymbolTable } from "../../../src/feed/symbol-table";
import { haveCaptures, loadCaptures } from "./captures";
import { expectedFor, firstDifference, type Expected } from "./parse-oracle";
import { seededRandom } from "../../support/seeded-random";

const CORRUPTIONS = 10_000;
// Replacement characters weighted toward what breaks or subtly changes JSON: structure, digits, quotes, escapes.
const ALPHABET = '{}[]:,."\\-+0123456789eEtfnrsuxkpqTEamlbBA \t\n\u0000é币';

const FIXTURES = [
  `{"stream":"ctkusdt@kline_1m","data":{"e":"kline","E":1626992760791,"s":"CTKUSDT","k":{"t":1626992700000,"T":1626992759999,"s":"CTKUSDT","i":"1m","f":23961275,"L":23961360,"o":"1.01000","c":"1.01200","h":"1.01200","l":"1.01000","v":"11074","n":86,"x":true,"q":"11193.49000","V":"8674","Q":"8769.44400","B":"0"}}}`,
  `{"e":"aggTrade","E":1764000000123.456,"a":16599292,"s":"币安人生USDT","p":"1.01100","q":"10","nq":"10","f":23961322,"l":23961322,"T":1626992741421,"m":false}`,
  `{"stream":"btcusdt@markPrice@1s","data":{"e":"markPriceUpdate","E":1562305380000,"s":"BTCUSDT","p":"11794.15000000","ap":"11794.15000000","i":"11784.62659091","P":"11784.25641265","r":"0.00038167","T":1562306400000}}`,
  `{"stream":"!markPrice@arr@1s","data":[{"e":"markPriceUpdate","E":1,"s":"BTCUSDT","p":"11794.1","i":"11784.6","P":"11784.2","r":"0.0003","T":2},{"e":"markPriceUpdate","E":1,"s":"BTCUSDT_260327","p":"9.5","i":"9.4","P":"9.45","r":"","T":0}]}`,
  `{"result":null,"id":1}`,
  `{"code":2,"msg":"Invalid request: too many parameters"}`,
];

function corpus(): string[] {
  if (!haveCaptures) return FIXTURES;
  const per: Record<string, number> = {};
  const texts: string[] = [];
  for (const f of loadCaptures().frames) {
    const e = /"e":"(\w+)"/.exec(f.text)?.[1] ?? "";
    per[e] = (per[e] ?? 0) + 1;
    // Every kline, every 4th aggTrade, every 50th bookTicker, a few ignored types (depth frames are long: few).
    const keep = e === "kline" || (e === "aggTrade" && per[e] % 4 === 0) || (e === "bookTicker" && per[e] % 50 === 0) || (e === "trade" && per[e] % 100 === 0) || (e === "depthUpdate" && per[e] % 500 === 0);
    if (keep) texts.push(f.text);
  }
  return [...texts, ...FIXTURES];
}

function corrupt(text: string, rnd: () => number): string {
  const at = Math.floor(rnd() * text.length);
  const op = rnd();
  if (op < 0.3) return text.slice(0, at);
  if (op < 0.7) return text.slice(0, at) + ALPHABET[Math.floor(rnd() * ALPHABET.length)] + text.slice(at + 1);
  return text.slice(0, at) + text.slice(at + 1);
}

function expectedStats(want: Expected): Partial<StreamParserStats> {
  const stats = { records: want.slots.length, parseErrors: 0, unknownSymbols: 0, controlReplies: 0, ignored: 0 };
  const key = { parseError: "parseErrors", unknownSymbol: "unknownSymbols", control: "controlReplies", ignored: "ignored", record: null } as const;
  for (const o of want.entries.length ? want.entries : [want.outcome]) {
    const k = key[o];
    if (k) stats[k]++;
  }
  return stats;
}

test(`${CORRUPTIONS} seeded corruptions (truncate, replace, delete): never throws, never a record JSON.parse would not give`, () => {
  const texts = corpus();
  const symbols = new SymbolTable();
  for (const s of ["CTKUSDT", "BTCUSDT", "ETHUSDT", "SUSHIUSDT", "AKROUSDT", "KEEPUSDT", "BATUSDT", "NEOUSDT", "SANDUSDT", "CHRUSDT", "YFIUSDT", "KSMUSDT", "DENTUSDT", "XMRUSDT", "BTCUSDT_260327", "币安人生USDT"]) symbols.add(s);
  const records: Float64Array[] = [];
  const parser = new StreamParser(symbols, { onRecord: (slot) => void records.push(slot.slice()) });
  const failures: string[] = [];
  const tally = { validJson: 0, records: 0, rejected: 0 };
  for (let seed = 1; seed <= CORRUPTIONS; seed++) {
    const rnd = seededRandom(seed);
    let text = texts[Math.floor(rnd() * texts.length)]!;
    const edits = 1 + Math.floor(rnd() * 2);
    for (let i = 0; i < edits; i++) text = corrupt(text, rnd);
    const before = { ...parser.stats };
    records.length = 0;
    try {
      parser.parse(text, seed);
    } catch (err) {
      failures.push(`seed ${seed}: threw ${err}`);
      continue;
    }
    const want = expectedFor(text, symbols, seed);
    if (want.outcome !== "parseError") tally.validJson++;
    tally.records += records.length;
    if (records.length === 0) tally.rejected++;
    const got = Object.fromEntries(Object.entries(parser.stats).map(([k, v]) => [k, v - before[k as keyof StreamParserStats]]));
    const { messages, ...delta } = got;
    const same = JSON.stringify(delta) === JSON.stringify(expectedStats(want));
    const slotsMatch = records.length === want.slots.length && records.every((r, i) => firstDifference(r, want.slots[i]!) < 0);
    if (messages !== 1 || !same || !slotsMatch) {
      failures.push(`seed ${seed}: parser ${JSON.stringify(delta)}, reference ${JSON.stringify(expectedStats(want))}: ${text.slice(0, 300)}`);
    }
  }
  console.log(`corruption: ${CORRUPTIONS} frames from ${texts.length} originals; ${tally.validJson} accepted by the reference (valid JSON, well-formed fields), ${tally.records} records, ${tally.rejected} frames without a record`);
  expect(failures.slice(0, 5)).toEqual([]);
});
