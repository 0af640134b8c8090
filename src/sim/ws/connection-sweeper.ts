/**
 * Connection upkeep on a timer: server pings (payload = server time in ms), pong deadline, 24 h lifetime, and the
 * connection faults (drop every T ms, stall the oldest connections after T ms), re-armed when a knob changes.
 */
import type { ServerWebSocket } from "bun";
import type { SimFaults, SimStats } from "../sim-options";
import type { ConnState } from "./conn-state";
import type { Subscriptions } from "./subscriptions";

type Socket = ServerWebSocket<ConnState>;

export interface KeepAlive {
  pingIntervalMs: number;
  pongTimeoutMs: number;
  maxAgeMs: number;
}

const KEEPALIVE_CHECK_MS = 250;

export class ConnectionSweeper {
  readonly conns = new Set<Socket>();
  #lastKeepAlive = Number.NEGATIVE_INFINITY;
  #dropSetting = -1;
  #dropAt = 0;
  #stallSetting = -1;
  #stallArmedAt = 0;
  #stallFired = false;

  constructor(
    private readonly keepAlive: KeepAlive,
    private readonly faults: SimFaults,
    private readonly stats: SimStats,
    private readonly subs: Subscriptions,
    private readonly realMs: () => number,
    private readonly simNowMs: () => number,
  ) {}

  sweep(): void {
    const now = this.realMs();
    this.#dropFault(now);
    this.#stallFault(now);
    if (now - this.#lastKeepAlive >= KEEPALIVE_CHECK_MS) {
      this.#lastKeepAlive = now;
      for (const ws of this.conns) this.#keepAlive(ws, now);
    }
  }

  /** A pong clears the outstanding ping only when it echoes the ping's payload. */
  pong(ws: Socket, payload: string): void {
    if (ws.data.pendingPing !== null && payload === ws.data.pendingPing) ws.data.pendingPing = null;
  }

  #keepAlive(ws: Socket, now: number): void {
    const conn = ws.data;
    const ka = this.keepAlive;
    if (now - conn.openedAtMs >= ka.maxAgeMs) {
      ws.close(1000, "Connection lifetime of 24 hours reached");
      return;
    }
    if (conn.pendingPing !== null && now - conn.lastPingAtMs >= ka.pongTimeoutMs) {
      ws.close(1008, "Pong timeout");
      return;
    }
    if (conn.pendingPing === null && now - conn.lastPingAtMs >= ka.pingIntervalMs) {
      conn.pendingPing = String(this.simNowMs());
      conn.lastPingAtMs = now;
      ws.ping(conn.pendingPing);
    }
  }

  #dropFault(now: number): void {
    const every = this.faults.dropEveryMs;
    if (every !== this.#dropSetting) {
      this.#dropSetting = every;
      this.#dropAt = now + every;
    }
    if (every <= 0 || now < this.#dropAt) return;
    // ±25% jitter: at speed 60 an exact period of whole seconds is a whole number of sim minutes, so every drop
    // would land at the same point of the minute; real outages do not keep time like that.
    this.#dropAt = now + every * (0.75 + 0.5 * Math.random());
    for (const ws of this.conns) {
      if (ws.data.category !== "market") continue;
      this.stats.drops++;
      ws.terminate();
    }
  }

  #stallFault(now: number): void {
    const after = this.faults.stallAfterMs;
    if (after !== this.#stallSetting) {
      this.#stallSetting = after;
      this.#stallArmedAt = now;
      this.#stallFired = false;
    }
    if (after <= 0 || this.#stallFired || now - this.#stallArmedAt < after) return;
    this.#stallFired = true;
    const oldest = [...this.conns]
      .filter((ws) => ws.data.category === "market" && !ws.data.stalled)
      .sort((a, b) => a.data.openedAtMs - b.data.openedAtMs || a.data.id - b.data.id)
      .slice(0, Math.max(0, this.faults.stallConnections));
    for (const ws of oldest) {
      this.subs.stall(ws);
      this.stats.stalls++;
    }
  }
}
