import { expect, test } from "bun:test";
import { decimalAt } from "../../../src/feed/parse/decimal";
import { seededRandom } from "../../support/seeded-random";

const same = (text: string) => Object.is(decimalAt(text, 0, text.length), Number.parseFloat(text));

test("equals parseFloat bit for bit on 200k seeded decimals of 1–19 digits and 0–25 places", () => {
  const rnd = seededRandom(7);
  const bad: string[] = [];
  for (let n = 0; n < 200_000; n++) {
    const digits = 1 + Math.floor(rnd() * 19);
    let s = "";
    for (let i = 0; i < digits; i++) s += String(Math.floor(rnd() * 10));
    const places = Math.min(digits - 1, Math.floor(rnd() * 26));
    let text = places > 0 ? `${s.slice(0, digits - places)}.${s.slice(digits - places)}` : s;
    if (rnd() < 0.2) text = `-${text}`;
    if (!same(text)) bad.push(text);
  }
  expect(bad.slice(0, 5)).toEqual([]);
});

test("edge values: 2^53 neighbours, 16 digits, k = 22 / 23, zeros and -0", () => {
  for (const t of ["9007199254740991", "9007199254740992", "9007199254740993", "9999999999999999", "1764000000123.456", "0.0000000000000000000001", "0.00000000000000000000001", "0", "-0", "0.0", "-0.000", "000123.4500", "1.7976931348623157", "123456789012345678901234567890"]) {
    expect(same(t)).toBe(true);
  }
});

test("anything but -?digits(.digits)? is NaN, and so is overflow", () => {
  for (const t of ["", "-", ".", "1.", ".5", "+1", "1e5", "1E5", " 1", "1 ", "1..2", "1.2.3", "0x10", "NaN", "Infinity", "1_000", "٣", "1".repeat(400)]) {
    expect(decimalAt(t, 0, t.length)).toBeNaN();
  }
});

test("reads only the given range of a longer text", () => {
  const text = `"p":"1.01100","q":"10"`;
  expect(decimalAt(text, 5, 12)).toBe(1.011);
  expect(decimalAt(text, 19, 21)).toBe(10);
});
