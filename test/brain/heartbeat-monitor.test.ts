import { expect, test } from "bun:test";
import { HeartbeatMonitor } from "../../src/brain/heartbeat-monitor";
import { heartbeatChecksum } from "../../src/core/heartbeat-checksum";
import { HEARTBEAT, SLOT_F64 } from "../../src/ring/layout";

const slot = new Float64Array(SLOT_F64);
function feed(m: HeartbeatMonitor, seq: number, torn = false): void {
  slot[HEARTBEAT.seq] = seq;
  slot[HEARTBEAT.sentUs] = 1_000 + seq;
  slot[HEARTBEAT.checksum] = heartbeatChecksum(seq, 1_000 + seq) + (torn ? 1 : 0);
  m.onHeartbeat(slot, 0, 2_000 + seq);
}

test("counts missing, duplicated, torn and restarted sequences; gaps explain losses", () => {
  const m = new HeartbeatMonitor();
  for (const s of [5, 6, 7, 7, 10, 11]) feed(m, s); // baseline 5, a duplicate 7, 8 and 9 missing
  feed(m, 12, true);
  feed(m, 0); // feed restarted
  feed(m, 1);
  expect(m).toMatchObject({ heartbeats: 9, duplicates: 1, missing: 2, torn: 1, sourceRestarts: 1 });
  expect(m.unexplained).toBe(2);
  m.onGap(2);
  expect(m.unexplained).toBe(0);
});
