/** Child of no-allocation.test.ts: parses 1M distinct hot-path frames between two stderr markers under BUN_JSC_logGC=1. */
import { StreamParser } from "../../../src/feed/parse/stream-parser";
import { SymbolTable } from "../../../src/feed/symbol-table";
import { seededRandom } from "../../support/seeded-random";

const N = Number(process.argv[2] ?? 1_000_000);
const rnd = seededRandom(99);
const names = ["BTCUSDT", "ETHUSDT", "1000PEPEUSDT", "币安人生USDT", "测试测试USDT", ...Array.from({ length: 95 }, (_, i) => `S${i}USDT`)];
const symbols = new SymbolTable();
for (const s of names) symbols.add(s);
const px = () => (rnd() * 10 ** (Math.floor(rnd() * 8) - 3)).toFixed(1 + Math.floor(rnd() * 7));
const pool: string[] = [];
for (let i = 0; i < 4096; i++) {
  const s = names[i % names.length]!;
  const E = 1764000000000 + i * 37 + (i % 3 === 0 ? 0.456 : 0);
  const payloads = [
    `{"e":"kline","E":${E},"s":"${s}","k":{"t":1764000000000,"T":1764000059999,"s":"${s}","i":"1m","f":1,"L":9,"o":"${px()}","c":"${px()}","h":"${px()}","l":"${px()}","v":"${px()}","n":${i},"x":${i % 20 === 0},"q":"${px()}","V":"${px()}","Q":"${px()}","B":"0"}}`,
    `{"e":"aggTrade","E":${E},"a":${i},"s":"${s}","p":"${px()}","q":"${px()}","nq":"${px()}","f":${i},"l":${i + 2},"T":${E},"m":${i % 2 === 0},"st":1}`,
    `{"e":"bookTicker","u":${4984028370881 + i},"s":"${s}","b":"${px()}","B":"${px()}","a":"${px()}","A":"${px()}","T":${E},"E":${E},"ps":"${s}"}`,
    `{"e":"markPriceUpdate","E":${E},"s":"${s}","p":"${px()}","ap":"${px()}","i":"${px()}","P":"${px()}","r":"-0.000${i % 97}","T":1764028800000}`,
  ];
  const data = payloads[i % 4]!;
  pool.push(i % 8 < 4 ? `{"stream":"${s.toLowerCase()}@x","data":${data}}` : data);
}
const out = new Float64Array(16);
let records = 0;
const parser = new StreamParser(symbols, {
  onRecord(slot) {
    out.set(slot);
    records++;
  },
});
for (let i = 0; i < 4 * pool.length; i++) parser.parse(pool[i & 4095]!, i); // warm-up to the optimizing tiers
Bun.gc(true);
records = 0;
console.error("ALLOC-PROBE-START");
for (let i = 0; i < N; i++) parser.parse(pool[i & 4095]!, i);
console.error("ALLOC-PROBE-END");
console.log(JSON.stringify({ records, parseErrors: parser.stats.parseErrors }));
