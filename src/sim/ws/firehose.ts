/**
 * Benchmark mode: pre-built non-closed kline frames sent round-robin over each connection's kline streams, with
 * E = send time in ms carrying a µs fraction, so a receiver in another process can measure send → receive latency.
 */
import type { ServerWebSocket } from "bun";
import type { CandleBook } from "../market/candle-book";
import { klineBody } from "../wire/market-json";
import type { FirehoseOptions, SimStats } from "../sim-options";
import type { ConnState } from "./conn-state";
import type { StreamCatalog } from "./stream-catalog";

type Socket = ServerWebSocket<ConnState>;

interface Template {
  rawTail: string;
  combinedHead: string;
  combinedTail: string;
}

const BATCH = 512;
const RAW_HEAD = '{"e":"kline","E":';

/** Pool frames per kline slot; frame j belongs to symbol j mod n, with its own price and size. */
function buildPool(book: CandleBook, catalog: StreamCatalog, size: number): Template[][] {
  const pool: Template[][] = Array.from({ length: book.n }, () => []);
  const t = book.minuteOpen;
  for (let j = 0; j < Math.max(size, book.n); j++) {
    const i = j % book.n;
    const s = book.specs[i]!;
    const wobble = 1 + 0.004 * Math.sin(j * 12.9898);
    const c = Math.max(s.tickSize, Math.round((book.c[i]! * wobble) / s.tickSize) * s.tickSize);
    const h = c * 1.001;
    const l = c * 0.999;
    const v = Math.max(1, (j * 7919) % 5000) * s.stepSize;
    const k = klineBody(s, t, 1000 + j, 1000 + j + (j % 50), l, c, h, l, v, 1 + (j % 50), false, v * c, v / 2, (v * c) / 2);
    const rawTail = `,"s":"${s.symbol}","k":${k}}`;
    pool[i]!.push({ rawTail, combinedHead: `${catalog.combinedPrefix[i]}${RAW_HEAD}`, combinedTail: `${rawTail}}` });
  }
  return pool;
}

export class Firehose {
  readonly #pool: Template[][];
  readonly #rotation: Int32Array;
  #timer: ReturnType<typeof setInterval> | undefined;
  #pumpQueued = false;
  #startedAt = 0;
  #sent = 0;
  #stopped = false;

  constructor(
    book: CandleBook,
    catalog: StreamCatalog,
    private readonly opts: FirehoseOptions,
    private readonly conns: Set<Socket>,
    private readonly stats: SimStats,
  ) {
    this.#pool = buildPool(book, catalog, opts.poolSize ?? 4096);
    this.#rotation = new Int32Array(book.n);
  }

  start(): void {
    this.#startedAt = performance.now();
    if (this.opts.ratePerSec > 0) this.#timer = setInterval(() => this.#paced(), 1);
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
  }

  /** Subscriptions changed or a socket drained: an unpaced firehose resumes sending. */
  wake(ws?: Socket): void {
    if (ws) ws.data.blocked = false;
    if (this.opts.ratePerSec > 0 || this.#pumpQueued || this.#stopped) return;
    this.#pumpQueued = true;
    setImmediate(() => this.#pump());
  }

  /** As fast as the sockets drain: batches per socket, back off on -1 until `drain`. */
  #pump(): void {
    this.#pumpQueued = false;
    let more = false;
    for (const ws of this.conns) {
      if (ws.data.blocked || ws.data.stalled || ws.data.firehoseSlots.length === 0) continue;
      ws.cork(() => this.#sendBatch(ws, BATCH));
      more ||= !ws.data.blocked;
    }
    if (more) this.wake();
  }

  /** A fixed aggregate rate: frames due since start, spread round-robin over the sockets. */
  #paced(): void {
    const due = Math.min(
      Math.floor(((performance.now() - this.#startedAt) / 1000) * this.opts.ratePerSec) - this.#sent,
      Math.max(1, this.opts.ratePerSec / 20),
    );
    if (due <= 0) return;
    const ready = [...this.conns].filter((ws) => !ws.data.blocked && !ws.data.stalled && ws.data.firehoseSlots.length > 0);
    if (ready.length === 0) {
      this.#sent += due;
      return;
    }
    const share = Math.ceil(due / ready.length);
    let left = due;
    for (const ws of ready) {
      const n = Math.min(share, left);
      ws.cork(() => this.#sendBatch(ws, n));
      left -= n;
    }
    this.#sent += due;
  }

  #sendBatch(ws: Socket, count: number): void {
    const conn = ws.data;
    const slots = conn.firehoseSlots;
    for (let k = 0; k < count; k++) {
      const slot = slots[conn.firehoseCursor]!;
      conn.firehoseCursor = (conn.firehoseCursor + 1) % slots.length;
      const frames = this.#pool[slot]!;
      const r = this.#rotation[slot]!;
      this.#rotation[slot] = (r + 1) % frames.length;
      const f = frames[r]!;
      const e = (performance.timeOrigin + performance.now()).toFixed(3);
      const status = ws.sendText(conn.combined ? `${f.combinedHead}${e}${f.combinedTail}` : `${RAW_HEAD}${e}${f.rawTail}`);
      if (status !== 0) this.stats.framesSent++;
      if (status <= 0) {
        conn.blocked = true;
        return;
      }
    }
  }
}
