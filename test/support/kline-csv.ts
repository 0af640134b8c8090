/** Reads a kline CSV from ../shared/data into columns: the 6-column freqtrade layout or Binance's 12-column one. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { sharedData } from "./shared-data";

/** ../shared/data/klines (tests skip when it is absent). */
export const KLINES_DIR = sharedData("klines");

export interface KlineColumns {
  length: number;
  openTimeMs: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
  /** 0 in the 6-column layout, which has no such column. */
  quoteVolume: Float64Array;
  trades: Float64Array;
  takerBuyVolume: Float64Array;
}

export const klinePath = (...parts: string[]): string => join(KLINES_DIR, ...parts);
export const hasKlines = (...parts: string[]): boolean => existsSync(klinePath(...parts));

/** Parses every row; a header row is skipped, a malformed row throws with its line number. */
export function readKlineCsv(path: string): KlineColumns {
  const lines = readFileSync(path, "utf8").split("\n");
  const rows = lines.filter((l, i) => l.length > 0 && !(i === 0 && l.startsWith("open_time")));
  const n = rows.length;
  const cols: KlineColumns = {
    length: n,
    openTimeMs: new Float64Array(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
    quoteVolume: new Float64Array(n),
    trades: new Float64Array(n),
    takerBuyVolume: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const f = rows[i]!.split(",").map(Number);
    if ((f.length !== 6 && f.length !== 12) || f.some((x) => !Number.isFinite(x))) {
      throw new Error(`${path}: bad row ${i + 1}: ${rows[i]}`);
    }
    cols.openTimeMs[i] = f[0]!;
    cols.open[i] = f[1]!;
    cols.high[i] = f[2]!;
    cols.low[i] = f[3]!;
    cols.close[i] = f[4]!;
    cols.volume[i] = f[5]!;
    if (f.length === 12) {
      cols.quoteVolume[i] = f[7]!;
      cols.trades[i] = f[8]!;
      cols.takerBuyVolume[i] = f[9]!;
    }
  }
  return cols;
}
