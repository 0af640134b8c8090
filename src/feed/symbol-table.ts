/** Symbol ↔ dense id. Lookup of a symbol spelled inside a frame without allocating; ASCII letters match either case. */

/** ASCII letters fold to lower case; everything else (CJK in `币安人生USDT`) compares as UTF-16 code units. */
const fold = (c: number): number => (c >= 65 && c <= 90 ? c | 32 : c);

function hashRange(s: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ fold(s.charCodeAt(i)), 0x01000193);
  return (h ^ (h >>> 15)) | 0;
}

/**
 * Ids are 0, 1, 2… in order of first `add` and never change. Stream names are lower case and payload `s`
 * upper case, so lookups ignore ASCII case: `add("BTCUSDT")` and `idOf("btcusdt")` meet.
 */
export class SymbolTable {
  #names: string[] = [];
  #hashes = new Int32Array(64);
  /** Open addressing, linear probing: id + 1, 0 = empty. Kept at most half full. */
  #slots = new Int32Array(128);
  #mask = 127;

  get size(): number {
    return this.#names.length;
  }

  /** Idempotent: returns the existing id when the symbol (in any ASCII case) is known. */
  add(symbol: string): number {
    const h = hashRange(symbol, 0, symbol.length);
    const known = this.#find(symbol, 0, symbol.length, h);
    if (known >= 0) return known;
    const id = this.#names.length;
    this.#names.push(symbol);
    if (id >= this.#hashes.length) {
      const grown = new Int32Array(this.#hashes.length * 2);
      grown.set(this.#hashes);
      this.#hashes = grown;
    }
    this.#hashes[id] = h;
    if ((id + 1) * 2 > this.#slots.length) this.#rehash(this.#slots.length * 2);
    else this.#insert(id, h);
    return id;
  }

  /** -1 when unknown. */
  idOf(symbol: string): number {
    return this.#find(symbol, 0, symbol.length, hashRange(symbol, 0, symbol.length));
  }

  /** Id of the symbol spelled by text[start..end), or -1. Allocates nothing. */
  idOfRange(text: string, start: number, end: number): number {
    if (start < 0 || end > text.length || end < start) return -1;
    return this.#find(text, start, end, hashRange(text, start, end));
  }

  /** The symbol as first added. */
  name(id: number): string {
    const n = this.#names[id];
    if (n === undefined) throw new RangeError(`SymbolTable: no symbol with id ${id}`);
    return n;
  }

  #find(text: string, start: number, end: number, h: number): number {
    const len = end - start;
    const slots = this.#slots;
    const mask = this.#mask;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const entry = slots[i]!;
      if (entry === 0) return -1;
      const id = entry - 1;
      if (this.#hashes[id] !== h) continue;
      const name = this.#names[id]!;
      if (name.length !== len) continue;
      let j = 0;
      while (j < len && fold(name.charCodeAt(j)) === fold(text.charCodeAt(start + j))) j++;
      if (j === len) return id;
    }
  }

  #insert(id: number, h: number): void {
    const slots = this.#slots;
    let i = h & this.#mask;
    while (slots[i] !== 0) i = (i + 1) & this.#mask;
    slots[i] = id + 1;
  }

  #rehash(capacity: number): void {
    this.#slots = new Int32Array(capacity);
    this.#mask = capacity - 1;
    for (let id = 0; id < this.#names.length; id++) this.#insert(id, this.#hashes[id]!);
  }
}
