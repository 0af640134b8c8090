/** `aegis smc`: runs the smartmoneyconcepts reference calls on a candle CSV and writes one CSV per call, golden layout. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { goldenCalls, type ReferenceTable } from "../brain/smc/reference/golden-calls";
import { compareTableWithGolden } from "../brain/smc/reference/golden-compare";
import { formatCell } from "../brain/smc/reference/python-repr";
import { UsageError } from "../core/errors";
import type { CommandSpec, OptionValues } from "./args";
import { loadCliConfig } from "./cli-config";
import { readOhlcCsv } from "./csv-input";

export const smcSpec: CommandSpec = {
  summary: "smartmoneyconcepts 0.0.27 reference outputs (charts and golden tests only) for a candle CSV",
  usage: "aegis smc --input FILE.csv --out DIR [--swing-length N] [--check GOLDEN_DIR]",
  options: {
    input: { type: "string" },
    out: { type: "string" },
    "swing-length": { type: "string" },
    check: { type: "string" },
  },
  help: [
    ["--input FILE", "candles: Date,Open,High,Low,Close,Tickvol,Volume,Spread (naive time = UTC) or Binance klines"],
    ["--out DIR", "where the result CSVs go (created if needed); names and columns as the upstream golden files"],
    ["--swing-length N", "swing_highs_lows window feeding bos_choch, ob, liquidity, retracements (default 5)"],
    ["--check DIR", "compare every result with DIR/<same name> cell by cell; exit 1 on any mismatch"],
  ],
};

export async function smcCommand(values: OptionValues, positionals: string[] = []): Promise<number> {
  loadCliConfig(values, {});
  if (positionals.length > 0) throw new UsageError(`aegis smc takes no arguments, got "${positionals.join(" ")}"; use --input FILE`);
  const input = requiredString(values, "input");
  const out = requiredString(values, "out");
  const swingLength = swingLengthOf(values["swing-length"]);
  const { ohlc } = readOhlcCsv(input);
  const tables = goldenCalls(ohlc, swingLength);
  makeDir(out);
  const lines: string[] = [];
  let failed = false;
  for (const table of tables) {
    writeFileSync(join(out, table.file), toCsv(table));
    let line = `${table.file} ${ohlc.close.length} rows`;
    if (typeof values.check === "string") {
      const c = compareTableWithGolden(readGolden(values.check, table.file), table);
      failed ||= c.firstMismatch !== null;
      line += `, ${c.rowsMatched} / ${c.rows} match${c.firstMismatch ? `; first mismatch ${c.firstMismatch}` : ""}`;
    }
    lines.push(line);
  }
  process.stdout.write(lines.join("\n") + "\n");
  return failed ? 1 : 0;
}

/** Header, then one line per row, "\n" after each line as pandas writes it. */
export function toCsv(table: ReferenceTable): string {
  const cols = table.columns.map(([, values]) => values);
  const n = cols[0]?.length ?? 0;
  const parts: string[] = [table.columns.map(([name]) => name).join(",")];
  for (let i = 0; i < n; i++) parts.push(cols.map((c) => formatCell(c, i)).join(","));
  return parts.join("\n") + "\n";
}

function requiredString(values: OptionValues, name: string): string {
  const v = values[name];
  if (typeof v !== "string" || v === "") throw new UsageError(`aegis smc needs --${name} (aegis smc --help)`);
  return v;
}

function swingLengthOf(raw: string | boolean | undefined): number {
  if (raw === undefined) return 5;
  const n = typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(n >= 1 && n <= 100_000)) throw new UsageError(`--swing-length "${String(raw)}" must be a whole number ≥ 1`);
  return n;
}

function makeDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new UsageError(`--out: cannot create ${dir}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function readGolden(dir: string, file: string): string {
  try {
    return readFileSync(join(dir, file), "utf8");
  } catch (e) {
    throw new UsageError(`--check: cannot read ${join(dir, file)}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
