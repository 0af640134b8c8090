/** Decimal text helpers: the decimals a step like "0.0000100" implies, and step text for a power of ten. */

/** Decimals a tick/step needs once trailing zeros are dropped: "0.0000100" → 5, "0.10" → 1, "1" → 0. */
export function stepDecimals(text: string): number {
  const dot = text.indexOf(".");
  if (dot < 0) return 0;
  let end = text.length;
  while (end > dot + 1 && text.charCodeAt(end - 1) === 48) end--;
  return end - dot - 1;
}

/** Decimals written in a number's text ("3.220" → 3, "42843.0" → 1, "7" → 0). */
export function writtenDecimals(text: string): number {
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Text for 10^exp as Binance writes steps: "0.001", "1", "10". */
export function powerOfTenText(exp: number): string {
  return exp < 0 ? (10 ** exp).toFixed(-exp) : String(10 ** exp);
}
