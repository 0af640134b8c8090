/** One WebSocket frame → field tables: wrapper or raw payload, control replies, with generic key dispatch. */
import { FieldScanner, Name } from "./field-scanner";
import { FieldTable } from "./field-table";
import { Tok } from "./json-scanner";

/** What the frame turned out to be. */
export const Shape = { Invalid: 0, Payload: 1, Array: 2, Control: 3, ErrorReply: 4 } as const;

const KEY_K = 107; // "k": the kline object, the one nested object a payload needs
const KEY_E = 101; // "e"

/**
 * `scan(text)` validates the whole frame as JSON and files every one-letter key of the payload object
 * (top level, or the last `data` of a combined-stream wrapper) into `payload`, and those of its `k` object
 * into `kline`. An array payload (`!markPrice@arr`) stops the scan: the caller hands it to JSON.parse.
 */
export class FrameScanner extends FieldScanner {
  readonly payload = new FieldTable();
  readonly kline = new FieldTable();
  #topGen = 0;
  #dataGen = 0;
  /** Token type of the last `data` value, 0 when there was none. */
  #dataType = 0;
  #hasResult = false;
  #hasCode = false;
  #arrayData = false;

  scan(text: string): number {
    this.text = text;
    this.pos = 0;
    const p = this.payload;
    const k = this.kline;
    p.text = text;
    k.text = text;
    p.bad = false;
    k.bad = false;
    this.#dataType = 0;
    this.#hasResult = false;
    this.#hasCode = false;
    this.#arrayData = false;
    const c = this.peek();
    if (c === 91) return Shape.Array; // raw `!markPrice@arr` on a /ws/ connection
    if (c !== 123) return Shape.Invalid;
    this.#topGen = p.nextGen();
    if (!this.fields(p, this.#topGen, true, 0)) return this.#arrayData ? Shape.Array : Shape.Invalid;
    if (this.peek() !== -1) return Shape.Invalid; // something after the closing brace
    k.validGen = k.gen;
    if (this.#dataType !== 0) {
      p.validGen = this.#dataGen;
      return this.#dataType === Tok.Obj ? Shape.Payload : Shape.Invalid;
    }
    p.validGen = this.#topGen;
    if (p.typeOf(KEY_E) !== 0) return Shape.Payload;
    if (this.#hasCode) return Shape.ErrorReply;
    if (this.#hasResult) return Shape.Control;
    return Shape.Payload; // no event type: the caller counts a parse error
  }

  /** `k` (the kline object, in the payload only), `data` (the wrapper's payload), result/code, anything else. */
  protected otherValue(table: FieldTable, gen: number, key: number, name: number, depth: number): boolean {
    const c = this.peek();
    if (key === KEY_K && c === 123 && table === this.payload) {
      const k = this.kline;
      if (!this.fields(k, k.nextGen(), false, depth + 1)) return false;
      table.record(KEY_K, gen, Tok.Obj, 0, 0, Number.NaN);
      return true;
    }
    if (key >= 0) {
      if (!this.value(depth)) return false;
      table.record(key, gen, this.tokType, this.tokStart, this.tokEnd, Number.NaN);
      return true;
    }
    if (name === Name.Data) {
      if (c === 91) {
        this.#arrayData = true;
        return false;
      }
      if (c === 123) {
        this.#dataGen = table.nextGen();
        if (!this.fields(table, this.#dataGen, false, depth + 1)) return false;
        this.#dataType = Tok.Obj;
        return true;
      }
      if (!this.value(depth)) return false;
      this.#dataType = this.tokType;
      return true;
    }
    if (!this.value(depth)) return false;
    if (name === Name.Result) this.#hasResult = true;
    else if (name === Name.Code) this.#hasCode = true;
    return true;
  }
}
