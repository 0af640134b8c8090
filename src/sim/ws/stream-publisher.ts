/** Market events → frames: a payload is built once per event and only for slots with receivers, then fanned out by topic. */
import type { CandleBook } from "../market/candle-book";
import type { MarkPrices } from "../market/mark-prices";
import type { MarketSink } from "../market/market";
import type { SecondSink } from "../market/market-driver";
import { aggTradePayload, klinePayload } from "../wire/market-json";
import type { FrameOutlet } from "./frame-faults";
import { KIND_AGG_TRADE, KIND_MARK_1S, KIND_MARK_3S, type StreamCatalog } from "./stream-catalog";
import type { Subscriptions } from "./subscriptions";

export class StreamPublisher implements MarketSink, SecondSink {
  readonly #raw: Int32Array;
  readonly #combined: Int32Array;

  constructor(
    private readonly catalog: StreamCatalog,
    subs: Subscriptions,
    private readonly book: CandleBook,
    private readonly marks: MarkPrices,
    private readonly outlet: FrameOutlet,
    /** Firehose mode: its pre-built frames replace the market's kline and aggTrade frames. */
    private readonly marketKlines: boolean,
  ) {
    this.#raw = subs.raw;
    this.#combined = subs.combined;
  }

  wantsKline(i: number): boolean {
    return this.marketKlines && (this.#raw[i]! | this.#combined[i]!) !== 0;
  }

  wantsAggTrade(i: number): boolean {
    const slot = this.catalog.slotOf(KIND_AGG_TRADE, i);
    return this.marketKlines && (this.#raw[slot]! | this.#combined[slot]!) !== 0;
  }

  kline(i: number, eventMs: number, closed: boolean): void {
    this.#emit(i, klinePayload(this.book, i, eventMs, closed));
  }

  aggTrade(i: number, eventMs: number, aggId: number, price: number, qty: number, firstId: number, lastId: number, tradeMs: number, buyerMaker: boolean): void {
    const payload = aggTradePayload(this.book.specs[i]!, eventMs, aggId, price, qty, firstId, lastId, tradeMs, buyerMaker);
    this.#emit(this.catalog.slotOf(KIND_AGG_TRADE, i), payload);
  }

  markSecond(secondMs: number): void {
    const c = this.catalog;
    const every3s = secondMs % 3000 === 0;
    const arr1 = this.#raw[c.markArr1s]! | this.#combined[c.markArr1s]!;
    const arr3 = every3s ? this.#raw[c.markArr3s]! | this.#combined[c.markArr3s]! : 0;
    const parts: string[] | null = arr1 || arr3 ? [] : null;
    for (let i = 0; i < c.n; i++) {
      const s1 = c.slotOf(KIND_MARK_1S, i);
      const s3 = c.slotOf(KIND_MARK_3S, i);
      const want1 = (this.#raw[s1]! | this.#combined[s1]!) !== 0;
      const want3 = every3s && (this.#raw[s3]! | this.#combined[s3]!) !== 0;
      // a replay symbol before its first row has no price yet
      if (!(want1 || want3 || parts) || this.book.c[i] === 0) continue;
      const payload = this.marks.payload(i, secondMs + 2);
      if (want1) this.#emit(s1, payload);
      if (want3) this.#emit(s3, payload);
      parts?.push(payload);
    }
    if (parts === null) return;
    const array = `[${parts.join(",")}]`;
    if (arr1) this.#emit(c.markArr1s, array);
    if (arr3) this.#emit(c.markArr3s, array);
  }

  #emit(slot: number, payload: string): void {
    const r = this.#raw[slot]!;
    const k = this.#combined[slot]!;
    if (r > 0) this.outlet.send(this.catalog.rawTopic[slot]!, payload, r);
    if (k > 0) this.outlet.send(this.catalog.combinedTopic[slot]!, `${this.catalog.combinedPrefix[slot]}${payload}}`, k);
  }
}
