/** Unordered set of live structures with O(1) add and remove (swap with the last): what the read-only views iterate. */

export interface Listed {
  /** Position in the owning list, -1 when not listed; only DenseList writes it. */
  pos: number;
}

export class DenseList<T extends Listed> {
  readonly #items: T[] = [];

  get size(): number {
    return this.#items.length;
  }

  /** Item k (0 <= k < size); order changes on every remove. */
  at(k: number): T {
    const item = this.#items[k];
    if (item === undefined) throw new RangeError(`DenseList: index ${k} outside [0, ${this.#items.length})`);
    return item;
  }

  add(item: T): void {
    item.pos = this.#items.length;
    this.#items.push(item);
  }

  remove(item: T): void {
    const last = this.#items.pop();
    if (last !== undefined && last !== item) {
      this.#items[item.pos] = last;
      last.pos = item.pos;
    }
    item.pos = -1;
  }
}
