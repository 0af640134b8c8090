/** Fixed-memory latency histogram (log-linear buckets, ~3% resolution, 1 µs – 100 s): O(1) record, no allocation. */

const SUB = 32; // buckets per power of two: ~2.2% relative width
const MAX_POW = 27; // 2^27 µs ≈ 134 s

export class LatencyHistogram {
  readonly #counts = new Float64Array(MAX_POW * SUB + 1);
  count = 0;
  max = 0;
  /** Samples below zero: a clock offset between the exchange and us, not a latency. */
  negative = 0;

  record(us: number): void {
    if (!(us >= 0)) {
      this.negative++;
      return;
    }
    this.count++;
    if (us > this.max) this.max = us;
    this.#counts[bucketOf(us)]!++;
  }

  /** The value below which a share `q` (0..1) of the samples lie; bucket upper bound, so never optimistic. */
  quantile(q: number): number {
    if (this.count === 0) return NaN;
    const rank = Math.ceil(q * this.count);
    let seen = 0;
    for (let b = 0; b < this.#counts.length; b++) {
      seen += this.#counts[b]!;
      if (seen >= rank) return Math.min(upperOf(b), this.max);
    }
    return this.max;
  }

  reset(): void {
    this.#counts.fill(0);
    this.count = this.max = this.negative = 0;
  }
}

function bucketOf(us: number): number {
  if (us < 1) return 0;
  const pow = Math.min(MAX_POW - 1, Math.floor(Math.log2(us)));
  const base = 2 ** pow;
  const sub = Math.min(SUB - 1, Math.floor(((us - base) / base) * SUB));
  return 1 + pow * SUB + sub;
}

function upperOf(bucket: number): number {
  if (bucket === 0) return 1;
  const pow = Math.floor((bucket - 1) / SUB);
  const sub = (bucket - 1) % SUB;
  return 2 ** pow * (1 + (sub + 1) / SUB);
}
