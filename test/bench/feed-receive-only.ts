/**
 * Receive-only WebSocket client for the feed bench: the engine's connections (every `<s>@kline_1m` of the universe
 * plus `!markPrice@arr@1s`, ≤ 200 streams per /market/stream?streams= URL, no permessage-deflate), counting frames
 * and touching nothing else. Prints one JSON line: frames counted in the window after the warm-up, with this
 * process's CPU and the simulator's (clock ticks of /proc/<simPid>/stat) over exactly that window.
 * Usage: bun test/bench/feed-receive-only.ts <restUrl> <wsUrl> <warmupMs> <windowMs> <simPid>
 */
import { readFileSync } from "node:fs";
import { feedSection } from "../../src/config/sections/feed";

const [restUrl, wsUrl, warmupArg = "2000", windowArg = "5000", simPidArg = "0"] = Bun.argv.slice(2);
if (!restUrl || !wsUrl) throw new Error("usage: feed-receive-only.ts <restUrl> <wsUrl> [warmupMs] [windowMs] [simPid]");
const warmupMs = Number(warmupArg);
const windowMs = Number(windowArg);
const simPid = Number(simPidArg);
/** utime + stime of the simulator in clock ticks (/proc/<pid>/stat fields 14 and 15). */
function simTicks(): number {
  if (!(simPid > 0)) return Number.NaN;
  const stat = readFileSync(`/proc/${simPid}/stat`, "utf8");
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(f[11]) + Number(f[12]);
}

// The engine's universe rule (src/feed/universe.ts), without loading ccxt into this small client.
interface RawSymbol { symbol?: string; contractType?: string; quoteAsset?: string; status?: string }
const info = (await (await fetch(`${restUrl}/fapi/v1/exchangeInfo`)).json()) as { symbols?: RawSymbol[] };
const names = (info.symbols ?? [])
  .filter((s) => s.contractType === "PERPETUAL" && s.quoteAsset === "USDT" && s.status === "TRADING" && s.symbol)
  .map((s) => `${s.symbol!.toLowerCase()}@kline_1m`);
names.push("!markPrice@arr@1s");
const per = feedSection.parse({}).streamsPerConnection;

let frames = 0;
let bytes = 0;
const opened: Promise<void>[] = [];
const sockets: WebSocket[] = [];
for (let i = 0; i < names.length; i += per) {
  // Same URL and options as src/feed/market-connection.ts.
  const ws = new WebSocket(`${wsUrl}/market/stream?streams=${names.slice(i, i + per).join("/")}`, {
    perMessageDeflate: false,
  } as unknown as string[]);
  ws.onmessage = (ev: MessageEvent) => {
    frames++;
    bytes += (ev.data as string).length; // a string's length is stored: this reads no characters
  };
  opened.push(
    new Promise((resolve, reject) => {
      ws.onopen = () => resolve();
      ws.onerror = () => reject(new Error(`connection ${sockets.length} failed`));
    }),
  );
  sockets.push(ws);
}
await Promise.all(opened);
await Bun.sleep(warmupMs);
const f0 = frames;
const b0 = bytes;
const cpu0 = process.cpuUsage();
const s0 = simTicks();
const t0 = performance.now();
await Bun.sleep(windowMs);
const f1 = frames;
const b1 = bytes;
const elapsedMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const s1 = simTicks();
for (const ws of sockets) ws.terminate();
process.stdout.write(
  `${JSON.stringify({
    frames: f1 - f0, bytes: b1 - b0, windowMs: elapsedMs, connections: sockets.length, streams: names.length,
    clientCpuMs: (cpu.user + cpu.system) / 1000, simTicks: s1 - s0,
  })}\n`,
);
process.exit(0);
