/** Feed bench plumbing: child processes (simulator, engine, receive-only client) that are always killed, and /proc readers. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Subprocess } from "bun";

export const ROOT = join(import.meta.dir, "..", "..");
const MAIN = join(ROOT, "src", "main.ts");

type Child = Subprocess<"ignore", "pipe", "pipe">;
const live = new Set<Child>();

/** Kills every child still running (SIGKILL: used on failure and at exit, when nothing graceful is left to wait for). */
export function killAll(): void {
  for (const p of live) if (p.exitCode === null && p.signalCode === null) p.kill("SIGKILL");
  live.clear();
}
process.on("exit", killAll);
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(sig, () => {
    killAll();
    process.exit(130);
  });
}

/** A child whose stdout and stderr are read continuously (a full pipe would block it) and kept for diagnostics. */
export class Proc {
  readonly proc: Child;
  stdout = "";
  stderr = "";
  /** Called with each stderr chunk as it arrives (the kept tail is bounded; listeners see everything). */
  readonly onStderr: ((chunk: string) => void)[] = [];
  readonly #waiters: { re: RegExp; resolve: (m: RegExpExecArray) => void }[] = [];

  constructor(
    readonly name: string,
    cmd: string[],
    env: Record<string, string | undefined> = process.env,
  ) {
    this.proc = Bun.spawn(cmd, { cwd: ROOT, env, stdin: "ignore", stdout: "pipe", stderr: "pipe" });
    live.add(this.proc);
    void this.#pump(this.proc.stdout, (t) => (this.stdout += t));
    void this.#pump(this.proc.stderr, (t) => {
      this.stderr = (this.stderr + t).slice(-200_000);
      for (const f of this.onStderr) f(t);
    });
    void this.proc.exited.then(() => live.delete(this.proc));
  }

  get pid(): number {
    return this.proc.pid;
  }

  async #pump(stream: ReadableStream<Uint8Array>, add: (t: string) => void): Promise<void> {
    const dec = new TextDecoder();
    for await (const chunk of stream) {
      add(dec.decode(chunk, { stream: true }));
      this.#check();
    }
  }

  #check(): void {
    for (let i = this.#waiters.length - 1; i >= 0; i--) {
      const w = this.#waiters[i]!;
      const m = w.re.exec(this.stdout) ?? w.re.exec(this.stderr);
      if (m) {
        this.#waiters.splice(i, 1);
        w.resolve(m);
      }
    }
  }

  /** Resolves with the first match of `re` in stdout or stderr; rejects on timeout or if the process exits first. */
  waitFor(re: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
    const now = re.exec(this.stdout) ?? re.exec(this.stderr);
    if (now) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(this.#failure(`no ${re} within ${timeoutMs} ms`)), timeoutMs);
      this.#waiters.push({ re, resolve: (m) => (clearTimeout(timer), resolve(m)) });
      void this.proc.exited.then((code) => {
        clearTimeout(timer);
        reject(this.#failure(`exited with ${code} before ${re}`));
      });
    });
  }

  /** SIGTERM, then SIGKILL if it has not exited within `timeoutMs`; resolves with the exit code. */
  async stop(timeoutMs = 10_000): Promise<number> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return this.proc.exitCode ?? -1;
    this.proc.kill("SIGTERM");
    const timer = setTimeout(() => this.proc.kill("SIGKILL"), timeoutMs);
    const code = await this.proc.exited;
    clearTimeout(timer);
    return code;
  }

  #failure(what: string): Error {
    return new Error(`${this.name} (pid ${this.pid}) ${what}\n--- stderr tail ---\n${this.stderr.slice(-3000)}`);
  }
}

/** `aegis sim` in its own process; `rate` 0 = firehose as fast as the sockets drain. */
export async function startSim(rate: number, symbols: number): Promise<{ sim: Proc; restUrl: string; wsUrl: string }> {
  const sim = new Proc(`sim(firehose ${rate})`, [
    process.execPath, MAIN, "sim", "--port", "0", "--symbols", String(symbols), "--firehose", String(rate), "--log-level", "warn",
  ]);
  const rest = await sim.waitFor(/^rest (\S+)$/m, 20_000);
  const ws = await sim.waitFor(/^ws (\S+)$/m, 20_000);
  return { sim, restUrl: rest[1]!, wsUrl: ws[1]! };
}

/**
 * `aegis run --json` against the simulator, configured through the environment only (as an operator would).
 * Resolves once the feed has opened its connections, with the Linux thread ids the feed and brain log at start.
 */
export interface Engine {
  engine: Proc;
  feedTid: number;
  brainTid: number;
  stateDir: string;
  /** When the feed had opened its connections (performance.now() of this process). */
  readyAt: number;
  /** Whether the feed fetches warm-up history in the background (its "done" line then ends startup). */
  fetchesHistory: boolean;
}

export async function startEngine(restUrl: string, wsUrl: string, opts: { history?: boolean } = {}): Promise<Engine> {
  const stateDir = mkdtempSync(join(tmpdir(), "aegis-feed-bench-"));
  const env: Record<string, string | undefined> = {};
  // A developer's AEGIS_* settings must not change what is measured.
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("AEGIS_") && !k.startsWith("BUN_JSC_")) env[k] = v;
  env.AEGIS_EXCHANGE_REST_URL = restUrl;
  env.AEGIS_EXCHANGE_WS_URL = wsUrl;
  // Startup history is a one-off REST phase (about a minute against the simulator's 2,400 weight/min), not
  // steady state: off unless asked for, so a round stays short.
  if (!opts.history) env.AEGIS_FEED_WARMUP_MINUTES = "0";
  if (process.env.FEED_BENCH_LOG_GC === "1") env.BUN_JSC_logGC = "1";
  // process.execPath is the bun binary itself (no wrapper script), so this pid is the engine process.
  const engine = new Proc("engine", [process.execPath, MAIN, "run", "--json", "--state-dir", stateDir, "--log-level", "info"], env);
  const brain = await engine.waitFor(/brain started \(incarnation \d+, thread (-?\d+)\)/, 30_000);
  const feed = await engine.waitFor(/feed: \d+ symbols on \d+ connections to \S+ \(thread (-?\d+)\)(.*)$/m, 30_000);
  const fetchesHistory = /history/.test(feed[2] ?? "");
  // The feed's and the brain's threads must be tasks of this pid: then it is the engine itself, not a wrapper.
  const tasks = threadTimes(engine.pid);
  if (!tasks.has(Number(feed[1])) || !tasks.has(Number(brain[1]))) {
    throw new Error(`engine pid ${engine.pid} does not own the feed (${feed[1]}) and brain (${brain[1]}) threads`);
  }
  return { engine, feedTid: Number(feed[1]), brainTid: Number(brain[1]), stateDir, readyAt: performance.now(), fetchesHistory };
}

/** Stops the engine gracefully and returns its `--json` summary (the last stdout line). */
export async function stopEngine(e: Engine): Promise<Record<string, number>> {
  const code = await e.engine.stop(20_000);
  rmSync(e.stateDir, { recursive: true, force: true });
  const last = e.engine.stdout.trim().split("\n").at(-1) ?? "";
  if (code !== 0 || !last.startsWith("{")) {
    throw new Error(`engine exited with ${code}; stdout "${last}"\n--- stderr tail ---\n${e.engine.stderr.slice(-3000)}`);
  }
  return JSON.parse(last) as Record<string, number>;
}

export const CLK_TCK = Number(new TextDecoder().decode(Bun.spawnSync(["getconf", "CLK_TCK"]).stdout).trim()) || 100;

/** utime + stime of a whole process in clock ticks (/proc/<pid>/stat fields 14 and 15). */
export function processTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(f[11]) + Number(f[12]);
}

export interface ThreadTimes {
  comm: string;
  /** On-CPU and run-queue wait, ns (schedstat: finer than the 10 ms ticks of stat). */
  cpuNs: number;
  runqNs: number;
  /** Voluntary context switches: how often the thread went to sleep (each one is a later wake-up). */
  sleeps: number;
}

/** Every thread of a process: tid → name and schedstat times. Threads that vanish mid-read are skipped. */
export function threadTimes(pid: number): Map<number, ThreadTimes> {
  const out = new Map<number, ThreadTimes>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const comm = readFileSync(`/proc/${pid}/task/${tid}/comm`, "utf8").trim();
      const s = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ");
      const status = readFileSync(`/proc/${pid}/task/${tid}/status`, "utf8");
      const sleeps = Number(/^voluntary_ctxt_switches:\s*(\d+)/m.exec(status)?.[1] ?? Number.NaN);
      out.set(Number(tid), { comm, cpuNs: Number(s[0]), runqNs: Number(s[1]), sleeps });
    } catch {
      // the thread ended between readdir and read
    }
  }
  return out;
}


/**
 * Collections logged by BUN_JSC_logGC=1 while `active`: one line per collection, tagged with the heap's address
 * (one heap per thread: main, feed and brain each have their own).
 */
export class GcTally {
  active = false;
  collections = 0;
  full = 0;
  pauseMs = 0;
  maxPauseMs = 0;
  readonly heaps = new Set<string>();
  #partial = "";

  add(chunk: string): void {
    const lines = (this.#partial + chunk).split("\n");
    this.#partial = lines.pop() ?? "";
    if (!this.active) return;
    for (const line of lines) {
      const m = /^\[GC<(0x[0-9a-f]+)>: START .*? => (\w+),.*\bp=([\d.]+)ms/.exec(line);
      if (!m) continue;
      const p = Number(m[3]);
      this.collections++;
      if (m[2] === "FullCollection") this.full++;
      this.pauseMs += p;
      if (p > this.maxPauseMs) this.maxPauseMs = p;
      this.heaps.add(m[1]!);
    }
  }
}

export const round = (x: number, digits = 0): number => (Number.isFinite(x) ? Number(x.toFixed(digits)) : x);
