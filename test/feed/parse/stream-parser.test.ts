import { describe, expect, test } from "bun:test";
import { StreamParser } from "../../../src/feed/parse/stream-parser";
import { SymbolTable } from "../../../src/feed/symbol-table";
import { AGG_TRADE, F, KLINE, Kind, MARK_PRICE, SLOT_F64 } from "../../../src/ring/layout";
import { expectedFor, firstDifference } from "./parse-oracle";

// Shapes from docs/binance-usdm.md §2 (markPrice has no capture: hand-written from §2.3).
const KLINE_1 = `{"e":"kline","E":1626992760791,"s":"CTKUSDT","k":{"t":1626992700000,"T":1626992759999,"s":"CTKUSDT","i":"1m","f":23961275,"L":23961360,"o":"1.01000","c":"1.01200","h":"1.01200","l":"1.01000","v":"11074","n":86,"x":true,"q":"11193.49000","V":"8674","Q":"8769.44400","B":"0"}}`;
const AGG = `{"e":"aggTrade","E":1626992741575,"a":16599292,"s":"CTKUSDT","p":"1.01100","q":"10","nq":"10","f":23961322,"l":23961322,"T":1626992741421,"m":false,"st":1}`;
const BOOK = `{"e":"bookTicker","u":4984028370881,"s":"BTCUSDT","b":"63943.90","B":"46.371","a":"63944.00","A":"0.095","T":1721347022507,"E":1721347022507,"ps":"BTCUSDT","st":1}`;
const mark = (s: string, extra = "") =>
  `{"e":"markPriceUpdate","E":1562305380000,"s":"${s}","p":"11794.15000000","ap":"11794.15000000","i":"11784.62659091","P":"11784.25641265","r":"0.00038167","T":1562306400000${extra}}`;
const DELIVERY = `{"e":"markPriceUpdate","E":1562305380001,"s":"BTCUSDT_260327","p":"90000.1","i":"89990.5","P":"89995.2","r":"","T":0}`;
const wrap = (stream: string, data: string) => `{"stream":"${stream}","data":${data}}`;

function setup(...names: string[]) {
  const symbols = new SymbolTable();
  for (const n of names.length ? names : ["CTKUSDT", "BTCUSDT", "ETHUSDT", "BTCUSDT_260327", "币安人生USDT", "测试测试USDT"]) symbols.add(n);
  const records: Float64Array[] = [];
  const parser = new StreamParser(symbols, { onRecord: (slot) => void records.push(slot.slice()) });
  /** Parses and checks every record against the JSON.parse reference. */
  const run = (text: string, recvUs = 42) => {
    const before = records.length;
    parser.parse(text, recvUs);
    const got = records.slice(before);
    const want = expectedFor(text, symbols, recvUs);
    expect(got.length).toBe(want.slots.length);
    got.forEach((slot, i) => expect(firstDifference(slot, want.slots[i]!)).toBe(-1));
    return got;
  };
  return { symbols, parser, records, run };
}

describe("StreamParser: payloads", () => {
  test("wrapper and raw forms give the same record; recvUs is the argument", () => {
    const { run, parser } = setup();
    const [a] = run(wrap("ctkusdt@kline_1m", KLINE_1), 7);
    const [b] = run(KLINE_1, 7);
    expect(a).toEqual(b!);
    expect(a![F.kind]).toBe(Kind.KlineClosed);
    expect(a![F.recvTimeUs]).toBe(7);
    expect(a![KLINE.open]).toBe(1.01);
    expect(a![KLINE.trades]).toBe(86);
    expect(a![KLINE.closed]).toBe(1);
    expect(parser.stats).toEqual({ messages: 2, records: 2, parseErrors: 0, unknownSymbols: 0, controlReplies: 0, ignored: 0 });
  });

  test("aggTrade and bookTicker with 2025–2026 fields (nq, st, ps)", () => {
    const { run } = setup();
    const [agg] = run(wrap("ctkusdt@aggTrade", AGG));
    expect(agg![AGG_TRADE.buyerIsMaker]).toBe(0);
    expect(run(wrap("btcusdt@bookTicker", BOOK))[0]![F.kind]).toBe(Kind.BookTicker);
  });

  test("an open kline is Kind.Kline with closed 0", () => {
    const { run } = setup();
    const [r] = run(KLINE_1.replace('"x":true', '"x":false'));
    expect(r![F.kind]).toBe(Kind.Kline);
    expect(r![KLINE.closed]).toBe(0);
  });

  test("non-ASCII symbols in payload and stream name", () => {
    const { run, symbols } = setup();
    for (const sym of ["币安人生USDT", "测试测试USDT"]) {
      const [r] = run(wrap(`${sym.toLowerCase()}@kline_1m`, KLINE_1.replaceAll("CTKUSDT", sym)));
      expect(r![F.symbolId]).toBe(symbols.idOf(sym));
    }
    expect(run(AGG.replace("CTKUSDT", "币安人生usdt"))[0]![F.symbolId]).toBe(symbols.idOf("币安人生USDT"));
  });

  test("fractional E (µs-precision benchmark server) is parsed as a decimal and drives maxEventTimeMs", () => {
    const { run, parser } = setup();
    const [r] = run(KLINE_1.replace('"E":1626992760791', '"E":1764000000123.456'));
    expect(r![F.eventTimeMs]).toBe(1764000000123.456);
    run(AGG.replace('"E":1626992741575', '"E":1764000000123.4567'));
    expect(parser.maxEventTimeMs).toBe(1764000000123.4567);
    run(AGG); // older E does not move the clock back
    expect(parser.maxEventTimeMs).toBe(1764000000123.4567);
  });

  test("unused slot fields are zero even after a longer record", () => {
    const { run } = setup();
    run(KLINE_1);
    const [r] = run(AGG);
    for (let i = AGG_TRADE.buyerIsMaker + 1; i < SLOT_F64; i++) expect(r![i]).toBe(0);
  });

  test("decimals beyond 15 significant digits or 22 places take the exact slow path", () => {
    const { run } = setup();
    for (const p of ["12345678901234567.89", "0.00000000000000000000000123", "9007199254740993", "1.0000000000000002220446"]) {
      const [r] = run(AGG.replace('"p":"1.01100"', `"p":"${p}"`));
      expect(r![AGG_TRADE.price]).toBe(Number.parseFloat(p));
    }
  });

  test("escaped strings are decoded exactly (legal JSON, never sent by Binance)", () => {
    const { run } = setup();
    expect(run(AGG.replace('"s":"CTKUSDT"', '"s":"CTK\\u0055SDT"')).length).toBe(1);
    expect(run(AGG.replace('"p":"1.01100"', '"p":"1.0\\u00310"'))[0]![AGG_TRADE.price]).toBe(1.01); // "1.0" + "1" + "0"
    expect(run(AGG.replace('"e":"aggTrade"', '"\\u0065":"agg\\u0054rade"')).length).toBe(1);
  });
});

describe("StreamParser: markPrice", () => {
  test("single object, raw and wrapped, with the 2026 ap field", () => {
    const { run } = setup();
    const [r] = run(wrap("btcusdt@markPrice@1s", mark("BTCUSDT")));
    expect(r![F.kind]).toBe(Kind.MarkPrice);
    expect(r![MARK_PRICE.markPrice]).toBe(11794.15);
    expect(r![MARK_PRICE.fundingRate]).toBe(0.00038167);
    expect(r![MARK_PRICE.nextFundingTimeMs]).toBe(1562306400000);
    expect(run(mark("ETHUSDT")).length).toBe(1);
  });

  test('"r":"" (delivery) is NaN; absent optional fields are NaN; mark price is required', () => {
    const { run, parser } = setup();
    const [d] = run(DELIVERY);
    expect(d![MARK_PRICE.fundingRate]).toBeNaN();
    expect(d![MARK_PRICE.nextFundingTimeMs]).toBe(0);
    const [m] = run(`{"e":"markPriceUpdate","E":1,"s":"BTCUSDT","p":"5"}`);
    expect(m![MARK_PRICE.indexPrice]).toBeNaN();
    expect(m![MARK_PRICE.nextFundingTimeMs]).toBeNaN();
    expect(run(`{"e":"markPriceUpdate","E":1,"s":"BTCUSDT","p":""}`).length).toBe(0);
    expect(run(`{"e":"markPriceUpdate","E":1,"s":"BTCUSDT","p":"5","r":"x"}`).length).toBe(0);
    expect(parser.stats.parseErrors).toBe(2);
  });

  test("!markPrice@arr: one record per known symbol, unknown ones counted, bad entries are errors", () => {
    const { run, parser } = setup();
    const entries = [mark("BTCUSDT"), mark("ETHUSDT", ',"st":1'), mark("NOPEUSDT"), DELIVERY, mark("币安人生USDT"), mark("XAUUSDT"), "5", '{"e":"somethingNew"}'];
    const got = run(wrap("!markPrice@arr@1s", `[${entries.join(",")}]`), 9);
    expect(got.length).toBe(4);
    expect(got.every((r) => r[F.recvTimeUs] === 9 && r[F.kind] === Kind.MarkPrice)).toBe(true);
    expect(parser.stats).toEqual({ messages: 1, records: 4, parseErrors: 1, unknownSymbols: 2, controlReplies: 0, ignored: 1 });
    expect(run(`[${entries.slice(0, 2).join(",")}]`).length).toBe(2); // raw array on a /ws/ connection
    expect(run(`[]`).length).toBe(0);
    const before = parser.stats.parseErrors;
    run(`[${mark("BTCUSDT")}`); // truncated array
    expect(parser.stats.parseErrors).toBe(before + 1);
  });

  test("a 560-entry array as the live stream sends it", () => {
    const { run, symbols } = setup();
    for (let i = 0; i < 560; i++) symbols.add(`SYM${i}USDT`);
    const text = wrap("!markPrice@arr@1s", `[${Array.from({ length: 560 }, (_, i) => mark(`SYM${i}USDT`)).join(",")}]`);
    expect(run(text).length).toBe(560);
  });
});

describe("StreamParser: control, ignored, malformed", () => {
  test("control replies and error replies; lastError keeps the last error verbatim", () => {
    const { run, parser } = setup();
    run(`{"result":null,"id":1}`);
    run(`{"result":["btcusdt@kline_1m"],"id":3}`);
    run(`{"result":true,"id":5}`);
    expect(parser.lastError).toBe("");
    const err = `{"code":2,"msg":"Invalid request: request ID must be an unsigned integer"}`;
    run(`{"code":0,"msg":"Unknown property","id":4}`);
    run(err);
    expect(parser.lastError).toBe(err);
    expect(parser.stats.controlReplies).toBe(5);
    expect(parser.stats.parseErrors).toBe(0);
  });

  test("valid JSON with an unknown event type is ignored, not an error", () => {
    const { run, parser } = setup();
    run(`{"e":"forceOrder","E":1,"o":{"s":"BTCUSDT"}}`);
    run(wrap("btcusdt@depth", `{"e":"depthUpdate","E":1,"b":[["1.0","2"]],"a":[]}`));
    expect(parser.stats.ignored).toBe(2);
    expect(parser.stats.parseErrors).toBe(0);
  });

  test("unknown symbol: counted, no record", () => {
    const { run, parser } = setup("BTCUSDT");
    run(KLINE_1);
    run(AGG);
    run(mark("CTKUSDT"));
    expect(parser.stats.unknownSymbols).toBe(3);
    expect(parser.stats.records).toBe(0);
  });

  const malformed: [string, string][] = [
    ["truncated", KLINE_1.slice(0, 120)],
    ["missing closing brace", KLINE_1.slice(0, -1)],
    ["trailing garbage", `${KLINE_1}x`],
    ["two objects", `${AGG}${AGG}`],
    ["missing s", KLINE_1.replace('"s":"CTKUSDT",', "")],
    ["missing E", AGG.replace('"E":1626992741575,', "")],
    ["missing k.t", KLINE_1.replace('"t":1626992700000,', "")],
    ["missing k.o", KLINE_1.replace('"o":"1.01000",', "")],
    ["missing k.h", KLINE_1.replace('"h":"1.01200",', "")],
    ["missing k.l", KLINE_1.replace('"l":"1.01000",', "")],
    ["missing k.c", KLINE_1.replace('"c":"1.01200",', "")],
    ["k not an object", KLINE_1.replace(/"k":\{.*\}\}$/, '"k":5}')],
    ["garbled price", KLINE_1.replace('"o":"1.01000"', '"o":"1.0x000"')],
    ["price with exponent", AGG.replace('"p":"1.01100"', '"p":"1e5"')],
    ["price as number", AGG.replace('"p":"1.01100"', '"p":1.011')],
    ["empty price", BOOK.replace('"b":"63943.90"', '"b":""')],
    ["two dots", BOOK.replace('"b":"63943.90"', '"b":"63.943.90"')],
    ["trade count as string", KLINE_1.replace('"n":86', '"n":"86"')],
    ["x not boolean", KLINE_1.replace('"x":true', '"x":1')],
    ["number with leading zero", AGG.replace('"a":16599292', '"a":016599292')],
    ["unquoted key", AGG.replace('"a":', "a:")],
    ["quote removed", AGG.replace('"p":"1.01100"', '"p":1.01100"')],
    ["bad escape", AGG.replace('"s":"CTKUSDT"', '"s":"CTK\\qUSDT"')],
    ["raw control char in string", AGG.replace('"s":"CTKUSDT"', '"s":"CTK\nUSDT"')],
    ["no event type", `{"E":1,"s":"BTCUSDT"}`],
    ["event type not a string", `{"e":5,"E":1,"s":"BTCUSDT"}`],
    ["wrapper data not an object", `{"stream":"x","data":"kline"}`],
    ["not an object", `"kline"`],
    ["number", `42`],
    ["empty", ``],
    ["whitespace", ` \n`],
    ["REST depth snapshot", `{"lastUpdateId":1,"E":2,"T":3,"bids":[],"asks":[]}`],
  ];
  test.each(malformed)("%s → parseErrors, no record", (_, text) => {
    const { parser, records } = setup();
    parser.parse(text, 1);
    expect(records.length).toBe(0);
    expect(parser.stats.parseErrors).toBe(1);
  });

  test("non-string input counts as a parse error instead of throwing", () => {
    const { parser } = setup();
    parser.parse(new ArrayBuffer(8) as unknown as string, 1);
    parser.parse(null as unknown as string, 1);
    expect(parser.stats.parseErrors).toBe(2);
  });

  test("deep nesting is refused without overflowing the stack", () => {
    const { parser } = setup();
    parser.parse(`{"e":"x","z":${"[".repeat(100_000)}`, 1);
    parser.parse(`{"e":"x","z":${"[".repeat(20)}${"]".repeat(20)}}`, 1);
    expect(parser.stats).toMatchObject({ parseErrors: 1, ignored: 1 });
  });

  test("a sink's exception propagates (it is a bug in the sink, not a bad frame)", () => {
    const symbols = new SymbolTable();
    symbols.add("CTKUSDT");
    const parser = new StreamParser(symbols, {
      onRecord: () => {
        throw new Error("ring on fire");
      },
    });
    expect(() => parser.parse(AGG, 1)).toThrow("ring on fire");
    expect(parser.stats.parseErrors).toBe(0);
  });
});
