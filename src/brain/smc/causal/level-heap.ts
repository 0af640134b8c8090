/** Binary min-heap of items keyed by price (ties: lower row first): the next structure a candle can touch is on top. */

/**
 * Lets a detector test one key per candle instead of every open structure. For "largest first", push the negated
 * price (negation is exact). Storage doubles when full, so a steady state allocates nothing.
 */
export class LevelHeap<T> {
  #keys: Float64Array;
  #rows: Float64Array;
  #items: (T | undefined)[];
  #size = 0;

  constructor(capacity = 16) {
    this.#keys = new Float64Array(capacity);
    this.#rows = new Float64Array(capacity);
    this.#items = new Array<T | undefined>(capacity).fill(undefined);
  }

  /** Smallest key, +Infinity when empty, so `while (x >= heap.topKey)` needs no emptiness test. */
  get topKey(): number {
    return this.#size === 0 ? Number.POSITIVE_INFINITY : this.#keys[0]!;
  }

  push(key: number, row: number, item: T): void {
    if (this.#size === this.#keys.length) this.#grow();
    let i = this.#size++;
    const keys = this.#keys;
    const rows = this.#rows;
    const items = this.#items;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = keys[p]!;
      if (pk < key || (pk === key && rows[p]! <= row)) break;
      keys[i] = pk;
      rows[i] = rows[p]!;
      items[i] = items[p];
      i = p;
    }
    keys[i] = key;
    rows[i] = row;
    items[i] = item;
  }

  /** Removes and returns the top item; callers check `size` (or topKey) first. */
  pop(): T {
    const keys = this.#keys;
    const rows = this.#rows;
    const items = this.#items;
    const top = items[0] as T;
    const n = --this.#size;
    const key = keys[n]!;
    const row = rows[n]!;
    const item = items[n];
    items[n] = undefined;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n && (keys[r]! < keys[c]! || (keys[r] === keys[c] && rows[r]! < rows[c]!))) c = r;
      const ck = keys[c]!;
      if (key < ck || (key === ck && row <= rows[c]!)) break;
      keys[i] = ck;
      rows[i] = rows[c]!;
      items[i] = items[c];
      i = c;
    }
    keys[i] = key;
    rows[i] = row;
    items[i] = item;
    return top;
  }

  #grow(): void {
    const cap = this.#keys.length * 2 || 16;
    const keys = new Float64Array(cap);
    keys.set(this.#keys);
    const rows = new Float64Array(cap);
    rows.set(this.#rows);
    this.#keys = keys;
    this.#rows = rows;
    this.#items.length = cap;
  }
}
