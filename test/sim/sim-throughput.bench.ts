/**
 * Simulator throughput: `aegis sim` in its own process (600 symbols, speed 60 by default), one subscriber on
 * 3 combined connections (the kline streams split evenly, plus !markPrice@arr@1s); prints frames/s and the sim's CPU share.
 * Run: bun test/sim/sim-throughput.bench.ts [symbols] [speed] [seconds]
 */
import { readFileSync } from "node:fs";

const [symbols = "600", speed = "60", seconds = "20"] = Bun.argv.slice(2);
const proc = Bun.spawn(["bun", "src/main.ts", "sim", "--symbols", symbols, "--speed", speed, "--log-level", "warn"], {
  stdout: "pipe",
  stderr: "inherit",
});
const reader = proc.stdout.getReader();
let text = "";
while (!/^ws (\S+)$/m.test(text)) {
  const { value, done } = await reader.read();
  if (done) throw new Error(`sim exited early: ${text}`);
  text += new TextDecoder().decode(value);
}
const restUrl = /^rest (\S+)$/m.exec(text)![1]!;
const wsUrl = /^ws (\S+)$/m.exec(text)![1]!;
const info = (await (await fetch(`${restUrl}/fapi/v1/exchangeInfo`)).json()) as { symbols: { symbol: string; contractType: string; quoteAsset: string; status: string }[] };
const names = info.symbols
  .filter((s) => s.contractType === "PERPETUAL" && s.quoteAsset === "USDT" && s.status === "TRADING")
  .map((s) => `${s.symbol.toLowerCase()}@kline_1m`);
names.push("!markPrice@arr@1s");
const per = Math.ceil(names.length / 3);
const shards: string[][] = [];
for (let k = 0; k < names.length; k += per) shards.push(names.slice(k, k + per));

let frames = 0;
let bytes = 0;
const sockets = shards.map((shard) => {
  const ws = new WebSocket(`${wsUrl}/market/stream?streams=${shard.map(encodeURIComponent).join("/")}`);
  ws.onmessage = (e) => {
    frames++;
    bytes += (e.data as string).length;
  };
  return ws;
});
await Bun.sleep(2000);

const ticks = () => {
  const f = readFileSync(`/proc/${proc.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return Number(f[11]) + Number(f[12]); // utime + stime, in clock ticks (100/s)
};
const f0 = frames;
const b0 = bytes;
const c0 = ticks();
const t0 = performance.now();
await Bun.sleep(Number(seconds) * 1000);
const dt = (performance.now() - t0) / 1000;
const cpu = (ticks() - c0) / 100 / dt;
console.log(
  JSON.stringify({
    symbols: Number(symbols),
    speed: Number(speed),
    connections: shards.length,
    framesPerSec: Math.round((frames - f0) / dt),
    mbPerSec: +((bytes - b0) / dt / 1e6).toFixed(2),
    simCpuShareOfOneCore: +cpu.toFixed(3),
  }),
);
for (const ws of sockets) ws.close();
proc.kill("SIGTERM");
await proc.exited;
