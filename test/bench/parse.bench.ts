/** Kline frame → ring slot: hand parser vs JSON.parse→slot on a pool of distinct combined-stream frames; GC per path. */
import { StreamParser } from "../../src/feed/parse/stream-parser";
import { SymbolTable } from "../../src/feed/symbol-table";
import { F, KLINE, KLINE_SOURCE_STREAM, Kind, SLOT_F64 } from "../../src/ring/layout";
import { seededRandom } from "../support/seeded-random";
import { median, option, psiAvg10, round2 } from "./bench-stats";

// Options: --rounds=N (3), --n=messages per timed run (262144), --pool=distinct frames (8192), --gc=0 skips the GC probes.
const ROUNDS = option("rounds", 3);
const N = option("n", 262_144);
const POOL = option("pool", 8192); // power of two: the loop indexes with a mask
const GC_N = option("gc-n", 500_000);
const PROBE = process.argv.find((a) => a.startsWith("--gc-probe="))?.slice(11);
const SYMBOLS = 600;


/** 600 symbols (two CJK, as in the live universe) with their own price and size precision; 2025-shaped frames. */
function buildPool(): { pool: string[]; names: string[] } {
  const rnd = seededRandom(20251224);
  const names = new Set(["币安人生USDT", "测试测试USDT", "1000PEPEUSDT", "BTCUSDT", "ETHUSDT"]);
  while (names.size < SYMBOLS) {
    let base = "";
    for (let i = 2 + Math.floor(rnd() * 6); i >= 0; i--) base += String.fromCharCode(65 + Math.floor(rnd() * 26));
    names.add(`${base}USDT`);
  }
  const list = [...names];
  const spec = list.map(() => ({ mag: 10 ** (Math.floor(rnd() * 10) - 4), pd: 1 + Math.floor(rnd() * 7), qd: Math.floor(rnd() * 4) }));
  const pool: string[] = [];
  const t0 = 1_764_000_000_000;
  for (let i = 0; i < POOL; i++) {
    const id = Math.floor(rnd() * list.length);
    const s = list[id]!;
    const { mag, pd, qd } = spec[id]!;
    const px = (x: number) => (mag * x).toFixed(pd);
    const o = 1 + rnd();
    const c = o * (0.99 + rnd() * 0.02);
    const h = Math.max(o, c) * (1 + rnd() * 0.005);
    const l = Math.min(o, c) * (1 - rnd() * 0.005);
    const v = rnd() * 10 ** (1 + Math.floor(rnd() * 6));
    const vb = v * rnd();
    const t = t0 + Math.floor(i / 16) * 60_000;
    // A quarter carry µs in E, as the benchmark server sends them.
    const e = t + 250 + Math.floor(rnd() * 59_000) + (rnd() < 0.25 ? Math.floor(rnd() * 1000) / 1000 : 0);
    const f = 5_000_000_000 + Math.floor(rnd() * 1e9);
    const n = 1 + Math.floor(rnd() * 5000);
    pool.push(
      `{"stream":"${s.toLowerCase()}@kline_1m","data":{"e":"kline","E":${e},"s":"${s}","k":{"t":${t},"T":${t + 59_999},"s":"${s}","i":"1m",` +
        `"f":${f},"L":${f + n},"o":"${px(o)}","c":"${px(c)}","h":"${px(h)}","l":"${px(l)}","v":"${v.toFixed(qd)}","n":${n},"x":${rnd() < 0.05},` +
        `"q":"${(v * mag * o).toFixed(5)}","V":"${vb.toFixed(qd)}","Q":"${(vb * mag * o).toFixed(5)}","B":"0"}}}`,
    );
  }
  return { pool, names: list };
}

const { pool, names } = buildPool();
const MASK = POOL - 1;

/** Stands in for the ring: copies the slot into preallocated memory and keeps a checksum the JIT cannot drop. */
const ring = new Float64Array(1024 * SLOT_F64);
let writes = 0;
let checksum = 0;
const sink = {
  onRecord(slot: Float64Array): void {
    const base = (writes++ & 1023) * SLOT_F64;
    for (let i = 0; i < SLOT_F64; i++) ring[base + i] = slot[i]!;
    checksum += slot[KLINE.close]!;
  },
};

const table = new SymbolTable();
for (const s of names) table.add(s);
const parser = new StreamParser(table, sink);
const ids = new Map(names.map((s, i) => [s, i]));
const jsonSlot = new Float64Array(SLOT_F64);

/** The realistic JSON path (docs/performance.md §3.4): JSON.parse, `+str` on the decimals, a Map lookup. */
function jsonToSlot(text: string, recvUs: number): void {
  const d = JSON.parse(text).data;
  const k = d.k;
  const id = ids.get(d.s);
  if (id === undefined) return;
  const slot = jsonSlot;
  slot[F.kind] = k.x ? Kind.KlineClosed : Kind.Kline;
  slot[F.symbolId] = id;
  slot[F.eventTimeMs] = d.E;
  slot[F.recvTimeUs] = recvUs;
  slot[KLINE.openTimeMs] = k.t;
  slot[KLINE.open] = +k.o;
  slot[KLINE.high] = +k.h;
  slot[KLINE.low] = +k.l;
  slot[KLINE.close] = +k.c;
  slot[KLINE.volume] = +k.v;
  slot[KLINE.quoteVolume] = +k.q;
  slot[KLINE.trades] = k.n;
  slot[KLINE.takerBuyVolume] = +k.V;
  slot[KLINE.closed] = k.x ? 1 : 0;
  slot[KLINE.source] = KLINE_SOURCE_STREAM;
  sink.onRecord(slot);
}

// "-fresh": each frame decoded from bytes first, a new string per message as a WebSocket delivers it (pooled
// strings parse ~20 % faster with JSON.parse here); the decode (~0.1 µs) is in both.
const bytes = pool.map((t) => Buffer.from(t));
const utf8 = new TextDecoder();
const bodies: Record<string, (n: number) => void> = {
  parser: (n) => {
    for (let i = 0; i < n; i++) parser.parse(pool[i & MASK]!, i);
  },
  json: (n) => {
    for (let i = 0; i < n; i++) jsonToSlot(pool[i & MASK]!, i);
  },
  "parser-fresh": (n) => {
    for (let i = 0; i < n; i++) parser.parse(utf8.decode(bytes[i & MASK]!), i);
  },
  "json-fresh": (n) => {
    for (let i = 0; i < n; i++) jsonToSlot(utf8.decode(bytes[i & MASK]!), i);
  },
};

function emit(line: Record<string, unknown>): void {
  console.log(JSON.stringify({ bench: "parse", ...line, psi_avg10: psiAvg10() }));
}

function timed(variant: string, round: number): number {
  const body = bodies[variant]!;
  body(N);
  body(N); // warm-up: the whole body twice, so both paths run in the optimizing tiers (docs/performance.md §4.3)
  const t0 = Bun.nanoseconds();
  body(N);
  const ns = (Bun.nanoseconds() - t0) / N;
  emit({ variant, round, n: N, pool: POOL, symbols: SYMBOLS, ns_per_op: Math.round(ns * 10) / 10 });
  return ns;
}

/** Child process under BUN_JSC_logGC=1: markers on stderr fence the measured loop for the parent to count. */
function gcProbe(variant: string): void {
  const body = bodies[variant]!;
  body(POOL * 4);
  Bun.gc(true);
  console.error("PARSE-BENCH-GC-START");
  body(GC_N);
  console.error("PARSE-BENCH-GC-END");
}

async function gcCount(variant: string): Promise<void> {
  const proc = Bun.spawn([process.execPath, import.meta.path, `--gc-probe=${variant}`, `--pool=${POOL}`, `--gc-n=${GC_N}`], {
    env: { ...process.env, BUN_JSC_logGC: "1" },
    stdout: "ignore",
    stderr: "pipe",
  });
  const log = await new Response(proc.stderr).text();
  const code = await proc.exited;
  const from = log.indexOf("PARSE-BENCH-GC-START");
  const to = log.indexOf("PARSE-BENCH-GC-END");
  // A probe that crashed would otherwise report 0 collections: a fake result.
  if (code !== 0 || from < 0 || to < from) throw new Error(`gc probe ${variant} failed (exit ${code}): ${log.slice(-500)}`);
  const fenced = log.slice(from, to);
  const eden = fenced.match(/=> EdenCollection/g)?.length ?? 0;
  const full = fenced.match(/=> FullCollection/g)?.length ?? 0;
  const pauses = [...fenced.matchAll(/, p=([\d.]+)ms/g)].map((m) => Number(m[1]));
  emit({
    variant: `gc-${variant}`,
    round: 0,
    n: GC_N,
    gc_eden: eden,
    gc_full: full,
    gc_pause_total_ms: Math.round(pauses.reduce((a, b) => a + b, 0) * 100) / 100,
    messages_per_collection: eden + full > 0 ? Math.round(GC_N / (eden + full)) : null,
  });
}


if (PROBE !== undefined) {
  gcProbe(PROBE);
} else {
  const ns: Record<string, number[]> = {};
  const ratios: number[] = [];
  const freshRatios: number[] = [];
  const variants = Object.keys(bodies);
  for (let round = 0; round < ROUNDS; round++) {
    // Interleave, rotating which variant goes first.
    const got: Record<string, number> = {};
    for (let j = 0; j < variants.length; j++) {
      const v = variants[(j + round) % variants.length]!;
      got[v] = timed(v, round);
      (ns[v] ??= []).push(got[v]);
    }
    ratios.push(got.json! / got.parser!);
    freshRatios.push(got["json-fresh"]! / got["parser-fresh"]!);
  }
  if (option("gc", 1) !== 0) for (const v of ["parser", "json"]) await gcCount(v);
  const mmm = (xs: number[]) => [round2(Math.min(...xs)), round2(median(xs)), round2(Math.max(...xs))];
  emit({
    variant: "summary",
    round: ROUNDS,
    n: N,
    pool_distinct: new Set(pool).size,
    frame_bytes_min_med_max: mmm(pool.map((t) => Buffer.byteLength(t))),
    parser_ns_min_med_max: mmm(ns.parser!),
    json_ns_min_med_max: mmm(ns.json!),
    ratio_json_over_parser_in_round: ratios.map(round2),
    ratio_min_med_max: mmm(ratios),
    fresh_parser_ns_min_med_max: mmm(ns["parser-fresh"]!),
    fresh_json_ns_min_med_max: mmm(ns["json-fresh"]!),
    fresh_ratio_in_round: freshRatios.map(round2),
    records: writes,
    sink: checksum === 1.2345 ? 1 : 0,
  });
}
