/** SMC test data: candle files (golden EURUSD layout or Binance klines) and the golden result columns. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readOhlcCsv } from "../../src/cli/csv-input";
import { SHARED_DATA } from "./shared-data";

export const GOLDEN_DIR = join(SHARED_DATA, "smc-golden");
export const GOLDEN_INPUT = join(GOLDEN_DIR, "EURUSD_15M.csv");
export const BTC_15M = join(SHARED_DATA, "klines/binance-um-2025/15m/BTCUSDT-15m.csv");
export const BTC_1M = join(SHARED_DATA, "klines/binance-um-2025/1m/BTCUSDT-1m.csv");
export const ETH_1M = join(SHARED_DATA, "klines/binance-um-2025/1m/ETHUSDT-1m.csv");

export interface Candles {
  readonly n: number;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  readonly timeMs: Float64Array;
}

export const haveFile = (path: string): boolean => existsSync(path);

/**
 * Reads either layout, chosen by the header: `Date,Open,High,Low,Close,Tickvol,Volume,Spread` (volume = the
 * Volume column, as the library uses) or a Binance kline layout, through the reader `aegis smc` uses.
 */
export function readCandles(path: string): Candles {
  const { ohlc } = readOhlcCsv(path);
  return { n: ohlc.close.length, ...ohlc };
}

/** A golden result file as columns of numbers (empty cell = NaN). */
export function readGolden(name: string): { header: string[]; cols: Float64Array[]; n: number } {
  const lines = readFileSync(join(GOLDEN_DIR, name), "utf8").split("\n").filter((l) => l.length > 0);
  const header = (lines[0] ?? "").split(",");
  const n = lines.length - 1;
  const cols = header.map(() => new Float64Array(n));
  for (let r = 1; r <= n; r++) {
    const f = lines[r]!.split(",");
    for (let k = 0; k < header.length; k++) {
      const cell = f[k] ?? "";
      cols[k]![r - 1] = cell === "" ? Number.NaN : Number(cell);
    }
  }
  return { header, cols, n };
}
