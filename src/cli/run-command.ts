/** `aegis run`: the engine with its feed and brain workers until SIGTERM, SIGINT or --duration. */
import { UsageError } from "../core/errors";
import { log } from "../ops/logger";
import { startSimulator } from "../sim/simulator";
import { runEngine, type WorkerUrls } from "../ops/engine";
import type { CommandSpec, OptionValues } from "./args";
import { loadCliConfig } from "./cli-config";
import { durationFlag } from "./flag-values";
import { SIM_HELP, SIM_OPTIONS, simOptionsFrom, withSim } from "./in-process-sim";

export const runSpec: CommandSpec = {
  summary: "run the engine (feed → ring → brain) until stopped",
  usage: "aegis run [--sim [--symbols N] [--speed X]] [--duration D] [--json]",
  options: {
    source: { type: "string" },
    rate: { type: "string" },
    duration: { type: "string" },
    json: { type: "boolean" },
    "state-dir": { type: "string" },
    "crash-brain-after": { type: "string" },
    ...SIM_OPTIONS,
  },
  help: [
    ["--duration D", "stop after D (e.g. 90s, 5m); default: run until SIGTERM/SIGINT"],
    ["--json", "print the exit summary as one JSON line on stdout"],
    ...SIM_HELP,
    ["--source KIND", "exchange (default) or heartbeat (diagnostics: drives the pipeline without an exchange)"],
    ["--rate N", "heartbeat records per second (with --source heartbeat)"],
    ["--state-dir DIR", "the journal's directory (default $STATE_DIRECTORY or ./state); no journal is written yet"],
  ],
  hidden: ["--crash-brain-after D: diagnostics; the first brain worker crashes after D to exercise the restart path"],
};

export async function runCommand(values: OptionValues, urls: WorkerUrls): Promise<number> {
  const durationMs = durationFlag(values, "duration");
  const crashBrainAfterMs = durationFlag(values, "crash-brain-after");
  const simOptions = simOptionsFrom(values);
  if (simOptions && values.source === "heartbeat") throw new UsageError("--sim and --source heartbeat exclude each other");
  const overrides = {
    source: { kind: values.source, rateHz: values.rate === undefined ? undefined : Number(values.rate) },
    stateDir: values["state-dir"],
  };
  // Validate the config before starting anything, so a bad file exits 78 with nothing to clean up.
  const config = loadCliConfig(values, overrides);
  const sim = simOptions ? await startSimulator(simOptions) : null;
  try {
    if (sim) log.withTag("sim").info(`simulator on ${sim.restUrl} (${sim.symbols.length} symbols)`);
    return await runEngine(sim ? withSim(config, sim) : config, {
      urls,
      durationMs,
      json: values.json === true,
      hooks: crashBrainAfterMs === undefined ? {} : { crashBrainAfterMs },
    });
  } finally {
    await sim?.stop();
  }
}
