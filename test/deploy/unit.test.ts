import { expect, test } from "bun:test";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const unit = readFileSync("deploy/aegis.service", "utf8");

test("the unit has the settings the design requires and none that break the JIT", () => {
  for (const line of ["Type=exec", "Restart=on-failure", "RestartPreventExitStatus=78", "DynamicUser=yes", "StateDirectory=aegis",
    "LoadCredential=binance-api-key:", "LoadCredential=binance-api-secret:", "ProtectSystem=strict"]) {
    expect(unit).toContain(line);
  }
  expect(unit).not.toMatch(/^MemoryDenyWriteExecute/m);
});

test("systemd-analyze verify accepts the unit with no warnings", () => {
  // verify insists that ExecStart exists and is executable, and only warns (exit 0) on unknown keys.
  const dir = mkdtempSync(join(tmpdir(), "aegis-unit-"));
  const exe = join(dir, "aegis");
  writeFileSync(exe, "#!/bin/sh\n");
  chmodSync(exe, 0o755);
  const path = join(dir, "aegis.service");
  writeFileSync(path, unit.replace("/opt/aegis/aegis", exe));
  const r = Bun.spawnSync(["systemd-analyze", "verify", path], { stderr: "pipe", stdout: "pipe" });
  expect(r.stdout.toString() + r.stderr.toString()).toBe("");
  expect(r.exitCode).toBe(0);
});
