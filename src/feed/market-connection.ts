/** One market-stream WebSocket: combined streams in the URL, a no-data watchdog, pings, jittered reconnects, 24 h rotation. */
import type { ConsolaInstance } from "consola";
import { Backoff } from "../core/backoff";
import { nowUs } from "../core/clock";
import type { FeedConfig } from "../config/sections/feed";

export interface ConnectionHost {
  /** One text frame, already stamped with its receive time; must not throw. */
  onFrame(text: string, recvUs: number): void;
  /** Resolves when a new connection may be opened (connect pacing shared by all connections). */
  connectSlot(): Promise<void>;
}

type Timer = ReturnType<typeof setInterval>;

export class MarketConnection {
  frames = 0;
  reconnects = 0;
  watchdogKills = 0;
  rotations = 0;
  #ws: WebSocket | null = null;
  /** The socket being replaced during a rotation; closed once its successor delivers. */
  #retiring: WebSocket | null = null;
  #openedAt = 0;
  #lastRx = 0;
  #stopped = false;
  #reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  #tick: Timer | null = null;
  #ping: Timer | null = null;
  readonly #backoff: Backoff;
  readonly url: string;

  constructor(
    readonly index: number,
    readonly streams: string[],
    wsUrl: string,
    private readonly cfg: FeedConfig,
    private readonly host: ConnectionHost,
    private readonly log: ConsolaInstance,
  ) {
    this.url = `${wsUrl}/market/stream?streams=${streams.join("/")}`;
    this.#backoff = new Backoff(cfg.reconnectInitialMs, cfg.reconnectMaxMs);
  }

  start(): void {
    this.#tick = setInterval(() => this.#check(), Math.min(1000, Math.max(50, this.cfg.watchdogMs / 4)));
    this.#ping = setInterval(() => this.#ws?.readyState === WebSocket.OPEN && this.#ws.ping(), this.cfg.pingIntervalMs);
    void this.#open();
  }

  stop(): void {
    this.#stopped = true;
    if (this.#tick) clearInterval(this.#tick);
    if (this.#ping) clearInterval(this.#ping);
    if (this.#reconnectTimer) clearTimeout(this.#reconnectTimer);
    // terminate, not close: a close on a dead link waits ~35 s for the peer (bun-notes surprise #15).
    this.#ws?.terminate();
    this.#retiring?.terminate();
    this.#ws = this.#retiring = null;
  }

  get isOpen(): boolean {
    return this.#ws?.readyState === WebSocket.OPEN;
  }

  async #open(): Promise<void> {
    await this.host.connectSlot();
    if (this.#stopped) return;
    const ws = new WebSocket(this.url, { perMessageDeflate: false } as unknown as string[]);
    this.#ws = ws;
    this.#openedAt = this.#lastRx = performance.now();
    ws.onopen = () => this.log.debug(`connection ${this.index} open (${this.streams.length} streams)`);
    ws.onmessage = (ev: MessageEvent) => this.#onMessage(ws, ev.data);
    ws.onerror = () => this.log.debug(`connection ${this.index} error`);
    ws.onclose = (ev: CloseEvent) => this.#onClose(ws, ev.code, ev.reason);
  }

  #onMessage(ws: WebSocket, data: unknown): void {
    const recv = nowUs();
    if (ws === this.#ws) {
      this.#lastRx = performance.now();
      if (this.#backoff.attempt > 0) this.#backoff.reset();
      if (this.#retiring) {
        this.#retiring.close(1000, "rotated");
        this.#retiring = null;
      }
    }
    this.frames++;
    if (typeof data === "string") this.host.onFrame(data, recv);
  }

  #onClose(ws: WebSocket, code: number, reason: string): void {
    if (ws !== this.#ws || this.#stopped) return;
    this.#ws = null;
    const delay = this.#backoff.next();
    this.reconnects++;
    this.log.warn(`connection ${this.index} closed (${code}${reason ? ` ${reason}` : ""}); reconnecting in ${delay} ms`);
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = null;
      void this.#open();
    }, delay);
  }

  #check(): void {
    const ws = this.#ws;
    if (!ws || this.#stopped) return;
    const now = performance.now();
    // Silent is dead: Binance's wrong paths and stalled links stay open and deliver nothing.
    if (now - this.#lastRx > this.cfg.watchdogMs) {
      this.watchdogKills++;
      this.log.warn(`connection ${this.index}: no data for ${Math.round(now - this.#lastRx)} ms; terminating it`);
      ws.terminate();
      return;
    }
    if (now - this.#openedAt > this.cfg.rotateAfterMs && !this.#retiring && ws.readyState === WebSocket.OPEN) {
      this.rotations++;
      this.log.info(`connection ${this.index}: rotating before the exchange's 24 h cut`);
      this.#retiring = ws;
      ws.onclose = null;
      void this.#open();
    }
  }
}
