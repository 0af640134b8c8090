/**
 * Subscriptions: a connection's stream names, the Bun topics it is attached to, and per-slot receiver counts
 * so the market builds a frame only when somebody receives it.
 */
import type { ServerWebSocket } from "bun";
import type { ConnState } from "./conn-state";
import type { StreamCatalog } from "./stream-catalog";

type Socket = ServerWebSocket<ConnState>;

export class Subscriptions {
  /** Receivers per slot, raw and combined form. */
  readonly raw: Int32Array;
  readonly combined: Int32Array;

  constructor(readonly catalog: StreamCatalog) {
    this.raw = new Int32Array(catalog.size);
    this.combined = new Int32Array(catalog.size);
  }

  receivers(slot: number): number {
    return this.raw[slot]! + this.combined[slot]!;
  }

  add(ws: Socket, names: string[]): void {
    const conn = ws.data;
    for (const name of names) {
      if (conn.streams.has(name)) continue;
      conn.streams.add(name);
      const slot = this.#deliverableSlot(conn, name);
      if (slot >= 0) {
        conn.slots.add(slot);
        if (!conn.stalled) this.#attach(ws, slot);
      }
    }
    this.#refreshFirehose(conn);
  }

  remove(ws: Socket, names: string[]): void {
    const conn = ws.data;
    for (const name of names) {
      if (!conn.streams.delete(name)) continue;
      const slot = this.catalog.slot(name);
      if (slot >= 0 && conn.slots.delete(slot) && !conn.stalled) this.#detach(ws, slot);
    }
    this.#refreshFirehose(conn);
  }

  /** SET_PROPERTY combined: move every topic to the other frame form. */
  setCombined(ws: Socket, combined: boolean): void {
    const conn = ws.data;
    if (conn.combined === combined) return;
    if (!conn.stalled) for (const slot of conn.slots) this.#detach(ws, slot);
    conn.combined = combined;
    if (!conn.stalled) for (const slot of conn.slots) this.#attach(ws, slot);
  }

  /** Stall fault: data stops, the subscription list stays. */
  stall(ws: Socket): void {
    const conn = ws.data;
    if (conn.stalled) return;
    for (const slot of conn.slots) this.#detach(ws, slot);
    conn.stalled = true;
  }

  /** On close: Bun drops the topics itself; only the counts need to follow. */
  closed(conn: ConnState): void {
    if (!conn.stalled) for (const slot of conn.slots) this.#count(conn, slot, -1);
    conn.slots.clear();
    conn.firehoseSlots = [];
  }

  #deliverableSlot(conn: ConnState, name: string): number {
    // wrong base, unrouted path, or a stream this market does not produce: acknowledged and silent
    if (conn.category !== "market") return -1;
    return this.catalog.slot(name);
  }

  #attach(ws: Socket, slot: number): void {
    const conn = ws.data;
    ws.subscribe(conn.combined ? this.catalog.combinedTopic[slot]! : this.catalog.rawTopic[slot]!);
    this.#count(conn, slot, 1);
  }

  #detach(ws: Socket, slot: number): void {
    const conn = ws.data;
    ws.unsubscribe(conn.combined ? this.catalog.combinedTopic[slot]! : this.catalog.rawTopic[slot]!);
    this.#count(conn, slot, -1);
  }

  #count(conn: ConnState, slot: number, delta: number): void {
    if (conn.combined) this.combined[slot]! += delta;
    else this.raw[slot]! += delta;
  }

  #refreshFirehose(conn: ConnState): void {
    conn.firehoseSlots = [...conn.slots].filter((s) => this.catalog.klineSymbol(s) >= 0);
    if (conn.firehoseCursor >= conn.firehoseSlots.length) conn.firehoseCursor = 0;
  }
}
