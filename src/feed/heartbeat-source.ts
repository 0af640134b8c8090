/** Diagnostics source: writes HEARTBEAT records at a fixed rate so the whole pipeline can be exercised without an exchange. */
import type { Clock } from "../core/clock";
import { heartbeatChecksum } from "../core/heartbeat-checksum";
import { F, HEARTBEAT, Kind } from "../ring/layout";
import type { RingWriter } from "../ring/ring-writer";

const TICK_MS = 1;
/** Cap per tick so a long stall cannot turn into one giant burst that starves the event loop. */
const MAX_PER_TICK = 1 << 16;

export class HeartbeatSource {
  sent = 0;
  #timer: ReturnType<typeof setInterval> | null = null;
  #startMs = 0;

  constructor(
    private readonly writer: RingWriter,
    private readonly rateHz: number,
    private readonly clock: Clock,
  ) {}

  start(): void {
    this.#startMs = performance.now();
    this.#timer = setInterval(() => this.#tick(), TICK_MS);
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.writer.flush();
  }

  #tick(): void {
    const due = Math.floor(((performance.now() - this.#startMs) * this.rateHz) / 1000) - this.sent;
    const n = Math.min(due, MAX_PER_TICK);
    const w = this.writer;
    for (let i = 0; i < n; i++) {
      const o = w.claim();
      const b = w.buf;
      const seq = this.sent++;
      const sentUs = this.clock.nowUs();
      b[o + F.kind] = Kind.Heartbeat;
      b[o + F.symbolId] = 0;
      b[o + F.eventTimeMs] = this.clock.nowMs();
      b[o + F.recvTimeUs] = sentUs;
      b[o + HEARTBEAT.seq] = seq;
      b[o + HEARTBEAT.sentUs] = sentUs;
      b[o + HEARTBEAT.checksum] = heartbeatChecksum(seq, sentUs);
      w.commit();
    }
    if (n > 0) w.publish();
    else w.flush();
  }
}
