/** Python's `round(x, 1)`: correctly rounded from the exact binary value, exact ties to even (§3.8 "R"). */

/**
 * `toFixed(1)` is also correctly rounded but breaks exact ties away from zero. The only exact ties at one decimal are
 * k + 0.25 and k + 0.75; at .75 both choose .8, at .25 Python chooses .2 and toFixed .3, so that case is fixed here.
 */
export function pythonRound1(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x; // keeps −0, as Python does
  const a = Math.abs(x);
  if (a < 1e15 && a - Math.floor(a) === 0.25) return Number(`${x < 0 ? "-" : ""}${Math.floor(a)}.2`);
  return Number(x.toFixed(1));
}
