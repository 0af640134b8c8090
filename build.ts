/** Builds dist/aegis: one executable with every worker entry bundled (a missing one fails only at run time). */
import { rmSync } from "node:fs";

export const ENTRYPOINTS = ["./src/main.ts", "./src/feed/feed.worker.ts", "./src/brain/brain.worker.ts"];

export async function build(outfile = "./dist/aegis"): Promise<void> {
  const result = await Bun.build({
    entrypoints: ENTRYPOINTS,
    target: "bun",
    format: "esm", // bytecode with top-level await needs ESM
    splitting: true, // ccxt and zod stored once, not once per entrypoint
    minify: { whitespace: true, syntax: true, identifiers: false }, // keeps class names for error .name fallbacks
    sourcemap: "linked",
    bytecode: true,
    // A stray .env or bunfig.toml (with preload scripts) beside the binary must never run inside the engine.
    compile: { outfile, autoloadDotenv: false, autoloadBunfig: false },
    throw: false,
  });
  if (!result.success) {
    for (const m of result.logs) process.stderr.write(`${m}\n`);
    throw new Error("build failed");
  }
}

if (import.meta.main) {
  rmSync("./dist", { recursive: true, force: true });
  const t0 = performance.now();
  await build();
  process.stdout.write(`built dist/aegis in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}
