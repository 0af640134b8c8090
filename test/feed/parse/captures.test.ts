import { describe, expect, test } from "bun:test";
import { F } from "../../../src/ring/layout";
import { StreamParser } from "../../../src/feed/parse/stream-parser";
import { SymbolTable } from "../../../src/feed/symbol-table";
import { haveCaptures, loadCaptures, type Frame } from "./captures";
import { expectedFor, firstDifference } from "./parse-oracle";

const MAPPED = new Set(["kline", "aggTrade", "bookTicker"]);

function collector() {
  const records: Float64Array[] = [];
  return { records, sink: { onRecord: (slot: Float64Array) => void records.push(slot.slice()) } };
}

/** Rebuilds a payload with its keys in reverse order, the unknown fields Binance has added, and whitespace. */
function reshaped(data: Record<string, unknown>): string {
  const extra = { nq: "1.5", st: 1, ps: "BTCUSDT", ap: "3.25", er: "x", M: true, ia: null, rateType: { n: [1, { k: {} }] } };
  const flip = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).reverse());
  const o = flip({ ...data, ...extra });
  if (typeof o.k === "object" && o.k !== null) o.k = flip({ ...(o.k as Record<string, unknown>), zz: [1, 2], M: false });
  return JSON.stringify(o, null, 1);
}

describe.skipIf(!haveCaptures)("StreamParser on every captured frame (../shared/data/ws)", () => {
  const { frames, skipped } = haveCaptures ? loadCaptures() : { frames: [] as Frame[], skipped: 0 };
  const symbols = new SymbolTable();
  for (const f of frames) symbols.add((JSON.parse(f.text) as { data: { s: string } }).data.s);

  test("each record is bit-identical to the JSON.parse reference; depthUpdate and trade are ignored", () => {
    const { records, sink } = collector();
    const parser = new StreamParser(symbols, sink);
    const count: Record<string, number> = {};
    const wrong: string[] = [];
    let maxE = 0;
    for (const f of frames) {
      const type = (JSON.parse(f.text) as { data: { e: string; k?: { x: boolean } } }).data;
      const key = type.e === "kline" && type.k?.x ? "klineClosed" : type.e;
      count[key] = (count[key] ?? 0) + 1;
      const before = records.length;
      parser.parse(f.text, f.recvUs);
      const want = expectedFor(f.text, symbols, f.recvUs);
      const got = records.slice(before);
      for (const slot of want.slots) maxE = Math.max(maxE, slot[F.eventTimeMs]!);
      const where = `${f.file}:${f.line}`;
      if (MAPPED.has(type.e) !== (want.outcome === "record")) wrong.push(`${where}: reference says ${want.outcome}`);
      if (got.length !== want.slots.length) wrong.push(`${where}: ${got.length} records, expected ${want.slots.length}`);
      else got.forEach((slot, i) => {
        const d = firstDifference(slot, want.slots[i]!);
        if (d >= 0) wrong.push(`${where}: field ${d} is ${slot[d]}, JSON.parse says ${want.slots[i]![d]}`);
      });
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    console.log(`captures: ${frames.length} frames, ${skipped} other lines skipped; ${JSON.stringify(count)}; stats ${JSON.stringify(parser.stats)}`);
    // The README's totals (data/README.md §5): 38,630 frames.
    expect(count).toEqual({ bookTicker: 22198, depthUpdate: 12802, trade: 2614, aggTrade: 850, kline: 162, klineClosed: 4 });
    expect(parser.stats).toEqual({
      messages: 38630,
      records: 22198 + 850 + 166,
      parseErrors: 0,
      unknownSymbols: 0,
      controlReplies: 0,
      ignored: 12802 + 2614,
    });
    expect(parser.maxEventTimeMs).toBe(maxE);
    expect(skipped).toBe(13); // 3 connect URLs, 1 config, 7 REST snapshots, 2 blank lines
  });

  test("the same payloads raw (no wrapper), keys reversed, unknown fields and whitespace added", () => {
    const { records, sink } = collector();
    const parser = new StreamParser(symbols, sink);
    let compared = 0;
    for (const f of frames) {
      const data = (JSON.parse(f.text) as { data: Record<string, unknown> }).data;
      if (!MAPPED.has(data.e as string)) continue;
      const text = reshaped(data);
      records.length = 0;
      parser.parse(text, 1);
      const want = expectedFor(text, symbols, 1);
      expect(records.length).toBe(1);
      expect(firstDifference(records[0]!, want.slots[0]!)).toBe(-1);
      compared++;
    }
    expect(compared).toBe(22198 + 850 + 166);
    expect(parser.stats.parseErrors).toBe(0);
  });

  test("a table without a symbol counts its frames as unknownSymbols, not errors", () => {
    const partial = new SymbolTable();
    partial.add("BTCUSDT");
    const parser = new StreamParser(partial, collector().sink);
    const hft = frames.filter((f) => f.file.startsWith("hftbacktest/ethusdt"));
    for (const f of hft) parser.parse(f.text, f.recvUs);
    expect(parser.stats.unknownSymbols).toBe(9089);
    expect(parser.stats.records).toBe(0);
    expect(parser.stats.ignored).toBe(3273 + 1640);
  });
});
