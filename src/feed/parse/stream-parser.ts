/** Binance market-stream frame → ring-slot records. Hand-written: ~2× JSON.parse→slot and no garbage per frame (test/bench/parse.bench.ts, docs/performance.md §5.3). */
import { F, SLOT_F64 } from "../../ring/layout";
import type { SymbolTable } from "../symbol-table";
import { FrameScanner, Shape } from "./frame-scanner";
import { markPriceEntries, writeMarkPriceEntry } from "./mark-price-array";
import { Outcome, writePayload } from "./payload-records";

/** Receives each record. `slot` is the parser's scratch (SLOT_F64 long): copy it before returning. */
export interface RecordSink {
  onRecord(slot: Float64Array): void;
}

export interface StreamParserStats {
  /** Frames passed to parse(). */
  messages: number;
  /** Records handed to the sink (a markPrice array frame yields many). */
  records: number;
  /** Invalid JSON, a missing or malformed required field, a non-object frame. */
  parseErrors: number;
  /** Well-formed kline/aggTrade/bookTicker/markPrice for a symbol not in the table (array entries count one each). */
  unknownSymbols: number;
  /** Subscription replies, including error replies (see lastError). */
  controlReplies: number;
  /** Valid JSON with an event type this parser does not map (depthUpdate, trade, …). */
  ignored: number;
}

/**
 * Kline, aggTrade, bookTicker and single markPriceUpdate frames take the allocation-free path: one validating
 * pass over the text, fields dispatched by key (never by order), decimals as integer ÷ 10^k. Arrays
 * (`!markPrice@arr`), error replies and strings with escapes go through JSON.parse.
 */
export class StreamParser {
  readonly stats: StreamParserStats = { messages: 0, records: 0, parseErrors: 0, unknownSymbols: 0, controlReplies: 0, ignored: 0 };
  /** Highest exchange event time E seen in a record (ms), the engine's market clock. */
  maxEventTimeMs = 0;
  /** The last error reply (`{"code":…,"msg":…}`) verbatim, "" before the first. */
  lastError = "";
  readonly #symbols: SymbolTable;
  readonly #sink: RecordSink;
  readonly #scanner = new FrameScanner();
  readonly #slot = new Float64Array(SLOT_F64);
  #inSink = false;

  constructor(symbols: SymbolTable, sink: RecordSink) {
    this.#symbols = symbols;
    this.#sink = sink;
  }

  /** One WebSocket text frame (combined wrapper or raw payload). Never throws for any input; a sink's throw propagates. */
  parse(text: string, recvUs: number): void {
    this.stats.messages++;
    let outcome: number = Outcome.ParseError;
    try {
      if (typeof text === "string") outcome = this.#frame(text, recvUs);
    } catch (err) {
      if (this.#inSink) {
        this.#inSink = false;
        throw err;
      }
    }
    this.#count(outcome);
  }

  #frame(text: string, recvUs: number): number {
    const sc = this.#scanner;
    switch (sc.scan(text)) {
      case Shape.Payload: {
        const outcome = writePayload(sc.payload, sc.kline, this.#symbols, this.#slot);
        if (outcome === Outcome.Record) this.#emit(recvUs);
        return outcome;
      }
      case Shape.Array:
        return this.#array(text, recvUs);
      case Shape.Control:
        return Outcome.Control;
      case Shape.ErrorReply:
        this.lastError = text;
        return Outcome.Control;
      default:
        return Outcome.ParseError;
    }
  }

  /** Once a second; JSON.parse also validates the whole frame (the scan stopped at the array). */
  #array(text: string, recvUs: number): number {
    let entries: unknown[] | null;
    try {
      entries = markPriceEntries(JSON.parse(text));
    } catch {
      return Outcome.ParseError;
    }
    if (entries === null) return Outcome.ParseError;
    for (const entry of entries) {
      const outcome = writeMarkPriceEntry(entry, this.#symbols, this.#slot);
      if (outcome === Outcome.Record) this.#emit(recvUs);
      else this.#count(outcome);
    }
    return Outcome.None;
  }

  #emit(recvUs: number): void {
    const slot = this.#slot;
    slot[F.recvTimeUs] = recvUs;
    const eventTimeMs = slot[F.eventTimeMs]!;
    if (eventTimeMs > this.maxEventTimeMs) this.maxEventTimeMs = eventTimeMs;
    this.stats.records++;
    this.#inSink = true;
    this.#sink.onRecord(slot);
    this.#inSink = false;
  }

  #count(outcome: number): void {
    const stats = this.stats;
    if (outcome === Outcome.ParseError) stats.parseErrors++;
    else if (outcome === Outcome.UnknownSymbol) stats.unknownSymbols++;
    else if (outcome === Outcome.Control) stats.controlReplies++;
    else if (outcome === Outcome.Ignored) stats.ignored++;
  }
}
