/** Cell-exact comparison with a golden CSV (§7): empty ⇔ NaN, float32 columns after float32 rounding, no tolerance. */
import type { ReferenceTable } from "./golden-calls";
import type { Column } from "./python-repr";

export type ColumnKind = "f64" | "f32" | "int";

export interface GoldenComparison {
  /** Data rows in the golden file. */
  rows: number;
  /** Rows whose every cell matches. */
  rowsMatched: number;
  /** The first problem (header, row count or cell), or null when everything matches. */
  firstMismatch: string | null;
}

export function columnKind(column: Column): ColumnKind {
  return column instanceof Float32Array ? "f32" : column instanceof Int32Array ? "int" : "f64";
}

/** Compares computed columns with the golden file's text. */
export function compareTableWithGolden(goldenCsv: string, table: ReferenceTable): GoldenComparison {
  const values = table.columns.map(([, v]) => v);
  return compareCells(goldenCsv, table.columns.map(([name]) => name), table.columns.map(([, v]) => columnKind(v)),
    values[0]?.length ?? 0, (row, col) => values[col]![row]!);
}

/** Compares a written CSV (for example the CLI's output) with the golden file's text. */
export function compareCsvWithGolden(goldenCsv: string, producedCsv: string, kinds: ColumnKind[]): GoldenComparison {
  const lines = dataLines(producedCsv);
  const header = (lines.shift() ?? "").split(",");
  const cells = lines.map((line) => line.split(",").map((t) => (t === "" ? Number.NaN : Number(t))));
  return compareCells(goldenCsv, header, kinds, cells.length, (row, col) => cells[row]?.[col] ?? Number.NaN);
}

function compareCells(goldenCsv: string, header: string[], kinds: ColumnKind[], rows: number,
  cell: (row: number, col: number) => number): GoldenComparison {
  const lines = dataLines(goldenCsv);
  const goldenHeader = lines.shift() ?? "";
  const result: GoldenComparison = { rows: lines.length, rowsMatched: 0, firstMismatch: null };
  if (goldenHeader !== header.join(",")) {
    result.firstMismatch = `header: expected "${goldenHeader}", got "${header.join(",")}"`;
    return result;
  }
  if (rows !== lines.length) result.firstMismatch = `row count: expected ${lines.length}, got ${rows}`;
  for (let r = 0; r < Math.min(rows, lines.length); r++) {
    const texts = lines[r]!.split(",");
    let rowOk = texts.length === kinds.length;
    for (let c = 0; c < kinds.length && rowOk; c++) {
      const text = texts[c]!;
      const ours = cell(r, c);
      if (sameCell(text, ours, kinds[c]!)) continue;
      rowOk = false;
      result.firstMismatch ??= `row ${r}, column ${header[c]}: expected "${text}", got ${ours}`;
    }
    if (rowOk) result.rowsMatched++;
    else result.firstMismatch ??= `row ${r}: expected ${kinds.length} cells, found ${texts.length}`;
  }
  return result;
}

function sameCell(text: string, ours: number, kind: ColumnKind): boolean {
  if (text === "" || Number.isNaN(ours)) return text === "" && Number.isNaN(ours);
  const golden = Number(text);
  return kind === "f32" ? Math.fround(golden) === Math.fround(ours) : golden === ours;
}

/** Lines without the trailing newline's empty line; tolerates CRLF. */
function dataLines(csv: string): string[] {
  const lines = csv.split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}
