import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { type SimHandle, startSimulator } from "../../src/sim/simulator";
import { control, klines, tap, until } from "./sim-test-kit";

describe("market WebSocket", () => {
  let sim: SimHandle;
  beforeAll(async () => {
    sim = await startSimulator({ symbols: 12, speed: 120, historyMinutes: 5 });
  });
  afterAll(() => sim.stop());

  test("combined stream: {stream,data} frames for exactly the URL's streams, CJK names percent-encoded", async () => {
    const cjk = "币安人生usdt@kline_1m";
    const t = await tap(`${sim.wsUrl}/market/stream?streams=btcusdt@kline_1m/${encodeURIComponent(cjk)}/!markPrice@arr@1s`);
    await until(() => t.frames.some((f) => f.includes('"!markPrice@arr@1s"')) && t.frames.some((f) => f.includes(cjk)), 3000, "frames of all streams");
    const streams = new Set(t.frames.map((f) => JSON.parse(f).stream));
    expect([...streams].sort()).toEqual(["!markPrice@arr@1s", "btcusdt@kline_1m", cjk].sort());
    for (const f of t.frames) expect(Object.keys(JSON.parse(f))).toEqual(["stream", "data"]);
    const arr = JSON.parse(t.frames.find((f) => f.includes("!markPrice"))!).data;
    expect(Array.isArray(arr)).toBe(true);
    expect(arr.length).toBe(12);
    expect(Object.keys(arr[0])).toEqual(["e", "E", "s", "p", "ap", "i", "P", "r", "T"]);
    const k = klines(t.frames).find((p) => p.s === "币安人生USDT")!;
    expect(k.k.s).toBe("币安人生USDT");
    expect(await control(t, { method: "LIST_SUBSCRIPTIONS", id: 3 })).toEqual({ result: ["btcusdt@kline_1m", cjk, "!markPrice@arr@1s"], id: 3 });
    expect(await control(t, { method: "GET_PROPERTY", params: ["combined"], id: 4 })).toEqual({ result: true, id: 4 });
    t.ws.close();
  });

  test("raw /market/ws/<s1>/<s2>: bare payloads; SUBSCRIBE, LIST_SUBSCRIPTIONS, UNSUBSCRIBE replies", async () => {
    const t = await tap(`${sim.wsUrl}/market/ws/ethusdt@kline_1m/ethusdt@aggTrade`);
    await until(() => t.frames.some((f) => f.includes('"e":"aggTrade"')) && t.frames.some((f) => f.includes('"e":"kline"')), 3000, "raw frames");
    const agg = JSON.parse(t.frames.find((f) => f.includes('"e":"aggTrade"'))!);
    expect(Object.keys(agg)).toEqual(["e", "E", "a", "s", "p", "q", "nq", "f", "l", "T", "m"]);
    expect(agg.s).toBe("ETHUSDT");
    expect(await control(t, { method: "GET_PROPERTY", params: ["combined"], id: 1 })).toEqual({ result: false, id: 1 });
    expect(await control(t, { method: "SUBSCRIBE", params: ["solusdt@kline_1m", "xrpusdt@markPrice@1s"], id: 2 })).toEqual({ result: null, id: 2 });
    expect(await control(t, { method: "LIST_SUBSCRIPTIONS", id: 3 })).toEqual({
      result: ["ethusdt@kline_1m", "ethusdt@aggTrade", "solusdt@kline_1m", "xrpusdt@markPrice@1s"],
      id: 3,
    });
    await until(() => t.frames.some((f) => f.includes('"s":"SOLUSDT"')) && t.frames.some((f) => f.includes('"e":"markPriceUpdate"')), 3000, "new subscriptions");
    expect(await control(t, { method: "UNSUBSCRIBE", params: ["ethusdt@kline_1m", "ethusdt@aggTrade", "xrpusdt@markPrice@1s"], id: 4 })).toEqual({ result: null, id: 4 });
    expect(await control(t, { method: "LIST_SUBSCRIPTIONS", id: 5 })).toEqual({ result: ["solusdt@kline_1m"], id: 5 });
    await Bun.sleep(50);
    const mark = t.frames.length;
    await until(() => t.frames.length > mark + 3, 3000, "more frames");
    expect(t.frames.slice(mark).every((f) => f.includes("SOLUSDT"))).toBe(true);
    // SET_PROPERTY combined switches the frame form
    expect(await control(t, { method: "SET_PROPERTY", params: ["combined", true], id: 6 })).toEqual({ result: null, id: 6 });
    const at = t.frames.length;
    await until(() => t.frames.length > at + 1, 3000, "combined frames");
    expect(JSON.parse(t.frames.at(-1)!).stream).toBe("solusdt@kline_1m");
    t.ws.close();
  });

  test("error replies of §2.6", async () => {
    const t = await tap(`${sim.wsUrl}/market/ws`);
    const ask = async (raw: string) => {
      const before = t.frames.length;
      t.ws.send(raw);
      await until(() => t.frames.length > before, 2000, `reply to ${raw}`);
      return JSON.parse(t.frames[before]!);
    };
    expect(await ask('{"method":"SET_PROPERTY","params":["nope",true],"id":1}')).toEqual({ code: 0, msg: "Unknown property", id: 1 });
    expect(await ask('{"method":"SET_PROPERTY","params":["combined","yes"],"id":2}')).toEqual({ code: 1, msg: "Invalid value type: expected Boolean", id: 2 });
    expect(await ask('{"method":"GET_PROPERTY","params":[5],"id":3}')).toEqual({ code: 2, msg: "Invalid request: property name must be a string", id: 3 });
    expect(await ask('{"method":"SUBSCRIBE","params":["btcusdt@kline_1m"],"id":-1}')).toEqual({ code: 2, msg: "Invalid request: request ID must be an unsigned integer" });
    expect(await ask('{"method":"SUBSCRIBE","params":["btcusdt@kline_1m"]}')).toEqual({ code: 2, msg: "Invalid request: request ID must be an unsigned integer" });
    expect((await ask('{"method":"FOO","id":4}')).msg).toBe(
      "Invalid request: unknown variant `FOO`, expected one of `SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY`",
    );
    expect(await ask('{"method":"SET_PROPERTY","params":["combined",true,1],"id":5}')).toEqual({ code: 2, msg: "Invalid request: too many parameters", id: 5 });
    expect((await ask('{"params":[],"id":6}')).msg).toMatch(/^Invalid request: missing field `method` at line 1 column \d+$/);
    expect(await ask("{not json")).toEqual({ code: 3, msg: "Invalid JSON: expected value at line 1 column 1" });
    t.ws.close();
  });

  test("more than 1024 streams on one connection is an error reply; nothing is subscribed", async () => {
    const t = await tap(`${sim.wsUrl}/market/ws`);
    const names = Array.from({ length: 1025 }, (_, k) => `sym${k}usdt@kline_1m`);
    const r = (await control(t, { method: "SUBSCRIBE", params: names, id: 7 })) as { code: number; msg: string };
    expect(r.code).toBe(2);
    expect(r.msg).toContain("1024");
    expect(await control(t, { method: "SUBSCRIBE", params: names.slice(0, 1024), id: 8 })).toEqual({ result: null, id: 8 });
    expect(((await control(t, { method: "LIST_SUBSCRIPTIONS", id: 9 })) as { result: string[] }).result.length).toBe(1024);
    t.ws.close();
  });

  test("more than 10 incoming messages in a second closes with 1008 Too many requests", async () => {
    const t = await tap(`${sim.wsUrl}/market/ws`);
    for (let k = 1; k <= 10; k++) t.ws.send(JSON.stringify({ method: "LIST_SUBSCRIPTIONS", id: k }));
    await until(() => t.frames.length === 10, 2000, "10 replies");
    expect(t.closed).toBeNull();
    t.ws.send(JSON.stringify({ method: "LIST_SUBSCRIPTIONS", id: 11 }));
    await until(() => t.closed !== null, 2000, "close");
    expect(t.closed).toEqual({ code: 1008, reason: "Too many requests" });
  });

  test("legacy /ws and /stream, and /public, acknowledge market streams and deliver nothing", async () => {
    const urls = [
      `${sim.wsUrl}/ws/btcusdt@kline_1m`,
      `${sim.wsUrl}/stream?streams=btcusdt@kline_1m/!markPrice@arr@1s`,
      `${sim.wsUrl}/public/ws/btcusdt@kline_1m`,
      `${sim.wsUrl}/public/stream?streams=btcusdt@kline_1m`,
      `${sim.wsUrl}/market/ws/btcusdt@bookTicker/BTCUSDT@kline_1m`,
    ];
    const taps = await Promise.all(urls.map((u) => tap(u)));
    for (const [k, t] of taps.entries()) {
      // on /market, only a stream of the wrong category (or a wrongly cased name) is silent
      const params = k === 4 ? ["ethusdt@depth@100ms", "ETHUSDT@kline_1m"] : ["ethusdt@kline_1m"];
      expect(await control(t, { method: "SUBSCRIBE", params, id: 1 })).toEqual({ result: null, id: 1 });
    }
    await Bun.sleep(1500); // 3 sim-minutes at speed 120
    for (const [k, t] of taps.entries()) expect([urls[k], t.frames.length]).toEqual([urls[k], 1]);
    for (const t of taps) t.ws.close();
  });

  test("unknown WebSocket paths are refused at the handshake", async () => {
    const ws = new WebSocket(`${sim.wsUrl}/market/nothing`);
    let opened = false;
    ws.onopen = () => {
      opened = true;
    };
    const closed = await new Promise<number>((resolve) => {
      ws.onclose = (e) => resolve(e.code);
    });
    expect([opened, closed]).toEqual([false, 1006]);
    const res = await fetch(`${sim.restUrl}/market/nothing`, { headers: { upgrade: "websocket", connection: "upgrade" } });
    expect(res.status).toBe(404);
  });
});

describe("keep-alive", () => {
  test("server pings carry the server time, Bun's pongs satisfy them, a connection is closed at its maximum age", async () => {
    // a pong that did not echo the ping would close at 200 + 300 ms with 1008, before the age close
    const sim = await startSimulator({ symbols: 3, historyMinutes: 2, pingIntervalMs: 200, pongTimeoutMs: 300, maxConnectionAgeMs: 900 });
    try {
      const t = await tap(`${sim.wsUrl}/market/ws`);
      await until(() => t.pings.length >= 2, 2000, "two pings");
      for (const p of t.pings) expect(Math.abs(Number(p) - sim.nowMs())).toBeLessThan(2000);
      await until(() => t.closed !== null, 3000, "age close");
      expect(t.closed!.code).toBe(1000);
    } finally {
      await sim.stop();
    }
  });
});
