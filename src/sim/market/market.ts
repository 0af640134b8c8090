/** The market port: a source of candles advanced in 250 ms push ticks, and the sink that turns them into frames. */
import type { CandleBook } from "./candle-book";

/** Binance pushes kline changes at most every 250 ms per stream. */
export const SLOT_MS = 250;

/** Where a market's events go; the publisher implements it and builds frames only for subscribed streams. */
export interface MarketSink {
  wantsKline(i: number): boolean;
  wantsAggTrade(i: number): boolean;
  /** A kline frame for the forming candle of symbol i as the book holds it now. */
  kline(i: number, eventMs: number, closed: boolean): void;
  aggTrade(i: number, eventMs: number, aggId: number, price: number, qty: number, firstId: number, lastId: number, tradeMs: number, buyerMaker: boolean): void;
}

export interface Market {
  readonly book: CandleBook;
  /** The first push tick this market expects (a multiple of SLOT_MS). */
  readonly firstTickMs: number;
  /**
   * Processes the push tick at `tickMs`: trades in [tickMs − 250, tickMs), then the frames. At a minute boundary
   * the closing frame carries the last slot's trades, the candle moves to history and the next one opens.
   */
  tick(tickMs: number, sink: MarketSink): void;
}

/** Per-symbol push delay (1–9 ms): frames of different symbols do not share one E, and gaps stay multiples of 250. */
export const pushLagMs = (i: number): number => 1 + ((i * 7) % 9);
