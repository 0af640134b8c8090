/** Read-only, allocation-free views of the detector's live structures: count plus per-item getters, unordered. */
import type { DenseList } from "./dense-list";
import type { FvgZone } from "./fvg-detector";
import type { LiquidityAnchor } from "./liquidity-detector";
import type { OrderBlock } from "./order-block-detector";
import type { PendingStructure } from "./structure-detector";

/** Open (unmitigated) gaps, the newest included; in joined mode one entry per run, idx = its last row. */
export class FvgView {
  readonly #list: DenseList<FvgZone>;
  constructor(list: DenseList<FvgZone>) {
    this.#list = list;
  }
  get count(): number {
    return this.#list.size;
  }
  idx(k: number): number {
    return this.#list.at(k).idx;
  }
  startIdx(k: number): number {
    return this.#list.at(k).startIdx;
  }
  dir(k: number): 1 | -1 {
    return this.#list.at(k).dir;
  }
  top(k: number): number {
    return this.#list.at(k).top;
  }
  bottom(k: number): number {
    return this.#list.at(k).bottom;
  }
}

/** Order blocks not yet invalidated; breakerAt >= 0 marks a breaker. */
export class OrderBlockView {
  readonly #list: DenseList<OrderBlock>;
  constructor(list: DenseList<OrderBlock>) {
    this.#list = list;
  }
  get count(): number {
    return this.#list.size;
  }
  idx(k: number): number {
    return this.#list.at(k).idx;
  }
  dir(k: number): 1 | -1 {
    return this.#list.at(k).dir;
  }
  top(k: number): number {
    return this.#list.at(k).top;
  }
  bottom(k: number): number {
    return this.#list.at(k).bottom;
  }
  createdAt(k: number): number {
    return this.#list.at(k).createdAt;
  }
  swingIdx(k: number): number {
    return this.#list.at(k).swingIdx;
  }
  breakerAt(k: number): number {
    return this.#list.at(k).breakerAt;
  }
}

/**
 * Open liquidity anchors, highs first (each side in row order): single swings (members 1) and pools. A swept
 * anchor stays listed (swept >= 0) while older swings could still join it.
 */
export class LiquidityView {
  readonly #highs: readonly LiquidityAnchor[];
  readonly #lows: readonly LiquidityAnchor[];
  constructor(highs: readonly LiquidityAnchor[], lows: readonly LiquidityAnchor[]) {
    this.#highs = highs;
    this.#lows = lows;
  }
  get count(): number {
    return this.#highs.length + this.#lows.length;
  }
  #at(k: number): LiquidityAnchor {
    const n = this.#highs.length;
    const a = k < n ? this.#highs[k] : this.#lows[k - n];
    if (a === undefined) throw new RangeError(`LiquidityView: index ${k} outside [0, ${this.count})`);
    return a;
  }
  idx(k: number): number {
    return this.#at(k).idx;
  }
  dir(k: number): 1 | -1 {
    return this.#at(k).dir;
  }
  /** Mean member level. */
  level(k: number): number {
    const a = this.#at(k);
    return a.sum / a.members;
  }
  anchorLevel(k: number): number {
    return this.#at(k).level;
  }
  band(k: number): number {
    return this.#at(k).band;
  }
  members(k: number): number {
    return this.#at(k).members;
  }
  end(k: number): number {
    return this.#at(k).end;
  }
  swept(k: number): number {
    return this.#at(k).sweptAt;
  }
}

/** BOS/CHOCH levels armed and waiting for their break, oldest first. */
export class PendingStructureView {
  readonly #list: readonly PendingStructure[];
  constructor(list: readonly PendingStructure[]) {
    this.#list = list;
  }
  get count(): number {
    return this.#list.length;
  }
  #at(k: number): PendingStructure {
    const p = this.#list[k];
    if (p === undefined) throw new RangeError(`PendingStructureView: index ${k} outside [0, ${this.count})`);
    return p;
  }
  idx(k: number): number {
    return this.#at(k).idx;
  }
  dir(k: number): 1 | -1 {
    return this.#at(k).dir;
  }
  level(k: number): number {
    return this.#at(k).level;
  }
  kind(k: number): "BOS" | "CHOCH" {
    return this.#at(k).kind;
  }
  armedAt(k: number): number {
    return this.#at(k).armedAt;
  }
}
