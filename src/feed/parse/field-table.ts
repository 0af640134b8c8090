/** The one-letter fields of one JSON object, as token spans by key char code: filled by the scanner, read by kind. */
import type { SymbolTable } from "../symbol-table";
import { decimalAt } from "./decimal";
import { Tok } from "./json-scanner";

const KEYS = 128;

/**
 * Binance payload keys are single ASCII letters, so a key's char code indexes the table and field order never
 * matters. A later duplicate key overwrites the earlier one, as in JSON.parse. Entries are valid only when
 * stamped with the current generation, so nothing is cleared between frames.
 * Getters never throw: a missing or malformed required field sets `bad` and yields NaN.
 */
export class FieldTable {
  text = "";
  /** Generation whose entries count (the object that won, e.g. the last `data`). */
  validGen = 0;
  bad = false;
  #gen = 0;
  // Written directly by FrameScanner's hot loop (a call per field costs more than the field: see frame-scanner.ts).
  readonly stamp = new Int32Array(KEYS);
  readonly type = new Uint8Array(KEYS);
  /** String content or number span in `text`. */
  readonly start = new Int32Array(KEYS);
  readonly end = new Int32Array(KEYS);
  /** Value computed while scanning (integer ÷ 10^k); NaN = not computed, ask decimalAt. */
  readonly value = new Float64Array(KEYS);

  /** A fresh generation for the next object scanned into this table. */
  nextGen(): number {
    this.#gen = (this.#gen + 1) | 0;
    if (this.#gen === 0) {
      // After 2^32 objects a stale stamp could equal the new generation: start over.
      this.stamp.fill(0);
      this.#gen = 1;
    }
    return this.#gen;
  }

  get gen(): number {
    return this.#gen;
  }

  record(key: number, gen: number, type: number, start: number, end: number, value: number): void {
    this.stamp[key] = gen;
    this.type[key] = type;
    this.start[key] = start;
    this.end[key] = end;
    this.value[key] = value;
  }

  /** Token type of the key in the valid generation, 0 when absent. */
  typeOf(key: number): number {
    return this.stamp[key] === this.validGen ? this.type[key]! : 0;
  }

  /** Required JSON number (E may carry a fraction). */
  num(key: number): number {
    const t = this.typeOf(key);
    let v = Number.NaN;
    if (t === Tok.Num) {
      v = this.value[key]!;
      if (v !== v) v = decimalAt(this.text, this.start[key]!, this.end[key]!);
    } else if (t === Tok.NumExp) v = Number(this.text.slice(this.start[key]!, this.end[key]!));
    if (!Number.isFinite(v)) this.bad = true;
    return v;
  }

  /** Required decimal string such as "1.01000". */
  dec(key: number): number {
    const v = this.#decimal(key, this.typeOf(key));
    if (v !== v) this.bad = true;
    return v;
  }

  /** Optional decimal string: absent, null or "" (delivery contracts' `r`) is NaN; anything else must be a decimal. */
  optDec(key: number): number {
    const t = this.typeOf(key);
    if (t === 0 || t === Tok.Null || (t === Tok.Str && this.start[key] === this.end[key])) return Number.NaN;
    return this.dec(key);
  }

  /** Optional JSON number: absent or null is NaN. */
  optNum(key: number): number {
    const t = this.typeOf(key);
    return t === 0 || t === Tok.Null ? Number.NaN : this.num(key);
  }

  /** Required boolean as 1 / 0. */
  bool(key: number): number {
    const t = this.typeOf(key);
    if (t === Tok.True) return 1;
    if (t === Tok.False) return 0;
    this.bad = true;
    return Number.NaN;
  }

  /** Whether the key holds a string equal to `lit` (an ASCII literal). */
  strIs(key: number, lit: string): boolean {
    const t = this.typeOf(key);
    if (t === Tok.StrEsc) return this.#unescaped(key) === lit;
    if (t !== Tok.Str) return false;
    const s = this.text;
    const start = this.start[key]!;
    if (this.end[key]! - start !== lit.length) return false;
    for (let i = 0; i < lit.length; i++) if (s.charCodeAt(start + i) !== lit.charCodeAt(i)) return false;
    return true;
  }

  /** Id of the symbol in a required string field; -1 unknown; sets `bad` when the field is not a string. */
  symbolId(key: number, symbols: SymbolTable): number {
    const t = this.typeOf(key);
    if (t === Tok.Str) return symbols.idOfRange(this.text, this.start[key]!, this.end[key]!);
    if (t === Tok.StrEsc) return symbols.idOf(this.#unescaped(key));
    this.bad = true;
    return -1;
  }

  #decimal(key: number, t: number): number {
    if (t === Tok.Str) {
      const v = this.value[key]!;
      return v === v ? v : decimalAt(this.text, this.start[key]!, this.end[key]!);
    }
    if (t !== Tok.StrEsc) return Number.NaN;
    const s = this.#unescaped(key);
    return decimalAt(s, 0, s.length);
  }

  /** Rare slow path: a string with escapes; the scanner has validated it, so JSON.parse decodes it exactly. */
  #unescaped(key: number): string {
    return JSON.parse(this.text.slice(this.start[key]! - 1, this.end[key]! + 1)) as string;
  }
}
