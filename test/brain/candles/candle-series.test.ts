import { expect, test } from "bun:test";
import { CANDLE, CandleSeries } from "../../../src/brain/candles/candle-series";

const push = (s: CandleSeries, i: number, minutes?: number) =>
  s.push(i * 60_000, i + 0.1, i + 0.2, i + 0.3, i + 0.4, i + 0.5, i + 0.6, i + 0.7, i + 0.8, minutes);

test("k = 0 is the oldest kept candle and length − 1 the newest, across the ring's wrap", () => {
  const s = new CandleSeries(4, 5);
  expect([s.length, s.count, s.last(), s.fromEnd(0), s.close(0)]).toEqual([0, 0, NaN, NaN, NaN]);
  for (let i = 0; i < 3; i++) push(s, i);
  expect([s.length, s.count, s.close(0), s.close(2), s.close(3)]).toEqual([3, 3, 0.4, 2.4, NaN]);
  for (let i = 3; i < 10; i++) push(s, i);
  expect([s.length, s.count]).toEqual([4, 10]);
  expect([0, 1, 2, 3].map((k) => s.openTimeMs(k))).toEqual([6, 7, 8, 9].map((i) => i * 60_000));
  expect([s.open(0), s.high(1), s.low(2), s.close(3), s.volume(3), s.quoteVolume(3), s.trades(3), s.takerBuyVolume(3)]).toEqual(
    [6.1, 7.2, 8.3, 9.4, 9.5, 9.6, 9.7, 9.8]);
  expect([s.last(), s.last(CANDLE.high), s.fromEnd(1), s.fromEnd(3, CANDLE.open), s.fromEnd(4), s.get(CANDLE.close, -1)]).toEqual(
    [9.4, 9.2, 8.4, 6.1, NaN, NaN]);
  expect([s.minutes(3), s.incomplete]).toEqual([5, 0]);
  push(s, 10, 3);
  expect([s.minutes(3), s.incomplete]).toEqual([3, 1]);
  s.clear();
  expect([s.length, s.count, s.incomplete, s.last()]).toEqual([0, 0, 0, NaN]);
});

test("capacity must be a positive integer", () => {
  expect(() => new CandleSeries(0)).toThrow(RangeError);
  expect(() => new CandleSeries(2.5)).toThrow(RangeError);
});
