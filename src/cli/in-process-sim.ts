/** `--sim` for run and universe: the simulator in this process, configured by the same rules as `aegis sim`. */
import { UsageError } from "../core/errors";
import type { SimOptions } from "../sim/simulator";
import type { OptionSpec, OptionValues } from "./args";
import { simOptionsFromFlags } from "./sim-command";

/** Flag here → the `aegis sim` flag it means (fault flags carry a `sim-` prefix next to the engine's own flags). */
const SIM_FLAGS: Record<string, string> = {
  symbols: "symbols",
  speed: "speed",
  seed: "seed",
  "exchange-info": "exchange-info",
  "sim-drop-every": "drop-every",
  "sim-stall-after": "stall-after",
  "sim-corrupt": "corrupt",
  "sim-delay": "delay",
};

export const SIM_OPTIONS: OptionSpec = {
  sim: { type: "boolean" },
  ...Object.fromEntries(Object.keys(SIM_FLAGS).map((k) => [k, { type: "string" as const }])),
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
  const given = Object.keys(SIM_FLAGS).filter((k) => values[k] !== undefined);
  if (!values.sim) {
    if (given.length > 0) throw new UsageError(`--${given[0]} only applies with --sim`);
    return null;
  }
  const translated: OptionValues = {};
  for (const k of given) translated[SIM_FLAGS[k]!] = values[k];
  try {
    return { ...simOptionsFromFlags(translated), port: 0 };
  } catch (e) {
    // Name the flag as the user typed it, not as `aegis sim` spells it.
    if (!(e instanceof UsageError)) throw e;
    const flag = given.find((k) => e.message.startsWith(`--${SIM_FLAGS[k]} `));
    throw flag ? new UsageError(e.message.replace(`--${SIM_FLAGS[flag]} `, `--${flag} `)) : e;
  }
}
