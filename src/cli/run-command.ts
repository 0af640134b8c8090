/** `aegis run`: the engine with its feed and brain workers until SIGTERM, SIGINT or --duration. */
import { parseDurationMs } from "../core/duration";
import { UsageError } from "../core/errors";
import { runEngine, type WorkerUrls } from "../ops/engine";
import type { CommandSpec, OptionValues } from "./args";
import { loadCliConfig } from "./cli-config";

export const runSpec: CommandSpec = {
  summary: "run the engine (feed → ring → brain) until stopped",
  usage: "aegis run [--source heartbeat|exchange] [--rate N] [--duration D] [--json]",
  options: {
    source: { type: "string" },
    rate: { type: "string" },
    duration: { type: "string" },
    json: { type: "boolean" },
    "state-dir": { type: "string" },
    "crash-brain-after": { type: "string" },
  },
  help: [
    ["--source KIND", "market data source: exchange (default) or heartbeat (diagnostics)"],
    ["--rate N", "heartbeat records per second (with --source heartbeat)"],
    ["--duration D", "stop after D (e.g. 90s, 5m); default: run until SIGTERM/SIGINT"],
    ["--json", "print the exit summary as one JSON line on stdout"],
    ["--state-dir DIR", "where the journal lives (default $STATE_DIRECTORY or ./state)"],
  ],
  hidden: ["--crash-brain-after D: diagnostics; the first brain worker crashes after D to exercise the restart path"],
};

export async function runCommand(values: OptionValues, urls: WorkerUrls): Promise<number> {
  const durationMs = optionalDuration(values, "duration");
  const crashBrainAfterMs = optionalDuration(values, "crash-brain-after");
  const config = loadCliConfig(values, {
    source: { kind: values.source, rateHz: values.rate === undefined ? undefined : Number(values.rate) },
    stateDir: values["state-dir"],
  });
  return runEngine(config, {
    urls,
    durationMs,
    json: values.json === true,
    hooks: crashBrainAfterMs === undefined ? {} : { crashBrainAfterMs },
  });
}

function optionalDuration(values: OptionValues, name: string): number | undefined {
  const raw = values[name];
  if (typeof raw !== "string") return undefined;
  const ms = parseDurationMs(raw);
  if (ms === null) throw new UsageError(`--${name} "${raw}" is not a duration; write e.g. 90s, 5m or 500ms`);
  return ms;
}
