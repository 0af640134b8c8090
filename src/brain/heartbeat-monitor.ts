/** Checks HEARTBEAT records for continuity and integrity: every sequence once, in order, untorn. */
import { heartbeatChecksum as checksum } from "../core/heartbeat-checksum";
import { HEARTBEAT } from "../ring/layout";

export class HeartbeatMonitor {
  heartbeats = 0;
  missing = 0;
  duplicates = 0;
  torn = 0;
  /** The feed restarted (its sequence began again at 0). */
  sourceRestarts = 0;
  maxLatencyUs = 0;
  lostInGaps = 0;
  #next = 0;
  #started = false;

  /** `o` is the slot's f64 index in `buf`; `nowUs` is the receive stamp. */
  onHeartbeat(buf: Float64Array, o: number, nowUs: number): void {
    const seq = buf[o + HEARTBEAT.seq]!;
    const sentUs = buf[o + HEARTBEAT.sentUs]!;
    this.heartbeats++;
    if (buf[o + HEARTBEAT.checksum] !== checksum(seq, sentUs)) {
      this.torn++;
      return;
    }
    if (!this.#started) {
      // A restarted brain resumes mid-stream: the first sequence it sees is its baseline.
      this.#started = true;
      this.#next = seq + 1;
    } else if (seq === this.#next) this.#next++;
    else if (seq === 0) {
      this.sourceRestarts++;
      this.#next = 1;
    } else if (seq > this.#next) {
      this.missing += seq - this.#next;
      this.#next = seq + 1;
    } else this.duplicates++;
    const latency = nowUs - sentUs;
    if (latency > this.maxLatencyUs) this.maxLatencyUs = latency;
  }

  /** Records the feed reported lost in a GAP record: these explain that many missing sequences. */
  onGap(lostRecords: number): void {
    this.lostInGaps += lostRecords;
  }

  /** Missing sequences that no GAP record accounts for: must stay 0. */
  get unexplained(): number {
    return Math.max(0, this.missing - this.lostInGaps);
  }
}
