/** Drives a market and its mark prices through every 250 ms push tick up to a sim time, in order, exactly once. */
import type { MarkPrices } from "./mark-prices";
import { type Market, type MarketSink, SLOT_MS } from "./market";

export interface SecondSink {
  /** Called after each whole sim-second's push tick, once mark prices are updated. */
  markSecond(secondMs: number): void;
}

export class MarketDriver {
  #nextTickMs: number;

  constructor(
    readonly market: Market,
    readonly marks: MarkPrices,
    private readonly sink: MarketSink & SecondSink,
  ) {
    this.#nextTickMs = market.firstTickMs;
  }

  /** Processes every tick ≤ simMs; returns how many ran. */
  advanceTo(simMs: number): number {
    let ran = 0;
    while (this.#nextTickMs <= simMs) {
      const tick = this.#nextTickMs;
      this.market.tick(tick, this.sink);
      if (tick % 1000 === 0) {
        this.marks.second(tick);
        this.sink.markSecond(tick);
      }
      this.#nextTickMs = tick + SLOT_MS;
      ran++;
    }
    return ran;
  }
}
