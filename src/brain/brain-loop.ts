/** The brain's drain loop: read everything available, dispatch by kind, release, then sleep until the feed publishes. */
import { nowUs } from "../core/clock";
import { F, GAP, Kind } from "../ring/layout";
import type { RingReader } from "../ring/ring-reader";
import { asyncWait } from "../ring/wait-strategy";
import { HeartbeatMonitor } from "./heartbeat-monitor";

/** Sleep at most this long so a stop request is noticed even when the feed is silent. */
const WAIT_TIMEOUT_MS = 100;
/** Release the read cursor at least this often so a big backlog frees space for the feed while we work. */
const MAX_BATCH = 4096;

/** Receives the market records; the analysis pipeline plugs in here. */
export interface RecordSink {
  /** `nowUs` is the batch's receive stamp (µs since the epoch, as the feed stamps recvTimeUs). */
  onRecord(buf: Float64Array, o: number, kind: number, nowUs: number): void;
}

export class BrainLoop {
  records = 0;
  gaps = 0;
  batches = 0;
  readonly heartbeat = new HeartbeatMonitor();
  #stopping = false;
  #done: Promise<void> | null = null;

  constructor(
    private readonly reader: RingReader,
    private readonly sink: RecordSink | null,
    private readonly spinUs: number,
  ) {}

  start(): void {
    this.#done = this.#run();
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    await this.#done;
  }

  async #run(): Promise<void> {
    const r = this.reader;
    while (!this.#stopping) {
      let n = r.available();
      if (n === 0) n = await asyncWait(r, WAIT_TIMEOUT_MS, this.spinUs);
      if (n === 0) continue;
      this.drain(Math.min(n, MAX_BATCH));
    }
    // Process what was already published so a clean stop loses nothing the feed handed over.
    for (let n = r.available(); n > 0; n = r.available()) this.drain(Math.min(n, MAX_BATCH));
  }

  /** Handles `n` available slots and frees them; public so tests can drive it synchronously. */
  drain(n: number): void {
    const r = this.reader;
    const buf = r.f64;
    const now = nowUs();
    for (let k = 0; k < n; k++) {
      const o = r.slot(k);
      const kind = buf[o + F.kind]!;
      if (kind === Kind.Heartbeat) this.heartbeat.onHeartbeat(buf, o, now);
      else if (kind === Kind.Gap) {
        this.gaps++;
        this.heartbeat.onGap(buf[o + GAP.lostRecords]!);
        this.sink?.onRecord(buf, o, kind, now);
      } else this.sink?.onRecord(buf, o, kind, now);
    }
    r.release(n);
    this.records += n;
    this.batches++;
  }
}
