/** Slow consumer: sleeps in asyncWait, spends `slowUs` per slot, and copies every slot until the end marker. */
import { F, HEARTBEAT, Kind, SLOT_F64 } from "../../src/ring/layout";
import { RingReader } from "../../src/ring/ring-reader";
import { asyncWait } from "../../src/ring/wait-strategy";
import { serveOnce } from "./ring-worker-harness";

export interface FeedConsumerInit {
  sab: SharedArrayBuffer;
  maxRecords: number;
  slowUs: number;
}

export interface FeedConsumerResult {
  /** `count` slots of SLOT_F64 fields each, in arrival order, end marker included. */
  records: Float64Array;
  count: number;
}

async function consume({ sab, maxRecords, slowUs }: FeedConsumerInit): Promise<FeedConsumerResult> {
  const r = new RingReader(sab);
  const out = new Float64Array(maxRecords * SLOT_F64);
  let count = 0;
  for (;;) {
    const n = await asyncWait(r, 5_000, 0);
    if (n === 0) continue;
    for (let k = 0; k < n; k++) {
      if (count === maxRecords) throw new Error(`more than ${maxRecords} records`);
      const at = r.slot(k);
      out.set(r.f64.subarray(at, at + SLOT_F64), count * SLOT_F64);
      count++;
      if (r.f64[at + F.kind] === Kind.Heartbeat && r.f64[at + HEARTBEAT.seq] === -1) {
        r.release(k + 1);
        return { records: out.slice(0, count * SLOT_F64), count };
      }
      const until = performance.now() + slowUs / 1000;
      while (performance.now() < until);
    }
    r.release(n);
  }
}

serveOnce(consume);
