/** The synthetic market: seeded price dynamics sampled in 250 ms slots, candles in a CandleBook, frames to a sink. */
import type { SymbolSpec } from "../exchange/symbol-spec";
import { Prng } from "../prng";
import type { SimFaults } from "../sim-options";
import { MINUTE_MS } from "../../core/minute-set";
import { CandleBook } from "./candle-book";
import { type Market, type MarketSink, pushLagMs, SLOT_MS } from "./market";
import { PriceDynamics } from "./price-dynamics";
import { generateHistory } from "./synthetic-history";

/** Closed rows kept per symbol: 1500-row backfills and 24 h tickers fit; a fast sim running for days stays bounded. */
const RETAIN_MINUTES = 2 * 1440;

export interface SyntheticMarketOptions {
  specs: SymbolSpec[];
  seed: number;
  startTimeMs: number;
  historyMinutes: number;
  /** Read live: emptyMinuteProbability at each minute open, closeEmptyMinutes at each close. */
  faults: SimFaults;
}

export class SyntheticMarket implements Market {
  readonly book: CandleBook;
  readonly firstTickMs: number;
  readonly #dyn: PriceDynamics;
  readonly #rng: Prng;
  readonly #faults: SimFaults;
  /** 1 = this symbol-minute has no trade at all. */
  readonly #empty: Uint8Array;
  readonly #nextTradeId: Float64Array;
  readonly #nextAggId: Float64Array;
  readonly #changed: Int32Array;

  constructor(opts: SyntheticMarketOptions) {
    const n = opts.specs.length;
    this.#rng = new Prng(opts.seed);
    this.#faults = opts.faults;
    this.#dyn = new PriceDynamics(opts.specs, this.#rng);
    this.book = new CandleBook(opts.specs);
    this.book.retainRows = Math.max(RETAIN_MINUTES, opts.historyMinutes);
    this.#empty = new Uint8Array(n);
    this.#nextTradeId = new Float64Array(n);
    this.#nextAggId = new Float64Array(n);
    this.#changed = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      this.#nextTradeId[i] = 1_000_000 + this.#rng.int(0, 900_000_000);
      this.#nextAggId[i] = Math.floor(this.#nextTradeId[i]! / 3);
    }
    const firstMinute = Math.floor(opts.startTimeMs / MINUTE_MS) * MINUTE_MS;
    generateHistory(this.book, this.#dyn, this.#rng, this.#nextTradeId, {
      fromMs: firstMinute - opts.historyMinutes * MINUTE_MS,
      minutes: opts.historyMinutes,
      emptyProbability: opts.faults.emptyMinuteProbability,
    });
    this.book.minuteOpen = firstMinute;
    for (let i = 0; i < n; i++) this.#openMinute(i, Math.exp(this.#dyn.x[i]!));
    this.firstTickMs = Math.floor(opts.startTimeMs / SLOT_MS) * SLOT_MS + SLOT_MS;
  }

  tick(tickMs: number, sink: MarketSink): void {
    const book = this.book;
    const dyn = this.#dyn;
    const rng = this.#rng;
    const slotStart = tickMs - SLOT_MS;
    const boundary = tickMs % MINUTE_MS === 0;
    let changed = 0;
    for (let i = 0; i < book.n; i++) {
      if (this.#empty[i] === 1) continue;
      // a minute that is not meant to be empty gets its trade by the last slot
      const force = boundary && book.trades[i] === 0;
      if (!force && rng.next() >= dyn.slotP[i]!) continue;
      const price = dyn.price(i, dyn.step(i));
      const qty = dyn.quantity(i, price);
      const count = 1 + Math.floor(-Math.log(1 - rng.next()) * 1.5);
      const buyerMaker = rng.next() < 0.5;
      const firstId = this.#nextTradeId[i]!;
      this.#nextTradeId[i] = firstId + count;
      book.trade(i, price, qty, count, firstId, !buyerMaker);
      this.#changed[changed++] = i;
      // drawn whether or not anybody listens: subscriptions must not change the market
      const tradeMs = slotStart + Math.floor(rng.next() * SLOT_MS);
      if (sink.wantsAggTrade(i)) {
        const aggId = this.#nextAggId[i]!;
        this.#nextAggId[i] = aggId + 1;
        sink.aggTrade(i, tradeMs + pushLagMs(i), aggId, price, qty, firstId, firstId + count - 1, tradeMs, buyerMaker);
      }
    }
    if (!boundary) {
      for (let k = 0; k < changed; k++) {
        const i = this.#changed[k]!;
        if (sink.wantsKline(i)) sink.kline(i, tickMs + pushLagMs(i), false);
      }
      return;
    }
    const closeEmpty = this.#faults.closeEmptyMinutes;
    for (let i = 0; i < book.n; i++) {
      if ((book.trades[i]! > 0 || closeEmpty) && sink.wantsKline(i)) sink.kline(i, tickMs + pushLagMs(i), true);
      book.closeForming(i);
    }
    book.minuteOpen = tickMs;
    for (let i = 0; i < book.n; i++) this.#openMinute(i, book.c[i]!);
  }

  #openMinute(i: number, price: number): void {
    this.#dyn.minute(i);
    this.#empty[i] = this.#rng.next() < this.#faults.emptyMinuteProbability ? 1 : 0;
    this.book.openFlat(i, this.#dyn.price(i, Math.log(price)));
  }
}
