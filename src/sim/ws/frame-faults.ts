/** Data-frame faults applied at publish time: corruption (a fraction of frames) and a delay queue (order kept). */
import type { Server } from "bun";
import type { Prng } from "../prng";
import type { SimFaults, SimStats } from "../sim-options";
import type { ConnState } from "./conn-state";

/** A corrupted version of a frame: truncated JSON, or a string value garbled so it no longer parses as a number. */
export function corruptFrame(frame: string, rng: Prng): string {
  if (rng.next() < 0.5) return frame.slice(0, 1 + Math.floor(rng.next() * (frame.length - 2)));
  const at = frame.indexOf('":"', 10 + Math.floor(rng.next() * (frame.length / 2)));
  const cut = at < 0 ? frame.indexOf('":"') : at;
  return cut < 0 ? frame.slice(0, frame.length >> 1) : `${frame.slice(0, cut + 3)}#?${frame.slice(cut + 3)}`;
}

interface Held {
  dueMs: number;
  topic: string;
  frame: string;
  receivers: number;
}

export class FrameOutlet {
  #held: Held[] = [];
  #head = 0;

  constructor(
    private readonly server: () => Server<ConnState> | undefined,
    private readonly faults: SimFaults,
    private readonly stats: SimStats,
    private readonly rng: Prng,
    private readonly realMs: () => number,
  ) {}

  /** Sends `frame` to a topic's `receivers` subscribers, through the corrupt and delay faults. */
  send(topic: string, frame: string, receivers: number): void {
    let out = frame;
    const f = this.faults;
    if (f.corruptFraction > 0 && this.rng.next() < f.corruptFraction) {
      out = corruptFrame(frame, this.rng);
      this.stats.corrupted += receivers;
    }
    // frames already held go first, even after the delay is switched off
    if (f.delayMs > 0 || this.#head < this.#held.length) {
      this.#held.push({ dueMs: this.realMs() + f.delayMs, topic, frame: out, receivers });
      return;
    }
    this.#publish(topic, out, receivers);
  }

  /** Sends every held frame that is due; the drive timer calls this every few ms. */
  flush(): void {
    const now = this.realMs();
    const held = this.#held;
    while (this.#head < held.length && held[this.#head]!.dueMs <= now) {
      const h = held[this.#head++]!;
      this.#publish(h.topic, h.frame, h.receivers);
    }
    if (this.#head === held.length && this.#head > 0) {
      this.#held = [];
      this.#head = 0;
    } else if (this.#head > 4096 && this.#head * 2 > held.length) {
      this.#held = held.slice(this.#head);
      this.#head = 0;
    }
  }

  #publish(topic: string, frame: string, receivers: number): void {
    this.server()?.publish(topic, frame, false);
    this.stats.framesSent += receivers;
  }
}
