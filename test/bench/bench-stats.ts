/** Small helpers every bench shares: `--name=value` options, medians, percentiles, CPU pressure, per-thread times. */
import { readFileSync } from "node:fs";

/** The number given as `--name=value` on the command line, or `fallback`. */
export function option(name: string, fallback: number): number {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit === undefined ? fallback : Number(hit.slice(name.length + 3));
}

/** Median of the finite values (NaN when there are none). */
export function median(values: number[]): number {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Percentile of an ascending-sorted array (nearest rank). */
export const percentile = (sorted: Float64Array, p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;

/** `some avg10` of /proc/pressure/cpu: the share of time a runnable task waited for a CPU (neighbours' noise). */
export function psiAvg10(): number {
  try {
    return Number(/some avg10=([\d.]+)/.exec(readFileSync("/proc/pressure/cpu", "utf8"))?.[1] ?? Number.NaN);
  } catch {
    return Number.NaN;
  }
}

/** [on-CPU ms, run-queue wait ms] of the calling thread (works inside workers). */
export function threadTimesMs(): [number, number] {
  try {
    const f = readFileSync("/proc/thread-self/schedstat", "utf8").split(" ");
    return [Number(f[0]) / 1e6, Number(f[1]) / 1e6];
  } catch {
    return [Number.NaN, Number.NaN];
  }
}

export const round2 = (x: number): number => Math.round(x * 100) / 100;
