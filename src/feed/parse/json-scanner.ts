/** Validating JSON tokenizer over one string by char code: records token spans, never allocates, never throws. */

/** Token types; a string that contains an escape is kept apart because its raw span is not its value. */
export const Tok = { Str: 1, StrEsc: 2, Num: 3, NumExp: 4, True: 5, False: 6, Null: 7, Obj: 8, Arr: 9 } as const;

/** Deeper nesting is no Binance frame; refusing it bounds the recursion. */
const MAX_DEPTH = 32;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isHex = (c: number): boolean => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);

/**
 * Cursor over `text`. Each method starts at `pos`, returns false on anything that is not JSON, and on success
 * leaves `pos` after the token with tokType/tokStart/tokEnd describing it (string: the content between quotes).
 * Accepts exactly JSON's grammar (RFC 8259), so a frame it accepts is one JSON.parse accepts.
 * Reads are bounded (-1 past the end): one out-of-range charCodeAt makes JSC compile the site generically,
 * which tripled the scan time (measured with --cpu-prof).
 */
export class JsonScanner {
  text = "";
  pos = 0;
  tokType = 0;
  tokStart = 0;
  tokEnd = 0;

  /** Skips whitespace; returns the next char code, or -1 at the end of the text. */
  peek(): number {
    const s = this.text;
    const n = s.length;
    let p = this.pos;
    while (p < n) {
      const c = s.charCodeAt(p);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) {
        this.pos = p;
        return c;
      }
      p++;
    }
    this.pos = p;
    return -1;
  }

  /** At an opening quote. */
  string(): boolean {
    const s = this.text;
    const len = s.length;
    let p = this.pos + 1;
    const start = p;
    let type: number = Tok.Str;
    for (;;) {
      if (p >= len) return false; // the text ended inside the string
      const c = s.charCodeAt(p);
      if (c === 34) break;
      if (c === 92) {
        type = Tok.StrEsc;
        if (p + 1 >= len) return false;
        const e = s.charCodeAt(p + 1);
        if (e === 117) {
          if (p + 5 >= len || !(isHex(s.charCodeAt(p + 2)) && isHex(s.charCodeAt(p + 3)) && isHex(s.charCodeAt(p + 4)) && isHex(s.charCodeAt(p + 5)))) return false;
          p += 6;
        } else if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) {
          p += 2;
        } else {
          return false;
        }
      } else if (c < 32) {
        return false; // a raw control character
      } else {
        p++;
      }
    }
    this.tokType = type;
    this.tokStart = start;
    this.tokEnd = p;
    this.pos = p + 1;
    return true;
  }

  /** At '-' or a digit: `-?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?`. */
  number(): boolean {
    const s = this.text;
    const n = s.length;
    const start = this.pos;
    let p = start;
    let type: number = Tok.Num;
    let c = s.charCodeAt(p);
    if (c === 45) c = ++p < n ? s.charCodeAt(p) : -1;
    if (c === 48) c = ++p < n ? s.charCodeAt(p) : -1;
    else if (c >= 49 && c <= 57) do c = ++p < n ? s.charCodeAt(p) : -1; while (c >= 48 && c <= 57);
    else return false;
    if (c === 46) {
      c = ++p < n ? s.charCodeAt(p) : -1;
      if (!isDigit(c)) return false;
      do c = ++p < n ? s.charCodeAt(p) : -1; while (c >= 48 && c <= 57);
    }
    if (c === 101 || c === 69) {
      type = Tok.NumExp;
      c = ++p < n ? s.charCodeAt(p) : -1;
      if (c === 43 || c === 45) c = ++p < n ? s.charCodeAt(p) : -1;
      if (!isDigit(c)) return false;
      do c = ++p < n ? s.charCodeAt(p) : -1; while (c >= 48 && c <= 57);
    }
    this.tokType = type;
    this.tokStart = start;
    this.tokEnd = p;
    this.pos = p;
    return true;
  }

  /** Any value at the next non-blank position; containers are checked to their closing bracket. */
  value(depth: number): boolean {
    const c = this.peek();
    if (c === 34) return this.string();
    if (c === 45 || isDigit(c)) return this.number();
    if (c === 123) return this.skipObject(depth + 1);
    if (c === 91) return this.skipArray(depth + 1);
    if (c === 116) return this.#word(114, 117, 101, -1, Tok.True); // true
    if (c === 102) return this.#word(97, 108, 115, 101, Tok.False); // false
    if (c === 110) return this.#word(117, 108, 108, -1, Tok.Null); // null
    return false;
  }

  /** At '{'. */
  skipObject(depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    const start = this.pos++;
    let c = this.peek();
    if (c !== 125) {
      for (;;) {
        if (c !== 34 || !this.string() || this.peek() !== 58) return false;
        this.pos++;
        if (!this.value(depth)) return false;
        c = this.peek();
        if (c === 125) break;
        if (c !== 44) return false;
        this.pos++;
        c = this.peek();
      }
    }
    this.pos++;
    this.#container(Tok.Obj, start);
    return true;
  }

  /** At '['. */
  skipArray(depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    const start = this.pos++;
    let c = this.peek();
    if (c !== 93) {
      for (;;) {
        if (!this.value(depth)) return false;
        c = this.peek();
        if (c === 93) break;
        if (c !== 44) return false;
        this.pos++;
      }
    }
    this.pos++;
    this.#container(Tok.Arr, start);
    return true;
  }

  /** Literal whose first letter is at pos; the rest are given as char codes (-1 = shorter word). */
  #word(c1: number, c2: number, c3: number, c4: number, type: number): boolean {
    const s = this.text;
    const p = this.pos;
    const len = c4 < 0 ? 4 : 5;
    if (p + len > s.length) return false;
    if (s.charCodeAt(p + 1) !== c1 || s.charCodeAt(p + 2) !== c2 || s.charCodeAt(p + 3) !== c3) return false;
    if (c4 >= 0 && s.charCodeAt(p + 4) !== c4) return false;
    this.tokType = type;
    this.tokStart = p;
    this.tokEnd = p + len;
    this.pos = p + len;
    return true;
  }

  #container(type: number, start: number): void {
    this.tokType = type;
    this.tokStart = start;
    this.tokEnd = this.pos;
  }
}
