/** Per-connection state of a simulator WebSocket (Bun's ws.data). */

/** Which routed base the client connected to; only /market delivers market data. */
export type ConnCategory = "market" | "public" | "private" | "legacy";

export interface ConnState {
  id: number;
  category: ConnCategory;
  /** Combined-stream wrapper on (`/stream` paths, or SET_PROPERTY combined true). */
  combined: boolean;
  /** Subscribed names in subscription order, delivered or not (LIST_SUBSCRIPTIONS returns them). */
  streams: Set<string>;
  /** Slots this connection's Bun topics are subscribed to. */
  slots: Set<number>;
  openedAtMs: number;
  lastPingAtMs: number;
  /** Payload of the ping awaiting its pong, or null. */
  pendingPing: string | null;
  /** Receive times of the last 10 incoming messages (ring), for the 10-per-second limit. */
  recent: Float64Array;
  recentHead: number;
  stalled: boolean;
  /** Firehose mode: the kline slots to cycle through, and whether the socket is waiting for drain. */
  firehoseSlots: number[];
  firehoseCursor: number;
  blocked: boolean;
}

let nextId = 1;

export function newConnState(category: ConnCategory, combined: boolean, realMs: number): ConnState {
  return {
    id: nextId++,
    category,
    combined,
    streams: new Set(),
    slots: new Set(),
    openedAtMs: realMs,
    lastPingAtMs: realMs,
    pendingPing: null,
    recent: new Float64Array(10).fill(Number.NEGATIVE_INFINITY),
    recentHead: 0,
    stalled: false,
    firehoseSlots: [],
    firehoseCursor: 0,
    blocked: false,
  };
}

/** Records one incoming message; true when it is the 11th within one second (Binance closes with 1008). */
export function overMessageLimit(conn: ConnState, realMs: number): boolean {
  const oldest = conn.recent[conn.recentHead]!;
  conn.recent[conn.recentHead] = realMs;
  conn.recentHead = (conn.recentHead + 1) % conn.recent.length;
  return realMs - oldest < 1000;
}
