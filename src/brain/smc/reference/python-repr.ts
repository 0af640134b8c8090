/** CSV cell text as pandas writes it for the library's columns: Python's shortest repr, float32 columns at float32 (§2). */

/** A result column; its array type is its storage type (Float32Array = the library's float32). */
export type Column = Float64Array | Float32Array | Int32Array;

/** "" for NaN, "0"/"1" for int columns, "153.0" / "0.97369" / "1e-05" for floats. */
export function formatCell(column: Column, row: number): string {
  const v = column[row]!;
  if (column instanceof Int32Array) return String(v);
  if (Number.isNaN(v)) return "";
  if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
  return pythonRepr(column instanceof Float32Array ? shortestFloat32(v) : v.toExponential(), v);
}

/** Shortest digits that read back as the same float32, as numpy's float32 repr prints them ("0.97345555"). */
function shortestFloat32(v: number): string {
  for (let digits = 1; digits < 9; digits++) {
    const text = v.toExponential(digits - 1);
    if (Math.fround(Number(text)) === v) return text;
  }
  return v.toExponential(8);
}

/** Python's repr layout for digits given as "d.ddde±x": positional for 1e-4 ≤ |v| < 1e16, else "de-05"-style. */
function pythonRepr(exponential: string, v: number): string {
  const [mantissa = "", expText = "0"] = exponential.split("e");
  const exp = Number(expText);
  const negative = mantissa.startsWith("-") || Object.is(v, -0);
  const digits = mantissa.replace(/^-/, "").replace(".", "");
  const sign = negative ? "-" : "";
  if (exp < -4 || exp >= 16) {
    const body = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${body}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
  const fraction = digits.slice(exp + 1);
  return `${sign}${whole}.${fraction === "" ? "0" : fraction}`;
}
