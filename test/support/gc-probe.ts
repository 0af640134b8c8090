// Runs an allocation probe script in a subprocess under BUN_JSC_logGC and returns its stdout and the collections
// logged between its ALLOC-PROBE-START and ALLOC-PROBE-END markers.
import { expect } from "bun:test";

export async function runGcProbe(script: string, args: string[]): Promise<{ out: string; collections: string[] }> {
  const proc = Bun.spawn([process.execPath, script, ...args], {
    env: { ...process.env, BUN_JSC_logGC: "1" },
    stdout: "pipe",
    stderr: "pipe",
  });
  const [out, log] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text()]);
  expect(await proc.exited).toBe(0);
  const from = log.indexOf("ALLOC-PROBE-START");
  const to = log.indexOf("ALLOC-PROBE-END");
  expect(from).toBeGreaterThanOrEqual(0);
  expect(to).toBeGreaterThan(from);
  return { out, collections: log.slice(from, to).match(/=> (Eden|Full)Collection/g) ?? [] };
}
