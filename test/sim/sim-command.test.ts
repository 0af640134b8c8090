import { describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simOptionsFromFlags } from "../../src/cli/sim-command";
import { UsageError } from "../../src/core/errors";

describe("aegis sim flags", () => {
  test("flags become simulator options; durations parse; faults only when asked for", () => {
    expect(
      simOptionsFromFlags({
        port: "9100",
        symbols: "600",
        speed: "60",
        seed: "7",
        "exchange-info": "x.json",
        "drop-every": "30s",
        "stall-after": "2m",
        delay: "250ms",
        corrupt: "0.01",
        firehose: "0",
      }),
    ).toEqual({
      port: 9100,
      symbols: 600,
      speed: 60,
      seed: 7,
      historyMinutes: undefined,
      exchangeInfoPath: "x.json",
      replay: undefined,
      faults: { dropEveryMs: 30_000, stallAfterMs: 120_000, delayMs: 250, corruptFraction: 0.01 },
      firehose: { ratePerSec: 0 },
    });
    expect(simOptionsFromFlags({})).toMatchObject({ port: 0, faults: {}, firehose: undefined });
  });

  test("bad values are usage errors naming the flag", () => {
    for (const [flag, value] of [["port", "70000"], ["symbols", "0"], ["symbols", "2.5"], ["speed", "-1"], ["seed", "x"], ["corrupt", "2"], ["delay", "soon"], ["drop-every", "-5s"], ["firehose", "-1"]]) {
      expect(() => simOptionsFromFlags({ [flag!]: value })).toThrow(UsageError);
      expect(() => simOptionsFromFlags({ [flag!]: value })).toThrow(`--${flag}`);
    }
    expect(() => simOptionsFromFlags({ replay: ["/no/such/file.csv"] as unknown as string })).toThrow(UsageError);
  });

  test("--replay takes files and directories of *.csv", () => {
    const dir = mkdtempSync(join(tmpdir(), "aegis-sim-flags-"));
    try {
      for (const f of ["B-1m.csv", "A-1m.csv", "notes.txt"]) writeFileSync(join(dir, f), "");
      const opts = simOptionsFromFlags({ replay: [dir] as unknown as string });
      expect(opts.replay?.files).toEqual([join(dir, "A-1m.csv"), join(dir, "B-1m.csv")]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("aegis sim process", () => {
  test("prints its REST and WS URLs, serves, and exits 0 on SIGTERM", async () => {
    const proc = Bun.spawn(["bun", "src/main.ts", "sim", "--symbols", "5", "--speed", "10", "--history", "10"], { stdout: "pipe", stderr: "pipe" });
    const reader = proc.stdout.getReader();
    let out = "";
    while (!/^ws .+\n/m.test(out)) {
      const { value, done } = await reader.read();
      if (done) break;
      out += new TextDecoder().decode(value);
    }
    const rest = /^rest (http:\/\/127\.0\.0\.1:\d+)$/m.exec(out)?.[1];
    expect(/^ws ws:\/\/127\.0\.0\.1:\d+$/m.test(out)).toBe(true);
    expect(rest).toBeDefined();
    const rows = (await (await fetch(`${rest}/fapi/v1/klines?symbol=BTCUSDT&interval=1m`)).json()) as unknown[];
    expect(rows.length).toBe(11);
    proc.kill("SIGTERM");
    expect(await proc.exited).toBe(0);
  }, 15_000);
});
