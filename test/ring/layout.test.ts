/** Layout invariants: field indices unique per kind and inside a slot; cursors on separate stripes; slots 8-byte aligned. */
import { describe, expect, test } from "bun:test";
import {
  AGG_TRADE,
  BOOK_TICKER,
  F,
  GAP,
  HDR_I32,
  HEARTBEAT,
  KLINE,
  Kind,
  MARK_PRICE,
  READ_CURSOR_I32,
  READER_SLEEPING_I32,
  SLOT_BYTES,
  SLOT_F64,
  SLOTS_BYTE_OFFSET,
  STRIPE_BYTES,
  UNIVERSE,
  WRITE_CURSOR_I32,
  ringBytes,
} from "../../src/ring/layout";

const KINDS: Record<string, Record<string, number>> = { KLINE, AGG_TRADE, BOOK_TICKER, MARK_PRICE, GAP, UNIVERSE, HEARTBEAT };
const stripeOf = (i32Index: number): number => Math.floor((i32Index * 4) / STRIPE_BYTES);

describe("ring layout", () => {
  for (const [name, fields] of Object.entries(KINDS)) {
    test(`${name}: common + own fields are distinct integers below SLOT_F64`, () => {
      const all = [...Object.values(F), ...Object.values(fields)];
      expect(new Set(all).size).toBe(all.length);
      for (const i of all) {
        expect(Number.isInteger(i)).toBe(true);
        expect(i).toBeGreaterThanOrEqual(0);
        expect(i).toBeLessThan(SLOT_F64);
      }
    });
  }

  test("slot is 16 Float64 and the slot area starts 8-byte aligned after the header stripes", () => {
    expect(SLOT_F64).toBe(16);
    expect(SLOT_BYTES).toBe(SLOT_F64 * 8);
    expect(SLOTS_BYTE_OFFSET % 8).toBe(0);
    expect(SLOTS_BYTE_OFFSET % STRIPE_BYTES).toBe(0);
    expect(ringBytes(4)).toBe(SLOTS_BYTE_OFFSET + 4 * SLOT_BYTES);
  });

  test("header, write cursor and reader stripe are three different stripes", () => {
    const header = new Set(Object.values(HDR_I32).map(stripeOf));
    expect([...header]).toEqual([0]);
    expect(stripeOf(WRITE_CURSOR_I32)).toBe(1);
    expect(stripeOf(READ_CURSOR_I32)).toBe(2);
    // The sleeping flag is stored by the reader only, so it shares the reader's stripe and not the writer's.
    expect(stripeOf(READER_SLEEPING_I32)).toBe(2);
    expect(READER_SLEEPING_I32).not.toBe(READ_CURSOR_I32);
    expect(SLOTS_BYTE_OFFSET).toBe(3 * STRIPE_BYTES);
  });

  test("kind codes are distinct", () => {
    const codes = Object.values(Kind);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
