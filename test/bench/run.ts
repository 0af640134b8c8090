/** Benchmark runner: `bun test/bench/run.ts [name] [args…]` runs <name>.bench.ts from this folder (all, in order, without a name). */
import { readdirSync } from "node:fs";
import { join } from "node:path";

const dir = import.meta.dir;
const benches = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .map((f) => f.slice(0, -".bench.ts".length))
  .sort();

const args = process.argv.slice(2);
const first = args[0];
const named = first !== undefined && !first.startsWith("-");
if (named && !benches.includes(first)) {
  console.error(`unknown bench "${first}"; available: ${benches.join(", ") || "(none)"}`);
  process.exit(64);
}
const targets = named ? [first] : benches;
const extra = named ? args.slice(1) : args;

const failed: string[] = [];
for (const name of targets) {
  // Each bench in its own process: a crashed or wedged worker in one bench cannot skew the next.
  const proc = Bun.spawn([process.execPath, join(dir, `${name}.bench.ts`), ...extra], {
    stdout: "inherit",
    stderr: "inherit",
    stdin: "ignore",
  });
  const code = await proc.exited;
  if (code !== 0) {
    console.error(`bench ${name} failed with exit code ${code}`);
    failed.push(name);
  }
}
process.exit(failed.length === 0 ? 0 : 1);
