/**
 * Kline CSV files for replay, in both layouts of ../shared/data/klines: 6 columns (open_time,open,high,low,close,volume)
 * and Binance's 12; header optional; symbol from the file name (BTCUSDT-1m.csv, FILUSDT-1m-2023-09.csv).
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { writtenDecimals } from "../decimals";
import { SimError } from "../sim-options";
import { CandleSeries } from "./candle-series";

export interface ReplaySymbol {
  symbol: string;
  series: CandleSeries;
  priceDecimals: number;
  qtyDecimals: number;
  quoteDecimals: number;
}

interface Row {
  t: number;
  cols: number[];
}

/** "FILUSDT-1m-2023-09.csv" → "FILUSDT". */
export function symbolFromFileName(path: string): string {
  const name = basename(path).replace(/\.csv$/i, "");
  const symbol = name.split("-")[0] ?? "";
  if (!/^[^\s,]+$/.test(symbol)) throw new SimError(`cannot tell the symbol from the file name ${path}; name it like BTCUSDT-1m.csv`);
  return symbol.toUpperCase();
}

/** Loads and merges the files (several files of one symbol are joined, duplicates by open time dropped). */
export function loadReplayFiles(files: string[]): ReplaySymbol[] {
  if (files.length === 0) throw new SimError("replay needs at least one kline CSV file");
  const bySymbol = new Map<string, { rows: Row[]; pd: number; qd: number; qq: number }>();
  for (const file of files) {
    const symbol = symbolFromFileName(file);
    const acc = bySymbol.get(symbol) ?? { rows: [], pd: 0, qd: 0, qq: 0 };
    bySymbol.set(symbol, acc);
    parseFile(file, acc);
  }
  const out: ReplaySymbol[] = [];
  for (const [symbol, acc] of bySymbol) {
    acc.rows.sort((a, b) => a.t - b.t);
    const series = new CandleSeries(acc.rows.length + 1);
    let last = Number.NEGATIVE_INFINITY;
    for (const r of acc.rows) {
      if (r.t === last) continue;
      last = r.t;
      const [o, h, l, c, v, q, n, V, Q] = r.cols as [number, number, number, number, number, number, number, number, number];
      series.push(r.t, o, h, l, c, v, q, n, V, Q);
    }
    out.push({ symbol, series, priceDecimals: acc.pd, qtyDecimals: acc.qd, quoteDecimals: Math.min(8, acc.qq || acc.pd + acc.qd) });
  }
  return out.sort((a, b) => (a.symbol < b.symbol ? -1 : 1));
}

function parseFile(file: string, acc: { rows: Row[]; pd: number; qd: number; qq: number }): void {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new SimError(`cannot read replay file ${file}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const lines = text.split(/\r?\n/);
  for (let ln = 0; ln < lines.length; ln++) {
    const line = lines[ln]!.trim();
    if (line === "" || (ln === 0 && !/^\d/.test(line))) continue;
    const f = line.split(",");
    if (f.length !== 6 && f.length !== 12) throw new SimError(`${file}:${ln + 1}: expected 6 or 12 columns, found ${f.length}`);
    let t = Number(f[0]);
    // data.binance.vision switched some archives to µs open times
    if (t > 1e14) t = Math.floor(t / 1000);
    const [o, h, l, c, v] = [1, 2, 3, 4, 5].map((k) => Number(f[k]));
    if (![t, o, h, l, c, v].every(Number.isFinite)) throw new SimError(`${file}:${ln + 1}: not a kline row: ${line.slice(0, 80)}`);
    for (const k of [1, 2, 3, 4]) acc.pd = Math.max(acc.pd, writtenDecimals(f[k]!));
    acc.qd = Math.max(acc.qd, writtenDecimals(f[5]!));
    if (f.length === 12) {
      acc.qd = Math.max(acc.qd, writtenDecimals(f[9]!));
      acc.qq = Math.max(acc.qq, writtenDecimals(f[7]!), writtenDecimals(f[10]!));
      acc.rows.push({ t, cols: [o!, h!, l!, c!, v!, Number(f[7]), Number(f[8]), Number(f[9]), Number(f[10])] });
    } else {
      acc.rows.push({ t, cols: [o!, h!, l!, c!, v!, ...synthesizedColumns(o!, h!, l!, c!, v!)] });
    }
  }
}

/** Quote volume, trade count and taker-buy volumes the 6-column layout lacks (deterministic from the row). */
function synthesizedColumns(o: number, h: number, l: number, c: number, v: number): [number, number, number, number] {
  if (v === 0) return [0, 0, 0, 0];
  const q = v * ((o + h + l + c) / 4);
  const buyShare = c >= o ? 0.55 : 0.45;
  return [q, Math.max(1, Math.round(Math.sqrt(q) / 4)), v * buyShare, q * buyShare];
}
