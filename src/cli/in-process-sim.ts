/** `--sim` for run and universe: the simulator in this process, configured by the same rules as `aegis sim`. */
import { UsageError } from "../core/errors";
import type { Config } from "../config/schema";
import type { SimHandle, SimOptions } from "../sim/simulator";
import type { OptionSpec, OptionValues } from "./args";
import { simOptionsFromFlags } from "./sim-command";

/** The `aegis sim` flags that `--sim` takes; fault flags carry a `sim-` prefix next to the engine's own flags. */
const FAULT_FLAGS = new Set(["drop-every", "stall-after", "corrupt", "delay"]);
const simFlag = (name: string): string => (FAULT_FLAGS.has(name) ? `sim-${name}` : name);
const SIM_FLAGS = ["symbols", "speed", "seed", "exchange-info", ...FAULT_FLAGS].map(simFlag);

export const SIM_OPTIONS: OptionSpec = {
  sim: { type: "boolean" },
  ...Object.fromEntries(SIM_FLAGS.map((k) => [k, { type: "string" as const }])),
};

export const SIM_HELP: [string, string][] = [
  ["--sim", "start the built-in exchange simulator on 127.0.0.1 and use it (offline)"],
  ["--symbols N", "with --sim: active USDT perpetuals to generate (default 50)"],
  ["--speed X", "with --sim: sim time runs X times real time (default 1)"],
  ["--seed S", "with --sim: market seed (default 1)"],
  ["--exchange-info FILE", "with --sim: serve this exchangeInfo capture instead of a generated one"],
  ["--sim-drop-every D", "with --sim: drop every market connection about every D (fault injection)"],
  ["--sim-stall-after D", "with --sim: after D, one connection silently stops delivering"],
  ["--sim-corrupt F", "with --sim: corrupt this fraction (0..1) of market frames"],
  ["--sim-delay D", "with --sim: delay every market frame by D"],
];

/** The simulator options the flags ask for, or null without --sim (sim-only flags without --sim are an error). */
export function simOptionsFrom(values: OptionValues): SimOptions | null {
  if (!values.sim) {
    const given = SIM_FLAGS.find((k) => values[k] !== undefined);
    if (given !== undefined) throw new UsageError(`--${given} only applies with --sim`);
    return null;
  }
  return simOptionsFromFlags(values, simFlag);
}

/** The config with its exchange pointed at a running simulator. */
export function withSim(config: Config, sim: SimHandle): Config {
  return { ...config, exchange: { ...config.exchange, restUrl: sim.restUrl, wsUrl: sim.wsUrl } };
}
