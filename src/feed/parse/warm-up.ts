/** JIT warm-up: a cold parser lagged up to 200 ms in its first half second at 10k msgs/s (performance.md §5.3). */
import type { SymbolTable } from "../symbol-table";
import { StreamParser } from "./stream-parser";

const NULL_SINK = { onRecord: (_slot: Float64Array) => {} };

/** Parses `n` synthetic kline frames for the known symbols into a throwaway parser; returns the records made. */
export function warmUpParser(symbols: SymbolTable, n = 20_000): number {
  if (symbols.size === 0) return 0;
  const parser = new StreamParser(symbols, NULL_SINK);
  const t0 = 1_700_000_000_000;
  for (let i = 0; i < n; i++) {
    const name = symbols.name(i % symbols.size);
    const p = (100 + (i % 997) / 7).toFixed(4);
    const closed = i % 50 === 0;
    parser.parse(
      `{"stream":"${name.toLowerCase()}@kline_1m","data":{"e":"kline","E":${t0 + i},"s":"${name}","k":{"t":${t0},"T":${t0 + 59_999},` +
        `"s":"${name}","i":"1m","f":${i},"L":${i + 9},"o":"${p}","c":"${p}","h":"${p}","l":"${p}","v":"${i % 1000}.5",` +
        `"n":${i % 100},"x":${closed},"q":"${i}.25","V":"1.5","Q":"2.75","B":"0"}}`,
      i,
    );
  }
  return parser.stats.records;
}
