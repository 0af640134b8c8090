/** Helpers for simulator tests: open a WebSocket and keep its frames, wait for a condition. */

export interface Tap {
  ws: WebSocket;
  frames: string[];
  closed: { code: number; reason: string } | null;
  pings: string[];
}

/** Polls `cond` every 5 ms until it holds; throws after `ms` with `what` in the message. */
export async function until(cond: () => boolean, ms: number, what: string): Promise<void> {
  const end = performance.now() + ms;
  while (!cond()) {
    if (performance.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await Bun.sleep(5);
  }
}

/** Opens `url` and resolves once connected; every text frame is kept in order. */
export async function tap(url: string): Promise<Tap> {
  const ws = new WebSocket(url);
  const t: Tap = { ws, frames: [], closed: null, pings: [] };
  ws.onmessage = (e) => t.frames.push(String(e.data));
  ws.addEventListener("ping", (e) => t.pings.push(String((e as MessageEvent).data)));
  ws.onclose = (e) => {
    t.closed = { code: e.code, reason: e.reason };
  };
  await new Promise<void>((resolve, reject) => {
    ws.onopen = () => resolve();
    ws.onerror = () => reject(new Error(`cannot connect to ${url}`));
  });
  return t;
}

/** Sends a control message and waits for the reply with its id (or any error reply). */
export async function control(t: Tap, message: object, ms = 2000): Promise<unknown> {
  const before = t.frames.length;
  t.ws.send(JSON.stringify(message));
  const id = (message as { id?: unknown }).id;
  let found: unknown;
  await until(
    () =>
      t.frames.slice(before).some((f) => {
        const v = JSON.parse(f);
        if (v !== null && !Array.isArray(v) && typeof v === "object" && ("result" in v || "code" in v) && (v.id === id || !("id" in v) || v.id === undefined)) {
          found = v;
          return true;
        }
        return false;
      }),
    ms,
    `reply to ${JSON.stringify(message)}`,
  );
  return found;
}

export interface KlineFrame {
  E: number;
  s: string;
  k: { t: number; T: number; s: string; i: string; f: number; L: number; o: string; c: string; h: string; l: string; v: string; n: number; x: boolean; q: string; V: string; Q: string; B: string };
}

/** Kline payloads out of combined or raw frames. */
export function klines(frames: string[]): KlineFrame[] {
  const out: KlineFrame[] = [];
  for (const f of frames) {
    const v = JSON.parse(f);
    const p = v && typeof v === "object" && "data" in v ? v.data : v;
    if (p && p.e === "kline") out.push(p as KlineFrame);
  }
  return out;
}

/** A REST kline row in the shape of the WS `k` object's values, for comparing the two. */
export function rowAsK(row: unknown[]): string {
  const [t, o, h, l, c, v, , q, n, V, Q] = row as [number, string, string, string, string, string, number, string, number, string, string];
  return JSON.stringify({ t, o, h, l, c, v, q, n, V, Q });
}

export function kAsRow(k: KlineFrame["k"]): string {
  return JSON.stringify({ t: k.t, o: k.o, h: k.h, l: k.l, c: k.c, v: k.v, q: k.q, n: k.n, V: k.V, Q: k.Q });
}
