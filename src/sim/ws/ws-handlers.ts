/** Bun WebSocket handlers for market connections: open with URL streams, control messages, the 10 msg/s limit, close. */
import type { ServerWebSocket, WebSocketHandler } from "bun";
import type { SimStats } from "../sim-options";
import { type ConnState, overMessageLimit } from "./conn-state";
import type { ConnectionSweeper } from "./connection-sweeper";
import { controlReply, type ControlTarget } from "./control-messages";
import type { Firehose } from "./firehose";
import type { Subscriptions } from "./subscriptions";

type Socket = ServerWebSocket<ConnState>;

export interface WsDeps {
  subs: Subscriptions;
  sweeper: ConnectionSweeper;
  stats: SimStats;
  firehose: Firehose | null;
  realMs(): number;
}

function target(ws: Socket, deps: WsDeps): ControlTarget {
  return {
    list: () => [...ws.data.streams],
    subscribe: (names) => deps.subs.add(ws, names),
    unsubscribe: (names) => deps.subs.remove(ws, names),
    combined: () => ws.data.combined,
    setCombined: (value) => deps.subs.setCombined(ws, value),
  };
}

/** Every incoming frame counts against 10 per second (Binance's spot rule counts pings and pongs; assume the same). */
function limited(ws: Socket, deps: WsDeps): boolean {
  if (!overMessageLimit(ws.data, deps.realMs())) return false;
  ws.close(1008, "Too many requests");
  return true;
}

export function wsHandlers(deps: WsDeps, initialStreams: WeakMap<ConnState, string[]>): WebSocketHandler<ConnState> {
  return {
    // keep-alive is ours (Binance's 3 min ping / 10 min pong), not Bun's idle timer
    idleTimeout: 0,
    sendPings: false,
    perMessageDeflate: false,
    open(ws) {
      deps.sweeper.conns.add(ws);
      deps.stats.connections++;
      deps.subs.add(ws, initialStreams.get(ws.data) ?? []);
      initialStreams.delete(ws.data);
      deps.firehose?.wake();
    },
    message(ws, message) {
      if (limited(ws, deps)) return;
      const text = typeof message === "string" ? message : message.toString("utf8");
      ws.sendText(controlReply(text, target(ws, deps)));
      deps.firehose?.wake();
    },
    ping(ws) {
      limited(ws, deps);
    },
    pong(ws, data) {
      if (limited(ws, deps)) return;
      deps.sweeper.pong(ws, data.toString("utf8"));
    },
    drain(ws) {
      deps.firehose?.wake(ws);
    },
    close(ws) {
      if (deps.sweeper.conns.delete(ws)) deps.stats.connections--;
      deps.subs.closed(ws.data);
    },
  };
}
