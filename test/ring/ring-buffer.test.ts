/** Ring creation, header validation, single and batched publish, and Int32 cursor wrap-around. */
import { describe, expect, test } from "bun:test";
import { RingLayoutError } from "../../src/core/errors";
import { HDR_I32, HEARTBEAT, LAYOUT_VERSION, READ_CURSOR_I32, SLOT_F64, WRITE_CURSOR_I32, ringBytes } from "../../src/ring/layout";
import { attachRing, createRing, slotIndex } from "../../src/ring/ring-buffer";
import { RingReader } from "../../src/ring/ring-reader";
import { RingWriter } from "../../src/ring/ring-writer";
import { heartbeatIntact, writeHeartbeat } from "../support/ring-records";

const opts = { maxSymbols: 8, overflowCapacity: 16 };

/** Counts Atomics.store calls on the write cursor while `body` runs. */
function cursorStores(body: () => void): number {
  const original = Atomics.store;
  let stores = 0;
  Atomics.store = ((arr: Int32Array, index: number, value: number) => {
    if (index === WRITE_CURSOR_I32) stores++;
    return original(arr, index, value);
  }) as typeof Atomics.store;
  try {
    body();
  } finally {
    Atomics.store = original;
  }
  return stores;
}

describe("createRing / attachRing", () => {
  test("writes the header and both cursors", () => {
    const sab = createRing(8, 5);
    expect(sab.byteLength).toBe(ringBytes(8));
    const view = attachRing(sab);
    expect(view.capacity).toBe(8);
    expect(view.mask).toBe(7);
    expect(view.f64.length).toBe(8 * SLOT_F64);
    expect(Atomics.load(view.i32, WRITE_CURSOR_I32)).toBe(5);
    expect(Atomics.load(view.i32, READ_CURSOR_I32)).toBe(5);
    expect(slotIndex(view, 9)).toBe(1 * SLOT_F64);
    expect(slotIndex(view, -1)).toBe(7 * SLOT_F64);
  });

  for (const bad of [0, 1, 3, 6, 1.5, -4, 2 ** 30, 2 ** 31, Number.NaN]) {
    test(`capacity ${bad} is refused with the fix in the message`, () => {
      expect(() => createRing(bad)).toThrow(RingLayoutError);
      expect(() => createRing(bad)).toThrow(/power of two/);
    });
  }

  test("initialSequence is truncated to Int32", () => {
    const view = attachRing(createRing(4, 2 ** 32 + 7));
    expect(Atomics.load(view.i32, WRITE_CURSOR_I32)).toBe(7);
  });

  const corrupt: [string, (i32: Int32Array) => void, RegExp][] = [
    ["magic", (i32) => (i32[HDR_I32.magic] = 0x12345678), /magic/],
    ["version", (i32) => (i32[HDR_I32.version] = LAYOUT_VERSION + 1), /layout version/],
    ["slot size", (i32) => (i32[HDR_I32.slotBytes] = 64), /slot size/],
    ["capacity not a power of two", (i32) => (i32[HDR_I32.capacity] = 12), /power of two/],
    ["capacity not matching the byte length", (i32) => (i32[HDR_I32.capacity] = 16), /needs/],
  ];
  for (const [what, damage, message] of corrupt) {
    test(`attachRing refuses a bad ${what}`, () => {
      const sab = createRing(8);
      damage(new Int32Array(sab));
      expect(() => attachRing(sab)).toThrow(RingLayoutError);
      expect(() => attachRing(sab)).toThrow(message);
      expect(() => new RingReader(sab)).toThrow(RingLayoutError);
      expect(() => new RingWriter(sab, opts)).toThrow(RingLayoutError);
    });
  }

  test("attachRing refuses a buffer smaller than the header or not shared", () => {
    expect(() => attachRing(new SharedArrayBuffer(16))).toThrow(/smaller than/);
    expect(() => attachRing(new ArrayBuffer(1024) as unknown as SharedArrayBuffer)).toThrow(RingLayoutError);
  });
});

describe("publish", () => {
  test("per-slot: nothing is visible before publish, one record after", () => {
    const sab = createRing(8);
    const w = new RingWriter(sab, opts);
    const r = new RingReader(sab);
    const at = w.claim();
    writeHeartbeat(w.buf, at, 42);
    w.commit();
    expect(r.available()).toBe(0);
    expect(cursorStores(() => w.publish())).toBe(1);
    expect(r.available()).toBe(1);
    expect(heartbeatIntact(r.f64, r.slot(0), 42)).toBe(true);
    r.release(1);
    expect(r.available()).toBe(0);
    expect(w.stats.published).toBe(1);
  });

  test("batched: 64 claim/commit then one publish is one cursor store", () => {
    const sab = createRing(64);
    const w = new RingWriter(sab, opts);
    const r = new RingReader(sab);
    const stores = cursorStores(() => {
      for (let i = 0; i < 64; i++) {
        const at = w.claim();
        writeHeartbeat(w.buf, at, i);
        w.commit();
      }
      expect(r.available()).toBe(0);
      w.publish();
      w.publish(); // nothing new: no second store
    });
    expect(stores).toBe(1);
    expect(r.available()).toBe(64);
    for (let k = 0; k < 64; k++) expect(heartbeatIntact(r.f64, r.slot(k), k)).toBe(true);
    expect(w.stats.published).toBe(64);
  });

  test("commit without claim is a programming error", () => {
    const w = new RingWriter(createRing(4), opts);
    expect(() => w.commit()).toThrow(/without claim/);
  });

  test("cursors starting at 2^31 - 100 stay correct over many laps", () => {
    const capacity = 16;
    const sab = createRing(capacity, 2 ** 31 - 100);
    const w = new RingWriter(sab, opts);
    const r = new RingReader(sab);
    let sent = 0;
    let received = 0;
    let crossedSign = false;
    for (let round = 0; received < 20_000; round++) {
      const batch = 1 + (round % capacity);
      for (let b = 0; b < batch && w.freeSlots() > 0; b++) {
        const at = w.claim();
        expect(w.buf.buffer).toBe(sab); // a ring slot, not scratch
        writeHeartbeat(w.buf, at, sent++);
        w.commit();
      }
      w.publish();
      const n = r.available();
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n).toBeLessThanOrEqual(capacity);
      const take = round % 3 === 0 ? n : Math.ceil(n / 2);
      for (let k = 0; k < take; k++) {
        if (!heartbeatIntact(r.f64, r.slot(k), received)) throw new Error(`slot ${received} wrong after the wrap`);
        received++;
      }
      r.release(take);
      if (r.cursor < 0) crossedSign = true;
    }
    expect(crossedSign).toBe(true);
    expect(w.stats.overflowed).toBe(0);
    expect(w.stats.published).toBe(sent);
  });

  test("a ring full at the Int32 wrap diverts to the backlog and recovers in order", () => {
    const sab = createRing(4, 2 ** 31 - 2);
    const w = new RingWriter(sab, opts);
    const r = new RingReader(sab);
    for (let i = 0; i < 10; i++) {
      const at = w.claim();
      writeHeartbeat(w.buf, at, i);
      w.commit();
    }
    w.publish();
    expect(r.available()).toBe(4);
    expect(w.stats.backlog).toBe(6);
    let next = 0;
    while (next < 10) {
      const n = r.available();
      for (let k = 0; k < n; k++) expect(heartbeatIntact(r.f64, r.slot(k), next++)).toBe(true);
      r.release(n);
      w.flush();
    }
    expect(w.stats.backlog).toBe(0);
    expect(r.f64[r.slot(-1) + HEARTBEAT.seq]).toBe(9);
  });
});
