/** smartmoneyconcepts 0.0.27 `previous_high_low`: high and low of an earlier completed bucket, and whether they broke. */
import type { Ohlc } from "../ohlc";
import { parseTimeFrame } from "./time-buckets";

export interface PreviousHighLowResult {
  previousHigh: Float32Array;
  previousLow: Float32Array;
  brokenHigh: Int32Array;
  brokenLow: Int32Array;
}

/** @throws RangeError for a time frame that parseTimeFrame does not know. */
export function previousHighLow(ohlc: Ohlc, timeFrame = "1D"): PreviousHighLowResult {
  const tf = parseTimeFrame(timeFrame);
  if (!tf) throw new RangeError(`unknown time frame "${timeFrame}"; use e.g. 15min, 4h, 1D, W, W-FRI or M`);
  const { timeMs, high: h, low: l } = ohlc;
  const n = timeMs.length;
  const out: PreviousHighLowResult = {
    previousHigh: new Float32Array(n).fill(Number.NaN),
    previousLow: new Float32Array(n).fill(Number.NaN),
    brokenHigh: new Int32Array(n),
    brokenLow: new Int32Array(n),
  };
  if (n === 0) return out;
  // §3.6 step 2: only non-empty buckets exist, numbered in time order (candles are sorted by time).
  const labels: number[] = [];
  const bucketHigh: number[] = [];
  const bucketLow: number[] = [];
  const first = timeMs[0]!;
  for (let i = 0; i < n; i++) {
    const label = tf.labelOf(timeMs[i]!, first);
    const b = labels.length - 1;
    if (b < 0 || labels[b] !== label) {
      labels.push(label);
      bucketHigh.push(h[i]!);
      bucketLow.push(l[i]!);
    } else {
      bucketHigh[b] = Math.max(bucketHigh[b]!, h[i]!);
      bucketLow[b] = Math.min(bucketLow[b]!, l[i]!);
    }
  }
  if (labels.length < 2) return out;
  let cnt = 0;
  let group = Number.NaN;
  let runHigh = 0;
  let runLow = 0;
  for (let i = 0; i < n; i++) {
    // §3.6 step 3: labels strictly before t, so a candle on a bucket start sees the bucket two back (`≤` breaks rows).
    while (cnt < labels.length && labels[cnt]! < timeMs[i]!) cnt++;
    const prev = cnt - 2;
    if (prev !== group) {
      group = prev;
      runHigh = h[i]!;
      runLow = l[i]!;
    } else {
      runHigh = Math.max(runHigh, h[i]!);
      runLow = Math.min(runLow, l[i]!);
    }
    if (prev < 0) continue;
    // Stored as float32 first; the broken tests compare against the rounded level (§2: 146 golden rows).
    out.previousHigh[i] = bucketHigh[prev]!;
    out.previousLow[i] = bucketLow[prev]!;
    out.brokenHigh[i] = runHigh > out.previousHigh[i]! ? 1 : 0;
    out.brokenLow[i] = runLow < out.previousLow[i]! ? 1 : 0;
  }
  return out;
}
