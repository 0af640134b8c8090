/** Causal SMC events: immutable facts naming the row the reference would label (idx) and the candle that made them knowable (at). */

export type SmcEventKind =
  | "SWING_CANDIDATE"
  | "SWING"
  | "SWING_REPLACED"
  | "SWING_FINAL"
  | "FVG"
  | "FVG_MITIGATED"
  | "FVG_EXTENDED"
  | "BOS"
  | "CHOCH"
  | "STRUCTURE_CANCELLED"
  | "OB_CREATED"
  | "OB_BREAKER"
  | "OB_INVALIDATED"
  | "LIQ_POOL"
  | "LIQ_EXTEND"
  | "LIQ_SWEPT";

/**
 * Fields every event carries. All row-valued fields are running candle indices (0 = first candle pushed) and
 * never exceed `at`; "no row" is -1.
 */
interface SmcEventBase<K extends SmcEventKind> {
  readonly kind: K;
  /**
   * Row the reference labels. Follow-up events repeat the row of the structure they update, except SWING_REPLACED
   * and FVG_EXTENDED, which name the new row and point back with replacedIdx / prevIdx.
   */
  readonly idx: number;
  /** Candle whose close made the event knowable: always the detector's `t` at emission, so `at >= idx`. */
  readonly at: number;
  /** +1 bullish / swing high, -1 bearish / swing low. */
  readonly dir: 1 | -1;
  /** The price the event is about; its meaning per kind is documented on each interface. */
  readonly level: number;
}

/** Pivot row idx passed the window test; `at - idx` = swingLength exactly. level: its high (+1) or low (-1). */
export interface SwingCandidateEvent extends SmcEventBase<"SWING_CANDIDATE"> {}

/** A candidate of the type opposite to the provisional swing became the new provisional swing (follows SWING_FINAL). */
export interface SwingEvent extends SmcEventBase<"SWING"> {}

/** A strictly more extreme same-type candidate (row idx, level) superseded the provisional swing at replacedIdx. */
export interface SwingReplacedEvent extends SmcEventBase<"SWING_REPLACED"> {
  readonly replacedIdx: number;
  readonly replacedLevel: number;
}

/** The provisional swing at idx can no longer be superseded. bookend: the compat start point at row 0. */
export interface SwingFinalEvent extends SmcEventBase<"SWING_FINAL"> {
  readonly bookend: boolean;
}

/**
 * Fair value gap on middle row idx; `at - idx` = 1. top/bottom: the gap. level: the edge whose touch mitigates it
 * (top for +1, bottom for -1).
 */
export interface FvgEvent extends SmcEventBase<"FVG"> {
  readonly top: number;
  readonly bottom: number;
}

/** The first candle from idx+2 on (it is `at`) traded into the gap at idx. Joined mode: idx is the run's last row. */
export interface FvgMitigatedEvent extends SmcEventBase<"FVG_MITIGATED"> {
  readonly top: number;
  readonly bottom: number;
}

/**
 * Joined mode only: the gap at idx (just announced by FVG) continues the same-sign run whose last row was prevIdx.
 * top/bottom: the merged run (highest top, lowest bottom) from startIdx to idx; seq: 1 for the first extension.
 */
export interface FvgExtendedEvent extends SmcEventBase<"FVG_EXTENDED"> {
  readonly top: number;
  readonly bottom: number;
  readonly prevIdx: number;
  readonly startIdx: number;
  readonly seq: number;
}

/**
 * BOS or CHOCH labelled on swing row idx (the reference's X3); level: that swing's level. brokenIndex: first candle
 * from idx+2 on that closed beyond level (high/low with closeBreak off); armedAt: candle the pattern became known.
 * `at` = max(armedAt, brokenIndex).
 */
export interface StructureEvent extends SmcEventBase<"BOS" | "CHOCH"> {
  readonly brokenIndex: number;
  readonly armedAt: number;
}

/**
 * An armed level at idx will never fire: the later-placed label at byIdx fired first. structure: what it would have
 * been; brokenIndex: `at` if it broke on the same candle as the winner, else -1.
 */
export interface StructureCancelledEvent extends SmcEventBase<"STRUCTURE_CANCELLED"> {
  readonly structure: "BOS" | "CHOCH";
  readonly armedAt: number;
  readonly byIdx: number;
  readonly brokenIndex: number;
}

/**
 * Order block on zone row idx, created when candle `at` closed beyond the latest swing (row swingIdx, price level).
 * volume = v[at] + v[at-1] + v[at-2]; percentage = min(low, high volume) / max × 100, or 100 when both are 0.
 */
export interface ObCreatedEvent extends SmcEventBase<"OB_CREATED"> {
  readonly top: number;
  readonly bottom: number;
  readonly swingIdx: number;
  readonly volume: number;
  readonly lowVolume: number;
  readonly highVolume: number;
  readonly percentage: number;
}

/**
 * Candle `at` traded through the block at idx (low below bottom for +1, high above top for -1), which becomes a
 * breaker. level: the breached edge. mitigatedIndex: the reference's value (at-1 for +1, at for -1).
 */
export interface ObBreakerEvent extends SmcEventBase<"OB_BREAKER"> {
  readonly top: number;
  readonly bottom: number;
  readonly mitigatedIndex: number;
}

/** The breaker at idx was traded through the other way (the reference deletes it). level: the breached edge. */
export interface ObInvalidatedEvent extends SmcEventBase<"OB_INVALIDATED"> {
  readonly top: number;
  readonly bottom: number;
  readonly breakerAt: number;
}

/**
 * Liquidity pool anchored on swing row idx, fields as of `at`. level: mean of member levels (summed in row order);
 * anchorLevel ± band: the membership band; end: last member's row; swept: sweep candle or -1.
 */
interface LiquidityFields {
  readonly anchorLevel: number;
  readonly band: number;
  readonly members: number;
  readonly end: number;
  readonly swept: number;
}

/** The anchor at idx gained its second member: it is now a pool. */
export interface LiqPoolEvent extends SmcEventBase<"LIQ_POOL">, LiquidityFields {}

/** A further member joined the pool at idx; seq = members - 2 (1 for the third member). */
export interface LiqExtendEvent extends SmcEventBase<"LIQ_EXTEND">, LiquidityFields {
  readonly seq: number;
}

/** The pool at idx is swept: candle `swept` reached anchorLevel ± band (at > swept when the pool formed later). */
export interface LiqSweptEvent extends SmcEventBase<"LIQ_SWEPT">, LiquidityFields {}

export type SmcEvent =
  | SwingCandidateEvent
  | SwingEvent
  | SwingReplacedEvent
  | SwingFinalEvent
  | FvgEvent
  | FvgMitigatedEvent
  | FvgExtendedEvent
  | StructureEvent
  | StructureCancelledEvent
  | ObCreatedEvent
  | ObBreakerEvent
  | ObInvalidatedEvent
  | LiqPoolEvent
  | LiqExtendEvent
  | LiqSweptEvent;

/**
 * Receives every event synchronously inside SmcDetector.push, in emission order. Must not throw: an exception
 * aborts push half-way and leaves that detector's state inconsistent.
 */
export interface SmcEventSink {
  onSmcEvent(e: SmcEvent): void;
}
