import { afterEach, beforeEach, describe, expect, spyOn, test } from "bun:test";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compareCsvWithGolden, type ColumnKind } from "../../src/brain/smc/reference/golden-compare";
import { parseOhlcCsv, readOhlcCsv } from "../../src/cli/csv-input";
import { smcCommand } from "../../src/cli/smc-command";
import { UsageError } from "../../src/core/errors";
import { SHARED_DATA } from "../support/shared-data";

const DATA = SHARED_DATA;
const GOLDEN = join(DATA, "smc-golden");

/** Storage type of every golden column, from smc-reference §2. */
const KINDS: Record<string, ColumnKind[]> = {
  "fvg_result_data.csv": ["f64", "f64", "f64", "f64"],
  "fvg_consecutive_result_data.csv": ["f64", "f64", "f64", "f64"],
  "swing_highs_lows_result_data.csv": ["f64", "f64"],
  "bos_choch_result_data.csv": ["f64", "f64", "f32", "f64"],
  "ob_result_data.csv": ["f64", "f32", "f32", "f32", "f64", "f32"],
  "liquidity_result_data.csv": ["f32", "f32", "f32", "f32"],
  "previous_high_low_result_data_4h.csv": ["f32", "f32", "int", "int"],
  "previous_high_low_result_data_1D.csv": ["f32", "f32", "int", "int"],
  "previous_high_low_result_data_W.csv": ["f32", "f32", "int", "int"],
  "sessions_result_data.csv": ["int", "f32", "f32"],
  "retracements_result_data.csv": ["int", "f64", "f64"],
};

describe("candle CSV layouts", () => {
  test("golden layout: columns by name, naive Date read as UTC", () => {
    const text = [
      "Date,Open,High,Low,Close,Tickvol,Volume,Spread",
      "2022.10.10 00:00:00,0.97312,0.97369,0.97312,0.97357,60,0,20",
      "2022.10.10 00:15:00,0.9735,0.97362,0.97328,0.97362,57,3,20",
    ].join("\n");
    const { layout, ohlc } = parseOhlcCsv(text, "g.csv");
    expect(layout).toBe("dated");
    expect(Array.from(ohlc.timeMs)).toEqual([Date.UTC(2022, 9, 10), Date.UTC(2022, 9, 10, 0, 15)]);
    expect([ohlc.open[0], ohlc.high[0], ohlc.low[0], ohlc.close[0]]).toEqual([0.97312, 0.97369, 0.97312, 0.97357]);
    expect(Array.from(ohlc.volume)).toEqual([0, 3]); // Volume, not Tickvol, as the library reads it
  });

  test("Binance klines: 6 columns with header, 12 with or without, µs open times, CRLF", () => {
    const six = parseOhlcCsv("open_time,open,high,low,close,volume\r\n1741257000000,91616.5,91616.5,91164.2,91216.2,2530.9\r\n", "k.csv");
    expect([six.layout, six.ohlc.timeMs[0], six.ohlc.close[0], six.ohlc.volume[0]]).toEqual(["kline6", 1741257000000, 91216.2, 2530.9]);
    const row12 = "1693526400000,3.214,3.214,3.206,3.206,42843.0,1693526459999,137538.1223,452,20648.3,66294.3341,0";
    const header12 = "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore";
    for (const text of [`${header12}\n${row12}\n`, `${row12}\n`]) {
      const r = parseOhlcCsv(text, "f.csv");
      expect([r.layout, r.ohlc.timeMs[0], r.ohlc.high[0], r.ohlc.volume[0]]).toEqual(["kline12", 1693526400000, 3.214, 42843]);
    }
    expect(parseOhlcCsv("1693526400000000,1,2,0.5,1.5,10\n", "us.csv").ohlc.timeMs[0]).toBe(1693526400000);
  });

  test("bad input is a UsageError naming file, line and problem", () => {
    const cases: [string, RegExp][] = [
      ["", /^e\.csv: no candles/],
      ["open_time,open,high,low,close,volume\n", /^e\.csv:1: a header but no candles/],
      ["time,o,h,l,c\n1,2,3,4,5\n", /^e\.csv:1: unrecognised header/],
      ["Date,Open,High,Low,Close\n2022.10.10 00:00:00,1,2,0,1\n", /^e\.csv:1: the header has Date but no volume column/],
      ["open_time,open,high,low,close,volume\n1,2,3,0,1,5\n2,2,3,0,1\n", /^e\.csv:3: expected 6 columns, found 5/],
      ["open_time,open,high,low,close,volume\n1,2,x,0,1,5\n", /^e\.csv:2: high "x" is not a number/],
      ["open_time,open,high,low,close,volume\n1,2,,0,1,5\n", /^e\.csv:2: high "" is not a number/],
      ["open_time,open,high,low,close,volume\n2,2,3,0,1,5\n2,2,3,0,1,5\n", /^e\.csv:3: time .* is not after the previous row's/],
      ["open_time,open,high,low,close,volume\n1.5,2,3,0,1,5\n", /^e\.csv:2: open_time "1.5" is not an integer/],
      ["Date,Open,High,Low,Close,Volume\n2022.02.30 00:00:00,1,2,0,1,0\n", /^e\.csv:2: Date "2022.02.30 00:00:00" is not a valid date/],
      ["Date,Open,High,Low,Close,Volume\n10/10/2022,1,2,0,1,0\n", /^e\.csv:2: Date "10\/10\/2022" is not YYYY.MM.DD HH:MM:SS/],
      ["1,2,3,4\n", /^e\.csv:1: a headerless kline row has 6 or 12 columns, found 4/],
    ];
    for (const [text, message] of cases) {
      expect(() => parseOhlcCsv(text, "e.csv")).toThrow(UsageError);
      expect(() => parseOhlcCsv(text, "e.csv")).toThrow(message);
    }
    expect(() => readOhlcCsv("/no/such/file.csv")).toThrow(/cannot read \/no\/such\/file\.csv/);
  });

  test.skipIf(!existsSync(join(DATA, "klines")))("reads the shared kline files of both layouts", () => {
    const btc = readOhlcCsv(join(DATA, "klines/binance-um-2025/15m/BTCUSDT-15m.csv"));
    expect([btc.layout, btc.ohlc.close.length, btc.ohlc.timeMs[0]]).toEqual(["kline6", 3_635, 1741257000000]);
    const fil = readOhlcCsv(join(DATA, "klines/binance-vision-um/FILUSDT-1m-2023-09.csv"));
    expect([fil.layout, fil.ohlc.close.length, fil.ohlc.timeMs[0]]).toEqual(["kline12", 43_200, 1693526400000]);
  });
});

describe("aegis smc", () => {
  let dir = "";
  let written = "";
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "aegis-smc-"));
    written = "";
    spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((written += String(chunk)), true));
  });
  afterEach(() => {
    (process.stdout.write as unknown as { mockRestore(): void }).mockRestore();
    rmSync(dir, { recursive: true, force: true });
  });

  test.skipIf(!existsSync(join(GOLDEN, "EURUSD_15M.csv")))("writes the eleven golden files, each matching cell by cell", async () => {
    const out = join(dir, "nested", "out");
    expect(await smcCommand({ input: join(GOLDEN, "EURUSD_15M.csv"), "swing-length": "5", out })).toBe(0);
    expect(readdirSync(out).sort()).toEqual(Object.keys(KINDS).sort());
    const report: string[] = [];
    for (const [file, kinds] of Object.entries(KINDS)) {
      const c = compareCsvWithGolden(readFileSync(join(GOLDEN, file), "utf8"), readFileSync(join(out, file), "utf8"), kinds);
      if (c.firstMismatch !== null || c.rowsMatched !== 24_424) report.push(`${file}: ${c.rowsMatched} / 24,424 rows matched; first mismatch: ${c.firstMismatch}`);
    }
    expect(report).toEqual([]);
    expect(written.trim().split("\n")).toEqual(Object.keys(KINDS).map((file) => `${file} 24424 rows`));
    // Simple cells keep the golden text too.
    expect(readFileSync(join(out, "liquidity_result_data.csv"), "utf8").split("\n").slice(0, 2)).toEqual(["Liquidity,Level,End,Swept", "1.0,0.97345555,153.0,171.0"]);
  });

  test.skipIf(!existsSync(join(GOLDEN, "EURUSD_15M.csv")))("--check reports rows matched and fails on a mismatch", async () => {
    const golden = join(dir, "golden");
    expect(await smcCommand({ input: join(GOLDEN, "EURUSD_15M.csv"), out: golden })).toBe(0);
    expect(await smcCommand({ input: join(GOLDEN, "EURUSD_15M.csv"), out: join(dir, "a"), check: golden })).toBe(0);
    expect(written).toContain("sessions_result_data.csv 24424 rows, 24424 / 24424 match");
    const file = join(golden, "sessions_result_data.csv");
    writeFileSync(file, readFileSync(file, "utf8").replace("\n0,0.0,0.0\n", "\n1,0.0,0.0\n"));
    expect(await smcCommand({ input: join(GOLDEN, "EURUSD_15M.csv"), out: join(dir, "b"), check: golden })).toBe(1);
    expect(written).toMatch(/sessions_result_data\.csv 24424 rows, 24423 \/ 24424 match; first mismatch row 0, column Active/);
  });

  test("usage errors", async () => {
    const input = join(dir, "k.csv");
    writeFileSync(input, "open_time,open,high,low,close,volume\n1741257000000,1,2,0.5,1.5,10\n");
    await expect(smcCommand({ out: dir })).rejects.toThrow(/needs --input/);
    await expect(smcCommand({ input })).rejects.toThrow(/needs --out/);
    await expect(smcCommand({ input, out: dir, "swing-length": "0" })).rejects.toThrow(/--swing-length "0"/);
    await expect(smcCommand({ input, out: dir, "swing-length": "2.5" })).rejects.toThrow(UsageError);
    await expect(smcCommand({ input, out: dir }, ["extra"])).rejects.toThrow(/takes no arguments/);
    await expect(smcCommand({ input, out: join(input, "sub") })).rejects.toThrow(/--out: cannot create/);
    // One candle is valid input: every file has one row.
    expect(await smcCommand({ input, out: join(dir, "one") })).toBe(0);
    expect(readFileSync(join(dir, "one", "fvg_result_data.csv"), "utf8")).toBe("FVG,Top,Bottom,MitigatedIndex\n,,,\n");
  });
});
