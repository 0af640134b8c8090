import { expect, test } from "bun:test";
import { SymbolTable } from "../../src/feed/symbol-table";

test("ids are dense, stable and add is idempotent", () => {
  const t = new SymbolTable();
  expect(t.add("BTCUSDT")).toBe(0);
  expect(t.add("ETHUSDT")).toBe(1);
  expect(t.add("BTCUSDT")).toBe(0);
  expect(t.add("btcusdt")).toBe(0);
  expect(t.size).toBe(2);
  expect(t.name(1)).toBe("ETHUSDT");
  expect(() => t.name(2)).toThrow(RangeError);
  expect(t.idOf("XRPUSDT")).toBe(-1);
});

test("10,000 symbols: ids survive every rehash, each found by idOf and idOfRange", () => {
  const t = new SymbolTable();
  const names = Array.from({ length: 10_000 }, (_, i) => `S${i.toString(36).toUpperCase()}USDT`);
  names.forEach((n, i) => expect(t.add(n)).toBe(i));
  for (let i = 0; i < names.length; i++) {
    const n = names[i]!;
    if (t.idOf(n) !== i || t.idOfRange(`{"s":"${n}"}`, 6, 6 + n.length) !== i || t.name(i) !== n) throw new Error(`symbol ${n} lost`);
  }
  expect(t.size).toBe(10_000);
});

test("idOfRange looks up a substring without the rest of the text mattering", () => {
  const t = new SymbolTable();
  t.add("BTCUSDT");
  t.add("BTCUSDT_260327");
  const text = `{"stream":"btcusdt@kline_1m","data":{"s":"BTCUSDT_260327"}}`;
  const s = text.indexOf("BTCUSDT_");
  expect(t.idOfRange(text, 11, 18)).toBe(0); // btcusdt in the stream name
  expect(t.idOfRange(text, s, s + 14)).toBe(1);
  expect(t.idOfRange(text, s, s + 7)).toBe(0); // a prefix that is itself a symbol
  expect(t.idOfRange(text, s, s + 6)).toBe(-1);
  expect(t.idOfRange(text, 5, 5)).toBe(-1);
  expect(t.idOfRange(text, 50, 40)).toBe(-1);
  expect(t.idOfRange(text, 0, 1000)).toBe(-1);
});

test("ASCII letters match in either case; other characters must match exactly", () => {
  const t = new SymbolTable();
  t.add("1000PEPEUSDT");
  expect(t.idOf("1000pepeusdt")).toBe(0);
  expect(t.idOf("1000PePeUsDt")).toBe(0);
  expect(t.idOf("1000PEPEUSD")).toBe(-1);
  t.add("A_B");
  expect(t.idOf("a_b")).toBe(1);
  expect(t.idOf("a\u007fb")).toBe(-1); // '_' | 32 is DEL: only letters fold
  expect(t.idOf("A@B")).toBe(-1); // '@' | 32 is '`'
});

test("CJK symbols: stream names lower-case only the ASCII tail", () => {
  const t = new SymbolTable();
  const a = t.add("币安人生USDT");
  const b = t.add("测试测试USDT");
  expect(t.idOf("币安人生usdt")).toBe(a);
  expect(t.idOf("测试测试usdt")).toBe(b);
  const stream = `{"stream":"币安人生usdt@kline_1m"}`;
  expect(t.idOfRange(stream, 11, 11 + "币安人生usdt".length)).toBe(a);
  expect(t.idOf("币安人USDT")).toBe(-1);
  // Code units are compared as they are: full-width letters (what NFKC would fold) are another symbol.
  expect(t.idOf("测试测试ＵＳＤＴ")).toBe(-1);
});
