/**
 * Feed bench: simulator process → WebSocket → feed worker → ring → brain worker, 600 symbols. Per round:
 * (a) receive-only ceiling, (b) the engine unthrottled, (c) the engine at a paced 10k msgs/s (latency and CPU).
 * Options: --rounds=N (3), --symbols=N (600), --paced=RATE (10000), --history=1 (keep the startup history fetch:
 * measuring then waits until it is done, about a minute per engine run). FEED_BENCH_LOG_GC=1 adds GC counts per window
 * (BUN_JSC_logGC in the engine; it prints a few lines per collection, which costs little but is not free).
 */
import {
  CLK_TCK, type Engine, GcTally, killAll, processTicks, Proc, round, startEngine, startSim, stopEngine, threadTimes,
  type ThreadTimes,
} from "./feed-procs";
import { median, option, psiAvg10 } from "./bench-stats";

const ROUNDS = option("rounds", 3);
const SYMBOLS = option("symbols", 600);
const PACED = option("paced", 10_000);
/** --history=1 keeps the engine's startup history fetch (default off: ~1 min per engine run against the simulator). */
const HISTORY = option("history", 0) === 1;
/** Diagnostics: the engine runs with BUN_JSC_logGC=1 and each engine line gets its window's collections and pauses. */
const LOG_GC = process.env.FEED_BENCH_LOG_GC === "1";

/** (a) after the client's connections are open. */
const RECV_WARMUP_MS = 2_000;
const RECV_WINDOW_MS = 5_000;
/** (b), (c): the brain's warm-up is 5 s after the first kline (src/brain/pipeline.ts); start measuring just after it. */
const ENGINE_WARMUP_MS = 5_500;
/** …and at least this long after the feed's warm-up history is in, so the brain has digested it too. */
const AFTER_HISTORY_MS = 1_000;
const THROUGHPUT_WINDOW_MS = 8_000;
/** (c): CPU per wall second needs ≥ 10 s at 10 ms tick resolution. */
const PACED_WINDOW_MS = 10_000;

type Line = Record<string, number | string>;
// psi_avg10 is read before a variant's processes start (the neighbours plus the tail of our previous variant);
// psi_avg10_window_end at the end of its measuring window (includes our own threads competing for the 2 cores).
const emit = (line: Line): void => void process.stdout.write(`${JSON.stringify({ bench: "feed", ...line })}\n`);
const log = (text: string): void => void process.stderr.write(`[feed bench] ${text}\n`);

/** Percent of one core per thread group over a window, from two schedstat snapshots of the engine's threads. */
function threadShares(a: Map<number, ThreadTimes>, b: Map<number, ThreadTimes>, pid: number, feedTid: number, brainTid: number, wallMs: number): Line {
  const groups: Record<string, { cpu: number; runq: number }> = {};
  const add = (g: string, cpu: number, runq: number) => {
    const x = (groups[g] ??= { cpu: 0, runq: 0 });
    x.cpu += cpu;
    x.runq += runq;
  };
  for (const [tid, end] of b) {
    const start = a.get(tid) ?? { cpuNs: 0, runqNs: 0, sleeps: 0 };
    const group =
      tid === feedTid ? "feed" : tid === brainTid ? "brain" : tid === pid ? "main" : end.comm === "JITWorker" ? "jit" : /HeapHelper|scavenger/.test(end.comm) ? "gc" : "other";
    add(group, end.cpuNs - start.cpuNs, end.runqNs - start.runqNs);
  }
  const out: Line = {};
  for (const g of ["feed", "brain", "main", "jit", "gc", "other"]) {
    const x = groups[g] ?? { cpu: 0, runq: 0 };
    out[`${g}_cpu_pct`] = round((x.cpu / 1e6 / wallMs) * 100, 1);
    if (g === "feed" || g === "brain") out[`${g}_runq_pct`] = round((x.runq / 1e6 / wallMs) * 100, 1);
  }
  for (const [g, tid] of [["feed", feedTid], ["brain", brainTid]] as const) {
    out[`${g}_sleeps_per_s`] = round((((b.get(tid)?.sleeps ?? Number.NaN) - (a.get(tid)?.sleeps ?? Number.NaN)) / wallMs) * 1000);
  }
  return out;
}

/** CPU of the engine (whole process, /proc stat ticks) and per thread over one window that the bench sleeps through. */
async function measureWindow(e: Engine, sim: Proc, windowMs: number) {
  const gc = new GcTally();
  e.engine.onStderr.push((t) => gc.add(t));
  gc.active = true;
  const pid = e.engine.pid;
  const th0 = threadTimes(pid);
  const c0 = processTicks(pid);
  const s0 = processTicks(sim.pid);
  const t0 = performance.now();
  await Bun.sleep(windowMs);
  const c1 = processTicks(pid);
  const s1 = processTicks(sim.pid);
  const wallMs = performance.now() - t0;
  const th1 = threadTimes(pid);
  gc.active = false;
  const gcLine: Line = LOG_GC
    ? { gc_collections: gc.collections, gc_full: gc.full, gc_pause_total_ms: round(gc.pauseMs, 1), gc_pause_max_ms: round(gc.maxPauseMs, 2), gc_heaps: gc.heaps.size }
    : {};
  return {
    wallMs,
    cpuPerWallSec: (c1 - c0) / CLK_TCK / (wallMs / 1000),
    simCpuPerWallSec: (s1 - s0) / CLK_TCK / (wallMs / 1000),
    threads: { ...threadShares(th0, th1, pid, e.feedTid, e.brainTid, wallMs), ...gcLine },
  };
}

/** (a): a client of its own against an unthrottled firehose. */
async function receiveOnly(roundNo: number): Promise<number> {
  const psi = psiAvg10();
  const { sim, restUrl, wsUrl } = await startSim(0, SYMBOLS);
  try {
    const client = new Proc("receive-only client", [
      process.execPath, `${import.meta.dir}/feed-receive-only.ts`, restUrl, wsUrl, String(RECV_WARMUP_MS), String(RECV_WINDOW_MS), String(sim.pid),
    ]);
    const m = await client.waitFor(/^\{.*\}$/m, 30_000);
    await client.proc.exited;
    const r = JSON.parse(m[0]) as {
      frames: number; bytes: number; windowMs: number; connections: number; streams: number; clientCpuMs: number; simTicks: number;
    };
    const rate = (r.frames / r.windowMs) * 1000;
    emit({
      variant: "receive_only", round: roundNo, n: r.frames, window_ms: round(r.windowMs), connections: r.connections, streams: r.streams,
      msgs_per_s: round(rate), mb_per_s: round(r.bytes / r.windowMs / 1000, 2),
      client_cpu_per_wall_s: round(r.clientCpuMs / r.windowMs, 3), sim_cpu_per_wall_s: round(r.simTicks / CLK_TCK / (r.windowMs / 1000), 3),
      psi_avg10: psi, psi_avg10_window_end: psiAvg10(),
    });
    return rate;
  } finally {
    await sim.stop();
  }
}

/** (b) with rate 0, (c) with a paced rate: the engine process against a simulator process. */
async function engineRun(roundNo: number, rate: number, windowMs: number, receiveOnlyRate: number): Promise<Line> {
  const psi = psiAvg10();
  const { sim, restUrl, wsUrl } = await startSim(rate, SYMBOLS);
  let e: Engine | null = null;
  try {
    e = await startEngine(restUrl, wsUrl, { history: HISTORY });
    // Startup ends with the feed's warm-up history (logged with its duration) or, without one, at once.
    let historyMs = 0;
    if (e.fetchesHistory) historyMs = Number((await e.engine.waitFor(/warm-up history done, \d+ candles in (\d+) ms/, 120_000))[1]);
    const startAfterMs = Math.max(ENGINE_WARMUP_MS, historyMs + AFTER_HISTORY_MS);
    await Bun.sleep(Math.max(0, e.readyAt + startAfterMs - performance.now()));
    const w = await measureWindow(e, sim, windowMs);
    const psiWindowEnd = psiAvg10();
    const s = await stopEngine(e);
    e = null;
    const integrity = {
      messages: s.messages ?? -1, conflated: s.conflated ?? -1, lost_records: s.lostRecords ?? -1, parse_errors: s.parseErrors ?? -1,
      reconnects: s.reconnects ?? -1, restarts: s.restarts ?? -1,
    };
    const base: Line = {
      round: roundNo, n: s.steadyKlines ?? 0, steady_ms: s.steadyMs ?? 0, history_ms: historyMs, window_start_ms: round(startAfterMs),
      // The brain's steady window opens 5 s after the first kline: a slower startup would be inside it.
      steady_includes_startup: historyMs > 5_000 ? 1 : 0,
    };
    if (rate === 0) {
      const msgs = s.steadyKlinesPerSec ?? Number.NaN;
      const line: Line = {
        variant: "pipeline_unthrottled", ...base, msgs_per_s: msgs, ratio_to_receive_only: round(msgs / receiveOnlyRate, 3),
        engine_cpu_per_wall_s: round(w.cpuPerWallSec, 3), sim_cpu_per_wall_s: round(w.simCpuPerWallSec, 3), ...w.threads, ...integrity,
        psi_avg10: psi, psi_avg10_window_end: psiWindowEnd,
      };
      emit(line);
      return line;
    }
    const line: Line = {
      variant: `pipeline_paced_${rate}`, ...base, rate_per_s: rate, msgs_per_s: s.steadyKlinesPerSec ?? Number.NaN,
      latency_p50_us: s.eventLagP50Us ?? Number.NaN, latency_p99_us: s.eventLagP99Us ?? Number.NaN, latency_p999_us: s.eventLagP999Us ?? Number.NaN,
      hop_p50_us: s.hopLagP50Us ?? Number.NaN, hop_p99_us: s.hopLagP99Us ?? Number.NaN,
      cpu_window_ms: round(w.wallMs), cpu_per_wall_s: round(w.cpuPerWallSec, 3), sim_cpu_per_wall_s: round(w.simCpuPerWallSec, 3),
      ...w.threads, ...integrity, psi_avg10: psi, psi_avg10_window_end: psiWindowEnd,
    };
    emit(line);
    return line;
  } finally {
    if (e) await e.engine.stop(5_000);
    await sim.stop();
  }
}

async function main(): Promise<void> {
  const recv: number[] = [];
  const msgs: number[] = [];
  const ratio: number[] = [];
  const p50: number[] = [];
  const p99: number[] = [];
  const p999: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    log(`round ${r + 1}/${ROUNDS}`);
    const ro = await receiveOnly(r);
    recv.push(ro);
    const b = await engineRun(r, 0, THROUGHPUT_WINDOW_MS, ro);
    msgs.push(b.msgs_per_s as number);
    ratio.push(b.ratio_to_receive_only as number);
    const c = await engineRun(r, PACED, PACED_WINDOW_MS, ro);
    p50.push(c.latency_p50_us as number);
    p99.push(c.latency_p99_us as number);
    p999.push(c.latency_p999_us as number);
    cpu.push(c.cpu_per_wall_s as number);
  }
  process.stdout.write(
    `${JSON.stringify({
      bench: "feed",
      receiveOnlyMsgsPerSec: round(median(recv)),
      msgsPerSec: round(median(msgs)),
      ratioToReceiveOnly: round(median(ratio), 3),
      latencyP50Us: round(median(p50)),
      latencyP99Us: round(median(p99)),
      latencyP999Us: round(median(p999)),
      cpuPerWallSec: round(median(cpu), 3),
    })}\n`,
  );
}

try {
  await main();
} catch (e) {
  log(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exitCode = 1;
} finally {
  killAll();
}
