/** Diagnostics source: writes HEARTBEAT records at a fixed rate so the whole pipeline can be exercised without an exchange. */
import type { Clock } from "../core/clock";
import { heartbeatChecksum } from "../core/heartbeat-checksum";
import { F, HEARTBEAT, Kind, SLOT_F64 } from "../ring/layout";
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

  #fill(b: Float64Array, o: number): void {
    const seq = this.sent++;
    const sentUs = this.clock.nowUs();
    b[o + F.kind] = Kind.Heartbeat;
    b[o + F.symbolId] = 0;
    b[o + F.eventTimeMs] = this.clock.nowMs();
    b[o + F.recvTimeUs] = sentUs;
    b[o + HEARTBEAT.seq] = seq;
    b[o + HEARTBEAT.sentUs] = sentUs;
    b[o + HEARTBEAT.checksum] = heartbeatChecksum(seq, sentUs);
  }

  #tick(): void {
    const due = Math.floor(((performance.now() - this.#startMs) * this.rateHz) / 1000) - this.sent;
    const n = Math.min(due, MAX_PER_TICK);
    const w = this.writer;
    // Runs (claimRun) while the ring has room; once it is full, claim() takes the rest of the tick, so none is lost.
    let full = false;
    for (let i = 0; i < n; ) {
      const granted = full ? 0 : w.claimRun(n - i);
      if (granted === 0) {
        full = true;
        const o = w.claim(); // before reading w.buf: a full ring hands out a scratch slot
        this.#fill(w.buf, o);
        w.commit();
        i++;
        continue;
      }
      for (let k = 0; k < granted; k++) this.#fill(w.buf, w.runAt + k * SLOT_F64);
      w.commitRun(granted);
      i += granted;
    }
    if (n > 0) w.publish();
    else w.flush();
  }
}
