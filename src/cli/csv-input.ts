/**
 * Candle CSV reader for `aegis smc`: the smartmoneyconcepts golden layout (Date,Open,High,Low,Close,Tickvol,Volume,
 * Spread; naive "YYYY.MM.DD HH:MM:SS" read as UTC) and Binance klines (6 columns with header, or 12 with or without).
 */
import { readFileSync } from "node:fs";
import type { Ohlc } from "../brain/smc/ohlc";
import { UsageError } from "../core/errors";

export type CsvLayout = "dated" | "kline6" | "kline12";

export interface CsvCandles {
  layout: CsvLayout;
  ohlc: Ohlc;
}

/** Column positions of one layout: time, open, high, low, close, volume. */
interface Columns {
  layout: CsvLayout;
  width: number;
  at: [number, number, number, number, number, number];
}

const KLINE6 = ["open_time", "open", "high", "low", "close", "volume"];
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const DATE = /^(\d{4})[.-](\d{2})[.-](\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** @throws UsageError naming the file, the line and the problem. */
export function readOhlcCsv(file: string): CsvCandles {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return parseOhlcCsv(text, file);
}

/** Parses CSV text; `file` only names the source in error messages. Times must strictly increase. */
export function parseOhlcCsv(text: string, file: string): CsvCandles {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const first = lines.findIndex((line) => line.trim() !== "");
  if (first < 0) throw new UsageError(`${file}: no candles (the file is empty)`);
  const fail = (ln: number, problem: string): never => {
    throw new UsageError(`${file}:${ln + 1}: ${problem}`);
  };
  const head = lines[first]!.split(",").map((f) => f.trim());
  const hasHeader = !NUMBER.test(head[0]!);
  const headFail = (problem: string) => fail(first, problem);
  const cols = hasHeader ? layoutFromHeader(head, headFail) : layoutFromWidth(head.length, headFail);
  const rows: number[][] = [];
  let lastTime = Number.NEGATIVE_INFINITY;
  for (let ln = hasHeader ? first + 1 : first; ln < lines.length; ln++) {
    const line = lines[ln]!.trim();
    if (line === "") continue;
    const f = line.split(",");
    if (f.length !== cols.width) fail(ln, `expected ${cols.width} columns, found ${f.length}`);
    const rowFail = (problem: string) => fail(ln, problem);
    const timeText = f[cols.at[0]]!.trim();
    const time = cols.layout === "dated" ? dateMs(timeText, rowFail) : openTimeMs(timeText, rowFail);
    if (time <= lastTime) fail(ln, `time ${new Date(time).toISOString()} is not after the previous row's; rows must be sorted and unique`);
    lastTime = time;
    const row = [time];
    for (let k = 1; k < 6; k++) {
      const t = f[cols.at[k]!]!.trim();
      if (!NUMBER.test(t)) fail(ln, `${KLINE6[k]} "${t}" is not a number`);
      row.push(Number(t));
    }
    rows.push(row);
  }
  if (rows.length === 0) fail(first, "a header but no candles");
  const column = (k: number) => Float64Array.from(rows, (r) => r[k]!);
  return {
    layout: cols.layout,
    ohlc: { timeMs: column(0), open: column(1), high: column(2), low: column(3), close: column(4), volume: column(5) },
  };
}

/** Golden layout by column name (lower-cased, as the library does); Binance klines by their fixed order. */
function layoutFromHeader(head: string[], fail: (problem: string) => never): Columns {
  const names = head.map((h) => h.toLowerCase());
  if (names.includes("date")) {
    const at = ["date", "open", "high", "low", "close", "volume"].map((name) => {
      const k = names.indexOf(name);
      return k >= 0 ? k : fail(`the header has Date but no ${name} column: ${head.join(",")}`);
    });
    return { layout: "dated", width: head.length, at: at as Columns["at"] };
  }
  if (names[0] === "open_time" && KLINE6.every((name, k) => names[k] === name) && (names.length === 6 || names.length === 12)) {
    return { layout: names.length === 6 ? "kline6" : "kline12", width: names.length, at: [0, 1, 2, 3, 4, 5] };
  }
  const expected = "Date,Open,High,Low,Close,…,Volume or open_time,open,high,low,close,volume[,… 12 columns]";
  return fail(`unrecognised header "${head.join(",")}"; expected ${expected}`);
}

function layoutFromWidth(width: number, fail: (problem: string) => never): Columns {
  if (width !== 6 && width !== 12) return fail(`a headerless kline row has 6 or 12 columns, found ${width}`);
  return { layout: width === 6 ? "kline6" : "kline12", width, at: [0, 1, 2, 3, 4, 5] };
}

/** Binance open time in ms; data.binance.vision switched some archives to µs, recognisable by size. */
function openTimeMs(text: string, fail: (problem: string) => never): number {
  if (!/^\d+$/.test(text)) return fail(`open_time "${text}" is not an integer epoch time`);
  const t = Number(text);
  return t > 1e14 ? Math.floor(t / 1000) : t;
}

/** Naive wall-clock time, treated as UTC (smc-reference §2). */
function dateMs(text: string, fail: (problem: string) => never): number {
  const m = DATE.exec(text);
  if (!m) return fail(`Date "${text}" is not YYYY.MM.DD HH:MM:SS`);
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  const t = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(t);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    return fail(`Date "${text}" is not a valid date and time`);
  }
  return t;
}
