/** Minimal CSV candle reader for the SMC tests: golden EURUSD layout and the 6-column Binance kline layout. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

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

function allocate(n: number): Candles {
  return {
    n,
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
    timeMs: new Float64Array(n),
  };
}

/** `2022.10.10 00:00:00` → epoch ms, the naive time read as UTC (docs §2). */
function goldenTime(s: string): number {
  const m = /^(\d{4})\.(\d{2})\.(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(s);
  if (m === null) throw new Error(`bad golden Date "${s}"`);
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}

/**
 * Reads either layout, chosen by the header: `Date,Open,High,Low,Close,Tickvol,Volume,Spread` (volume = the
 * Volume column, as the library uses) or `open_time,open,high,low,close,volume`.
 */
export function readCandles(path: string): Candles {
  const lines = readFileSync(path, "utf8").split("\n").filter((l) => l.length > 0);
  const header = lines[0] ?? "";
  const golden = header.startsWith("Date,");
  if (!golden && !header.startsWith("open_time,open,high,low,close,volume")) throw new Error(`${path}: unknown header "${header}"`);
  const c = allocate(lines.length - 1);
  for (let r = 1; r < lines.length; r++) {
    const f = lines[r]!.split(",");
    const i = r - 1;
    c.timeMs[i] = golden ? goldenTime(f[0]!) : Number(f[0]);
    c.open[i] = Number(f[1]);
    c.high[i] = Number(f[2]);
    c.low[i] = Number(f[3]);
    c.close[i] = Number(f[4]);
    c.volume[i] = Number(golden ? f[6] : f[5]);
  }
  return c;
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
