/**
 * The market streams the simulator produces, as dense slots: per symbol kline_1m, aggTrade, markPrice@1s and
 * markPrice (3 s), then the two all-market mark price arrays. Each slot has a raw and a combined pub/sub topic.
 */
import type { SymbolSpec } from "../exchange/symbol-spec";

export const KIND_KLINE = 0;
export const KIND_AGG_TRADE = 1;
export const KIND_MARK_1S = 2;
export const KIND_MARK_3S = 3;
const KINDS = 4;
const SUFFIX = ["@kline_1m", "@aggTrade", "@markPrice@1s", "@markPrice"];

export class StreamCatalog {
  readonly n: number;
  readonly markArr1s: number;
  readonly markArr3s: number;
  readonly size: number;
  readonly names: string[];
  /** Topic names: short, so Bun hashes little per publish. */
  readonly rawTopic: string[];
  readonly combinedTopic: string[];
  /** `{"stream":"<name>","data":` — the combined wrapper up to the payload. */
  readonly combinedPrefix: string[];
  readonly #slots = new Map<string, number>();

  constructor(specs: SymbolSpec[]) {
    const n = (this.n = specs.length);
    this.markArr1s = KINDS * n;
    this.markArr3s = KINDS * n + 1;
    this.size = KINDS * n + 2;
    this.names = new Array<string>(this.size);
    for (let k = 0; k < KINDS; k++) for (let i = 0; i < n; i++) this.names[k * n + i] = specs[i]!.lower + SUFFIX[k];
    this.names[this.markArr1s] = "!markPrice@arr@1s";
    this.names[this.markArr3s] = "!markPrice@arr";
    this.rawTopic = this.names.map((_, s) => `r${s}`);
    this.combinedTopic = this.names.map((_, s) => `c${s}`);
    this.combinedPrefix = this.names.map((name) => `{"stream":${JSON.stringify(name)},"data":`);
    this.names.forEach((name, s) => this.#slots.set(name, s));
  }

  /** The slot of a stream name (exact, lower-case spelling), or -1 for a stream this market does not produce. */
  slot(name: string): number {
    return this.#slots.get(name) ?? -1;
  }

  slotOf(kind: number, i: number): number {
    return kind * this.n + i;
  }

  /** Symbol index of a kline slot, or -1. */
  klineSymbol(slot: number): number {
    return slot >= 0 && slot < this.n ? slot : -1;
  }
}
