// The single binary: built once, copied alone into an empty directory, and run there as a user would.
import { beforeAll, describe, expect, test } from "bun:test";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "../../build";
import { sharedData } from "../support/shared-data";

let dir = "";
let exe = "";

beforeAll(async () => {
  const out = join(mkdtempSync(join(tmpdir(), "aegis-build-")), "aegis");
  await build(out);
  dir = mkdtempSync(join(tmpdir(), "aegis-empty-"));
  exe = join(dir, "aegis");
  copyFileSync(out, exe);
  Bun.spawnSync(["chmod", "+x", exe]);
  // Strays a compiled Bun binary would pick up by default: neither may have any effect.
  writeFileSync(join(dir, ".env"), "AEGIS_RING_CAPACITY=3\n");
  writeFileSync(join(dir, "bunfig.toml"), 'preload = ["./evil.ts"]\n');
  writeFileSync(join(dir, "evil.ts"), `require("node:fs").writeFileSync(${JSON.stringify(join(dir, "PWNED"))}, "x");\n`);
}, 120_000);

/** The binary with a clean environment: no Bun, no node_modules, no AEGIS_* from the developer. */
function spawn(args: string[], env: Record<string, string> = {}) {
  return Bun.spawn([exe, ...args], { cwd: dir, env: { PATH: "/usr/bin:/bin", ...env }, stdout: "pipe", stderr: "pipe" });
}

async function finish(p: ReturnType<typeof spawn>) {
  const [stdout, stderr, code] = await Promise.all([new Response(p.stdout).text(), new Response(p.stderr).text(), p.exited]);
  return { stdout, stderr, code };
}

describe("dist/aegis from an empty directory", () => {
  test("--version and --help", async () => {
    const v = await finish(spawn(["--version"]));
    expect(v).toMatchObject({ code: 0 });
    expect(v.stdout).toMatch(/^aegis \d+\.\d+\.\d+\n$/);
    const h = await finish(spawn(["--help"]));
    expect(h.code).toBe(0);
    expect(h.stdout).toContain("run");
    expect(h.stdout).toContain("--config FILE");
  });

  test("run --source heartbeat --rate 100000 for 3 s: every heartbeat arrives, stray .env and bunfig.toml ignored", async () => {
    const r = await finish(spawn(["run", "--source", "heartbeat", "--rate", "100000", "--duration", "3s", "--json"]));
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout.trim().split("\n").at(-1)!);
    expect(summary.heartbeats).toBeGreaterThan(250_000);
    expect(summary).toMatchObject({ heartbeatsMissing: 0, heartbeatsDuplicated: 0, heartbeatsTorn: 0, restarts: 0 });
    expect(existsSync(join(dir, "PWNED"))).toBe(false);
  }, 30_000);

  test("SIGTERM during a run exits 0 within 5 s", async () => {
    const p = spawn(["run", "--source", "heartbeat", "--rate", "100000"]);
    await Bun.sleep(1500);
    const t0 = performance.now();
    p.kill("SIGTERM");
    const r = await finish(p);
    const stopMs = performance.now() - t0;
    expect(r.code).toBe(0);
    expect(stopMs).toBeLessThan(5000);
    expect(r.stdout + r.stderr).toContain("SIGTERM received");
  }, 30_000);

  test("a brain that crashes from inside is restarted, and the log says so", async () => {
    const r = await finish(spawn(["run", "--source", "heartbeat", "--rate", "1000", "--duration", "4s", "--crash-brain-after", "1s", "--json"]));
    const logText = r.stdout + r.stderr;
    expect(r.code).toBe(0);
    expect(logText).toMatch(/brain worker crashed after \d+ ms \(Error: test hook: brain crashes/);
    expect(logText).toContain("brain worker restarted (incarnation 1)");
    const summary = JSON.parse(r.stdout.trim().split("\n").at(-1)!);
    expect(summary.restarts).toBe(1);
    expect(summary.heartbeatsMissing).toBe(0);
    // The crashed incarnation reports its counters with the crash, so the totals cover every record once.
    expect(summary.records).toBe(summary.published);
    expect(summary.heartbeats).toBe(summary.published);
  }, 30_000);

  test("a bad config file exits 78 and names every bad key", async () => {
    const cfg = join(dir, "bad.toml");
    writeFileSync(cfg, ['[ring]', 'capacity = 1000', 'colour = "red"', '[supervisor]', 'maxRestarts = -1', '[log]', 'level = "loud"'].join("\n"));
    const r = await finish(spawn(["run", "--config", cfg]));
    expect(r.code).toBe(78);
    for (const key of ["ring.capacity", "ring.colour", "supervisor.maxRestarts", "log.level"]) expect(r.stderr).toContain(key);
  });
});

const CAPTURE = sharedData("exchange-info/fapi-v1-exchangeInfo-2025-12-24.json");

describe("dist/aegis market data, offline", () => {
  test.skipIf(!existsSync(CAPTURE))("universe --sim --exchange-info <2025 capture> prints 516", async () => {
    const r = await finish(spawn(["universe", "--sim", "--exchange-info", CAPTURE]));
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("516");
    expect(lines).toHaveLength(517);
    expect(lines).toContain("币安人生USDT");
  }, 30_000);

  test("run --sim: every closed minute arrives once", async () => {
    const r = await finish(spawn(["run", "--sim", "--symbols", "50", "--speed", "60", "--duration", "6s", "--json"]));
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout.trim().split("\n").at(-1)!);
    expect(s).toMatchObject({ symbols: 50, missingCandles: 0, duplicateCandles: 0, parseErrors: 0 });
    expect(s.closedCandles).toBeGreaterThanOrEqual(50 * 4);
  }, 30_000);

  test("a standalone `aegis sim`, used through AEGIS_EXCHANGE_REST_URL / _WS_URL only, like any Binance-compatible endpoint", async () => {
    const simProc = spawn(["sim", "--port", "0", "--symbols", "30", "--speed", "60"]);
    try {
      const urls = await readUrls(simProc);
      const r = await finish(
        spawn(["run", "--duration", "6s", "--json"], { AEGIS_EXCHANGE_REST_URL: urls.rest, AEGIS_EXCHANGE_WS_URL: urls.ws }),
      );
      expect(r.code).toBe(0);
      const s = JSON.parse(r.stdout.trim().split("\n").at(-1)!);
      expect(s).toMatchObject({ symbols: 30, missingCandles: 0, duplicateCandles: 0 });
      expect(s.closedCandles).toBeGreaterThanOrEqual(30 * 4);
    } finally {
      simProc.kill("SIGTERM");
      expect(await simProc.exited).toBe(0);
    }
  }, 30_000);

  test("with no exchange reachable, run fails with a message that suggests --sim", async () => {
    const r = await finish(
      spawn(["run", "--duration", "20s"], { AEGIS_EXCHANGE_REST_URL: "http://127.0.0.1:1", AEGIS_EXCHANGE_WS_URL: "ws://127.0.0.1:1" }),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("cannot load markets from http://127.0.0.1:1/fapi/v1/exchangeInfo");
    expect(r.stderr).toContain("aegis run --sim");
  }, 30_000);
});

/** Reads `rest …` and `ws …` from the simulator's stdout. */
async function readUrls(p: ReturnType<typeof spawn>): Promise<{ rest: string; ws: string }> {
  const reader = p.stdout.getReader();
  let text = "";
  while (!/^ws .+$/m.test(text)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`simulator exited before printing its URLs: ${text}`);
    text += new TextDecoder().decode(value);
  }
  reader.releaseLock();
  return { rest: /^rest (\S+)$/m.exec(text)![1]!, ws: /^ws (\S+)$/m.exec(text)![1]! };
}

const GOLDEN = sharedData("smc-golden");

test.skipIf(!existsSync(GOLDEN))("smc --input EURUSD_15M.csv --swing-length 5 --out DIR writes the 11 golden files byte for byte", async () => {
  const out = mkdtempSync(join(tmpdir(), "aegis-smc-"));
  const r = await finish(spawn(["smc", "--input", join(GOLDEN, "EURUSD_15M.csv"), "--swing-length", "5", "--out", out]));
  expect(r.code).toBe(0);
  const files = readdirSync(out).sort();
  expect(files).toHaveLength(11);
  for (const f of files) expect(readFileSync(join(out, f), "utf8")).toBe(readFileSync(join(GOLDEN, f), "utf8"));
}, 30_000);
