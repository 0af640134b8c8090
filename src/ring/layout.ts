/** Ring memory layout: the only file that knows offsets. Writer, reader and tests import these names. */

export const LAYOUT_VERSION = 1;
/** "AEG1": refuses a buffer from another build. */
export const MAGIC = 0x41454731;
/** One writer per 128-byte stripe: no false sharing between the feed's and the brain's stores. */
export const STRIPE_BYTES = 128;
export const SLOT_BYTES = 128;
export const SLOT_F64 = SLOT_BYTES / 8;

/** Header stripe (Int32 indices): written once at creation. */
export const HDR_I32 = { magic: 0, version: 1, capacity: 2, slotBytes: 3 } as const;
/** Stripe 1: only the writer stores here. */
export const WRITE_CURSOR_I32 = STRIPE_BYTES / 4;
/** Stripe 2: only the reader stores here (its cursor and its "I am asleep" flag). */
export const READ_CURSOR_I32 = (2 * STRIPE_BYTES) / 4;
export const READER_SLEEPING_I32 = READ_CURSOR_I32 + 1;
export const SLOTS_BYTE_OFFSET = 3 * STRIPE_BYTES;

/** Symbol ids are dense, 0 .. MAX_SYMBOLS − 1: the feed's conflation table and the brain's per-symbol state use it. */
export const MAX_SYMBOLS = 4096;

/** Fields common to every slot (Float64 indices within a slot). */
export const F = { kind: 0, symbolId: 1, eventTimeMs: 2, recvTimeUs: 3 } as const;

/** Kline fields; KLINE and KLINE_CLOSED share them (closed = 1 on the final frame of the minute). */
export const KLINE = {
  openTimeMs: 4,
  open: 5,
  high: 6,
  low: 7,
  close: 8,
  volume: 9,
  quoteVolume: 10,
  trades: 11,
  takerBuyVolume: 12,
  closed: 13,
  /** Where a closed candle came from: KLINE_SOURCE_STREAM or KLINE_SOURCE_REST (a backfill). */
  source: 14,
} as const;
export const KLINE_SOURCE_STREAM = 0;
export const KLINE_SOURCE_REST = 1;
/** History before the run's first minute, fetched at startup so indicators and structure start warm. */
export const KLINE_SOURCE_WARMUP = 2;

export const AGG_TRADE = { tradeId: 4, price: 5, qty: 6, firstTradeId: 7, lastTradeId: 8, tradeTimeMs: 9, buyerIsMaker: 10 } as const;
export const BOOK_TICKER = { updateId: 4, bidPrice: 5, bidQty: 6, askPrice: 7, askQty: 8, transactTimeMs: 9 } as const;
export const MARK_PRICE = { markPrice: 4, indexPrice: 5, fundingRate: 6, nextFundingTimeMs: 7, estSettlePrice: 8 } as const;
/** GAP: records were lost for [fromMs, toMs] (symbolId -1 = all symbols); the brain backfills from REST. */
export const GAP = { fromMs: 4, toMs: 5, lostRecords: 6 } as const;
/** UNIVERSE: the symbol set changed; names travel by postMessage, ids and the first expected minute here. */
export const UNIVERSE = { action: 4, symbolCount: 5, firstMinuteMs: 6, warmupMinutes: 7 } as const;
/**
 * UNIVERSE.action values: the first record of a run (Snapshot) covers every symbol id below symbolCount;
 * WarmupDone (per symbolId) says that symbol's history before firstMinuteMs has all been sent.
 */
export const UNIVERSE_ACTION = { Snapshot: 0, Listed: 1, Delisted: 2, WarmupDone: 3 } as const;
/** HEARTBEAT: a sequence number and the sender's stamp, used by diagnostics and the stress tests. */
export const HEARTBEAT = { seq: 4, sentUs: 5, checksum: 6 } as const;

export const Kind = {
  Kline: 1,
  KlineClosed: 2,
  AggTrade: 3,
  BookTicker: 4,
  MarkPrice: 5,
  Gap: 16,
  Universe: 17,
  Heartbeat: 18,
} as const;
export type KindCode = (typeof Kind)[keyof typeof Kind];

export const ringBytes = (capacity: number): number => SLOTS_BYTE_OFFSET + capacity * SLOT_BYTES;
