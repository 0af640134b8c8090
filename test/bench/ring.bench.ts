/** Ring vs postMessage between two Workers: throughput per-slot and batched, and one-way latency with asyncWait. */
import { createRing } from "../../src/ring/ring-buffer";
import { BenchWorker } from "./ring-bench-rpc";
import { median, option, psiAvg10, round2 } from "./bench-stats";

// Options: --rounds=N (default 7), --capacity=slots (default 65536, the design's size), --scale=x (sizes × x),
// --min-batch=slots (the bulk reader's minimum batch, default 256; 64 lets it chase the writer line by line: ~half the rate).
const ROUNDS = option("rounds", 7);
const CAPACITY = option("capacity", 65_536);
const SCALE = option("scale", 1);
/** --only=variant,variant runs a subset while investigating; the summary line then has nulls. */
const ONLY = process.argv.find((a) => a.startsWith("--only="))?.slice(7).split(",") ?? null;
const size = (n: number): number => Math.max(1, Math.round(n * SCALE));

const N_PER_SLOT = size(20_000_000);
const N_BATCHED = size(100_000_000);
const BATCH = 64;
/** The throughput reader takes batches of ≥ 256 slots (spinWait minBatch), as a replay reader would; see spin-wait. */
const BULK_MIN_BATCH = option("min-batch", 256);
/** Informational runs with a reader that takes every slot at once (the cache-line chase), kept short. */
const N_EAGER = size(10_000_000);
const PM_OBJECTS = size(300_000);
const PM_MESSAGES = size(100_000);
const LAT_RATE = 100_000;
/** 1.5 s per latency run; the first 0.3 s of each is discarded (the warm-up round already ran the JIT tiers). */
const LAT_N = size(150_000);
const LAT_WARMUP = size(30_000);
/**
 * Warm-up: short rounds with idle gaps between cases. With both workers busy-spinning on a 2-core box, the JIT's
 * compiler threads get no core: one long warm-up left the loops in lower tiers for seconds (8–15M slots/s instead
 * of ~100M), and when that happened depended on timing. A gap after every case lets pending compiles finish.
 */
const WARMUP_ROUNDS = 4;
const PING_PONG_TRIPS = 200_000;
const WARMUP_SCALE = 0.02;
const WARMUP_GAP_MS = 150;
const GAP_MS = 50;

interface Times { startUs: number; endUs: number; cpuMs: number; runqMs: number; misordered?: number }
interface LatencyResult extends Times { p50Us: number; p99Us: number; p999Us: number; maxUs: number; meanUs: number; sleeps: number }

interface Pair {
  producer: BenchWorker;
  consumer: BenchWorker;
  stop: () => void;
}

/**
 * Each variant has its own pair of workers for the whole run. Sharing one pair, the variants (batch 1 vs 64, bulk vs
 * eager reader) made the JIT recompile the shared loops for all of them, and the batched ring fell from ~90M to
 * ~15M slots/s in later rounds. A fresh pair per case is no better: a single long call runs in OSR-entered code
 * that never reaches the top tier (~19M). Reused per variant, the warm-up round compiles each loop for its case.
 */
const pairs = new Map<string, Promise<Pair>>();
function pairFor(variant: string): Promise<Pair> {
  let p = pairs.get(variant);
  if (!p) pairs.set(variant, (p = newPair()));
  return p;
}

async function newPair(): Promise<Pair> {
  const producer = new BenchWorker(new URL("./ring-bench-producer.worker.ts", import.meta.url), "producer");
  const consumer = new BenchWorker(new URL("./ring-bench-consumer.worker.ts", import.meta.url), "consumer");
  const channel = new MessageChannel();
  await producer.call({ cmd: "port", port: channel.port1 }, [channel.port1]);
  await consumer.call({ cmd: "port", port: channel.port2 }, [channel.port2]);
  // The channel object stays referenced until stop(): once it is collected, Bun closes the transferred ports.
  return { producer, consumer, stop: () => (producer.stop(), consumer.stop(), void channel) };
}

const results = new Map<string, number[]>();
const ratios: number[] = [];

function emit(line: Record<string, unknown>): void {
  if (typeof line.round === "number" && line.round < 0) return; // warm-up
  console.log(JSON.stringify({ bench: "ring", ...line, psi_avg10: psiAvg10() }));
}

function keep(key: string, value: number): number {
  const list = results.get(key) ?? [];
  list.push(value);
  results.set(key, list);
  return value;
}

/** Runs one throughput case; the clock runs from the producer's first write to the consumer's last read. */
async function throughput(variant: string, round: number, n: number, cmd: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const { producer, consumer } = await pairFor(variant);
  const c = consumer.call<Times>(cmd);
  const p = producer.call<Times>(cmd);
  const [cr, pr] = await Promise.all([c, p]);
  if (cr.misordered !== 0) throw new Error(`${variant}: ${cr.misordered} of ${n} records arrived out of sequence`);
  const elapsedUs = cr.endUs - pr.startUs;
  const rate = keep(variant, (n / elapsedUs) * 1e6);
  emit({
    variant, round, n, slots_per_s: Math.round(rate), elapsed_ms: round2(elapsedUs / 1000),
    producer_cpu_ms: round2(pr.cpuMs), producer_runq_ms: round2(pr.runqMs),
    consumer_cpu_ms: round2(cr.cpuMs), consumer_runq_ms: round2(cr.runqMs), ...extra,
  });
  return rate;
}

async function latency(variant: string, round: number, spinUs: number | undefined, n: number, warmup: number) {
  const sab = createRing(CAPACITY);
  const { producer, consumer } = await pairFor(variant);
  const c = consumer.call<LatencyResult>({ cmd: "latency", sab, n, warmup, spinUs });
  const p = producer.call<Times>({ cmd: "latency", sab, n, ratePerS: LAT_RATE });
  const [cr, pr] = await Promise.all([c, p]);
  if (spinUs === undefined) {
    keep("p50", cr.p50Us);
    keep("p99", cr.p99Us);
    keep("p999", cr.p999Us);
  }
  emit({
    variant, round, n, warmup_discarded: warmup, rate_per_s: LAT_RATE, spin_us: spinUs ?? "default",
    p50_us: round2(cr.p50Us), p99_us: round2(cr.p99Us), p999_us: round2(cr.p999Us), max_us: round2(cr.maxUs),
    mean_us: round2(cr.meanUs), consumer_sleeps: cr.sleeps,
    producer_cpu_ms: round2(pr.cpuMs), producer_runq_ms: round2(pr.runqMs),
    consumer_cpu_ms: round2(cr.cpuMs), consumer_runq_ms: round2(cr.runqMs),
  });
}

/** Ping-pong between a variant's two workers just before it runs: which placement the round got (see pingPong). */
async function coreRoundTripNs(variant: string): Promise<number> {
  const { producer, consumer } = await pairFor(variant);
  const sab = new SharedArrayBuffer(128);
  const [ns] = await Promise.all([
    producer.call<number>({ cmd: "pingPong", sab, trips: PING_PONG_TRIPS }),
    consumer.call<number>({ cmd: "pingPong", sab, trips: PING_PONG_TRIPS }),
  ]);
  return ns;
}

async function runRound(round: number): Promise<void> {
  let batched = 0;
  let pmBatched = 0;
  const k = round < 0 ? WARMUP_SCALE : 1;
  const m = (n: number): number => Math.max(1, Math.round(n * k));
  const ring = (variant: string, n: number, batch: number, minBatch: number) => () =>
    throughput(variant, round, m(n), { cmd: "ring", sab: createRing(CAPACITY), n: m(n), batch, minBatch }, {
      publish_batch_slots: batch, reader_min_batch_slots: minBatch, capacity_slots: CAPACITY,
    });
  const pmBatch = { cmd: "pmBatch", messages: m(PM_MESSAGES), slots: BATCH };
  let placement: Record<string, unknown> = {};
  const ringBatched = async () => {
    batched = await throughput("ring-batched-64", round, m(N_BATCHED), {
      cmd: "ring", sab: createRing(CAPACITY), n: m(N_BATCHED), batch: BATCH, minBatch: BULK_MIN_BATCH,
    }, { publish_batch_slots: BATCH, reader_min_batch_slots: BULK_MIN_BATCH, capacity_slots: CAPACITY, ...placement });
  };
  const pmBatched64 = async () => {
    pmBatched = await throughput("postmessage-f64x64", round, pmBatch.messages * BATCH, pmBatch, placement);
  };
  const cases: [string[], () => Promise<unknown>][] = [
    [["ring-per-slot"], ring("ring-per-slot", N_PER_SLOT, 1, BULK_MIN_BATCH)],
    // The ratio's two sides run back to back, alternating which goes first, so that they see the same neighbours.
    [["ring-batched-64", "postmessage-f64x64"], async () => {
      placement = { core_roundtrip_ns: Math.round(await coreRoundTripNs("ring-batched-64")) };
      const pair = round % 2 === 0 ? [ringBatched, pmBatched64] : [pmBatched64, ringBatched];
      for (const run of pair) {
        if (ONLY === null || ONLY.includes(run === ringBatched ? "ring-batched-64" : "postmessage-f64x64")) await run();
        await Bun.sleep(round < 0 ? WARMUP_GAP_MS : GAP_MS);
      }
    }],
    [["postmessage-object"], () => throughput("postmessage-object", round, m(PM_OBJECTS), { cmd: "pmObject", n: m(PM_OBJECTS) })],
    [["ring-per-slot-eager-reader"], ring("ring-per-slot-eager-reader", N_EAGER, 1, 1)],
    [["ring-batched-64-eager-reader"], ring("ring-batched-64-eager-reader", N_EAGER, BATCH, 1)],
    [["latency-asyncwait"], () => latency("latency-asyncwait", round, undefined, m(LAT_N), m(LAT_WARMUP))],
    [["latency-asyncwait-spin0"], () => latency("latency-asyncwait-spin0", round, 0, m(LAT_N / 2), m(LAT_WARMUP / 2))],
  ];
  // Rotate the order each round so that no variant always runs first (JIT, turbo, neighbours).
  for (let i = 0; i < cases.length; i++) {
    const [names, run] = cases[(i + Math.max(0, round)) % cases.length]!;
    if (ONLY === null || names.some((name) => ONLY.includes(name))) await run();
    await Bun.sleep(round < 0 ? WARMUP_GAP_MS : GAP_MS);
  }
  if (round >= 0 && batched > 0 && pmBatched > 0) ratios.push(batched / pmBatched);
}

const summaryKeys: [string, string][] = [
  ["ring-per-slot", "slots_per_s"],
  ["ring-batched-64", "slots_per_s"],
  ["postmessage-object", "slots_per_s"],
  ["postmessage-f64x64", "slots_per_s"],
  ["p50", "latency_us"],
  ["p99", "latency_us"],
  ["p999", "latency_us"],
];

let exitCode = 0;
try {
  // Warm-up rounds, not reported: JIT tiers, worker heaps and page faults settle first.
  for (let round = -WARMUP_ROUNDS; round < 0; round++) await runRound(round);
  results.clear();
  ratios.length = 0;
  for (let round = 0; round < ROUNDS; round++) await runRound(round);
  for (const [key, unit] of summaryKeys) {
    const v = results.get(key) ?? [];
    emit({ variant: `${key}-over-rounds`, rounds: v.length, unit, min: round2(Math.min(...v)), median: round2(median(v)), max: round2(Math.max(...v)) });
  }
  emit({ variant: "ratio-batched-vs-postmessage-f64x64-over-rounds", rounds: ratios.length, min: round2(Math.min(...ratios)), median: round2(median(ratios)), max: round2(Math.max(...ratios)) });
  const m = (key: string): number => median(results.get(key) ?? []);
  console.log(
    JSON.stringify({
      bench: "ring",
      slotsPerSecPerSlot: Math.round(m("ring-per-slot")),
      slotsPerSecBatched: Math.round(m("ring-batched-64")),
      postMessageSlotsPerSec: Math.round(m("postmessage-object")),
      postMessageBatchedSlotsPerSec: Math.round(m("postmessage-f64x64")),
      ratioBatchedVsPostMessageBatched: round2(median(ratios)),
      latencyP50Us: round2(m("p50")),
      latencyP99Us: round2(m("p99")),
      latencyP999Us: round2(m("p999")),
    }),
  );
} catch (err) {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  exitCode = 1;
}
for (const p of pairs.values()) (await p).stop();
process.exit(exitCode);
