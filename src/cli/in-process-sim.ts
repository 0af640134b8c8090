/** `--sim` for run and universe: the Binance-compatible simulator started in this process on 127.0.0.1. */
import { parseDurationMs } from "../core/duration";
import { UsageError } from "../core/errors";
import type { OptionSpec, OptionValues } from "./args";
import { startSimulator, type SimHandle, type SimOptions } from "../sim/simulator";

export const SIM_OPTIONS: OptionSpec = {
  sim: { type: "boolean" },
  symbols: { type: "string" },
  speed: { type: "string" },
  seed: { type: "string" },
  "exchange-info": { type: "string" },
  "sim-drop-every": { type: "string" },
  "sim-stall-after": { type: "string" },
  "sim-corrupt": { type: "string" },
  "sim-delay": { type: "string" },
};

export const SIM_HELP: [string, string][] = [
  ["--sim", "start the built-in exchange simulator on 127.0.0.1 and use it (offline)"],
  ["--symbols N", "with --sim: active USDT perpetuals to generate (default 50)"],
  ["--speed X", "with --sim: sim time runs X times real time (default 1)"],
  ["--seed S", "with --sim: market seed (default 1)"],
  ["--exchange-info FILE", "with --sim: serve this exchangeInfo capture instead of a generated one"],
  ["--sim-drop-every D", "with --sim: drop every market connection every D (fault injection)"],
  ["--sim-stall-after D", "with --sim: after D, one connection silently stops delivering"],
  ["--sim-corrupt F", "with --sim: corrupt this fraction (0..1) of market frames"],
  ["--sim-delay D", "with --sim: delay every market frame by D"],
];

const number = (values: OptionValues, name: string, check: (n: number) => boolean, hint: string): number | undefined => {
  const raw = values[name];
  if (typeof raw !== "string") return undefined;
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(n) || !check(n)) throw new UsageError(`--${name} "${raw}": ${hint}`);
  return n;
};

const duration = (values: OptionValues, name: string): number | undefined => {
  const raw = values[name];
  if (typeof raw !== "string") return undefined;
  const ms = parseDurationMs(raw);
  if (ms === null) throw new UsageError(`--${name} "${raw}" is not a duration; write e.g. 10s or 500ms`);
  return ms;
};

/** The simulator options the flags ask for, or null without --sim (sim-only flags without --sim are an error). */
export function simOptionsFrom(values: OptionValues): SimOptions | null {
  const simOnly = Object.keys(SIM_OPTIONS).filter((k) => k !== "sim" && values[k] !== undefined);
  if (!values.sim) {
    if (simOnly.length > 0) throw new UsageError(`--${simOnly[0]} only applies with --sim`);
    return null;
  }
  const faults: NonNullable<SimOptions["faults"]> = {};
  const drop = duration(values, "sim-drop-every");
  if (drop !== undefined) faults.dropEveryMs = drop;
  const stall = duration(values, "sim-stall-after");
  if (stall !== undefined) faults.stallAfterMs = stall;
  const delay = duration(values, "sim-delay");
  if (delay !== undefined) faults.delayMs = delay;
  const corrupt = number(values, "sim-corrupt", (n) => n >= 0 && n <= 1, "must be a fraction between 0 and 1");
  if (corrupt !== undefined) faults.corruptFraction = corrupt;
  return {
    port: 0,
    symbols: number(values, "symbols", (n) => Number.isInteger(n) && n >= 1 && n <= 5000, "must be a whole number 1..5000"),
    speed: number(values, "speed", (n) => n > 0 && n <= 10_000, "must be > 0 and ≤ 10000"),
    seed: number(values, "seed", Number.isInteger, "must be a whole number"),
    exchangeInfoPath: typeof values["exchange-info"] === "string" ? values["exchange-info"] : undefined,
    faults,
  };
}

export async function startInProcessSim(opts: SimOptions): Promise<SimHandle> {
  return startSimulator(opts);
}
