/** Decimal text → double without allocating: digits as an integer ÷ 10^k, exact slow path beyond 2^53 or k > 22. */

/** 10^0 … 10^22: every one is an exact double, so one correctly rounded division equals parseFloat (docs/performance.md §3.4). */
export const POW10 = new Float64Array(23);
for (let k = 0, p = 1; k < POW10.length; k++, p *= 10) POW10[k] = p;
export const TWO_53 = 9007199254740992;

/**
 * The number spelled by s[start..end) if it matches `-?digits(.digits)?` and is finite, else NaN.
 * Binance sends prices and sizes as such strings; JSON numbers without an exponent have the same shape.
 */
export function decimalAt(s: string, start: number, end: number): number {
  let i = start;
  const neg = i < end && s.charCodeAt(i) === 45;
  if (neg) i++;
  const intStart = i;
  let m = 0;
  for (; i < end; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    m = m * 10 + d;
  }
  if (i === intStart) return Number.NaN;
  let k = 0;
  if (i < end) {
    if (s.charCodeAt(i) !== 46) return Number.NaN;
    const fracStart = ++i;
    for (; i < end; i++) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return Number.NaN;
      m = m * 10 + d;
    }
    k = i - fracStart;
    if (k === 0) return Number.NaN;
  }
  // Below 2^53 every partial sum was exact; a larger true value can only accumulate to ≥ 2^53 (rounding is
  // monotone), so this one test separates exact integers from the rest whatever the digit count.
  if (m < TWO_53 && k <= 22) {
    const v = m / POW10[k]!;
    return neg ? -v : v;
  }
  // Rare: beyond 2^53 (17+ digits) or more than 22 decimals. The text is validated, so Number() is parseFloat.
  const slow = Number(s.slice(start, end));
  return Number.isFinite(slow) ? slow : Number.NaN;
}
