/** Closed 1m candles of one symbol in one growable Float64Array (row-major), oldest first, searchable by open time. */

/** Column offsets inside a row. */
export const COL = { t: 0, o: 1, h: 2, l: 3, c: 4, v: 5, q: 6, n: 7, V: 8, Q: 9 } as const;
export const ROW = 10;

export class CandleSeries {
  #data: Float64Array;
  #length = 0;

  constructor(capacityRows = 1024) {
    this.#data = new Float64Array(Math.max(16, capacityRows) * ROW);
  }

  get length(): number {
    return this.#length;
  }

  /** The backing array; row k starts at k * ROW. Valid until the next push. */
  get data(): Float64Array {
    return this.#data;
  }

  push(t: number, o: number, h: number, l: number, c: number, v: number, q: number, n: number, V: number, Q: number): void {
    if ((this.#length + 1) * ROW > this.#data.length) {
      const grown = new Float64Array(this.#data.length * 2);
      grown.set(this.#data);
      this.#data = grown;
    }
    const d = this.#data;
    const b = this.#length * ROW;
    d[b] = t;
    d[b + 1] = o;
    d[b + 2] = h;
    d[b + 3] = l;
    d[b + 4] = c;
    d[b + 5] = v;
    d[b + 6] = q;
    d[b + 7] = n;
    d[b + 8] = V;
    d[b + 9] = Q;
    this.#length++;
  }

  /** Forgets the oldest `rows` rows (row indices shift down). */
  dropOldest(rows: number): void {
    const n = Math.min(rows, this.#length);
    this.#data.copyWithin(0, n * ROW, this.#length * ROW);
    this.#length -= n;
  }

  get(row: number, col: number): number {
    return this.#data[row * ROW + col] ?? Number.NaN;
  }

  /** First row in [0, limit) whose open time is ≥ t (limit when none). */
  lowerBound(t: number, limit = this.#length): number {
    let lo = 0;
    let hi = limit;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.#data[mid * ROW] ?? 0) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
