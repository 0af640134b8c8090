import { describe, expect, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { goldenCalls } from "../../../src/brain/smc/reference/golden-calls";
import { compareTableWithGolden } from "../../../src/brain/smc/reference/golden-compare";
import { readOhlcCsv } from "../../../src/cli/csv-input";
import { sharedData } from "../../support/shared-data";

const GOLDEN = sharedData("smc-golden");
const GOLDEN_ROWS = 24_424;
const FILES = [
  "fvg_result_data.csv",
  "fvg_consecutive_result_data.csv",
  "swing_highs_lows_result_data.csv",
  "bos_choch_result_data.csv",
  "ob_result_data.csv",
  "liquidity_result_data.csv",
  "previous_high_low_result_data_4h.csv",
  "previous_high_low_result_data_1D.csv",
  "previous_high_low_result_data_W.csv",
  "sessions_result_data.csv",
  "retracements_result_data.csv",
];

describe.skipIf(!existsSync(join(GOLDEN, "EURUSD_15M.csv")))("smartmoneyconcepts 0.0.27 goldens (smc-reference §4, §7)", () => {
  const { ohlc } = readOhlcCsv(join(GOLDEN, "EURUSD_15M.csv"));
  const tables = goldenCalls(ohlc, 5);

  test("the §4 calls produce exactly the golden files, in order", () => {
    expect(ohlc.close.length).toBe(GOLDEN_ROWS);
    expect(tables.map((t) => t.file)).toEqual(FILES);
  });

  for (const file of FILES) {
    test(file, () => {
      const table = tables.find((t) => t.file === file)!;
      for (const [, values] of table.columns) expect(values.length).toBe(GOLDEN_ROWS);
      const c = compareTableWithGolden(readFileSync(join(GOLDEN, file), "utf8"), table);
      if (c.firstMismatch !== null || c.rows !== GOLDEN_ROWS || c.rowsMatched !== GOLDEN_ROWS) {
        throw new Error(`${file}: ${c.rowsMatched} / ${GOLDEN_ROWS.toLocaleString("en")} rows matched; first mismatch: ${c.firstMismatch}`);
      }
    });
  }
});
