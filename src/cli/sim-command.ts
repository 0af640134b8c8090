/** `aegis sim`: the Binance-compatible exchange simulator as a standalone process, until SIGTERM or SIGINT. */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../core/errors";
import { log } from "../ops/logger";
import { SIM_LIMITS, type SimLimit, type SimOptions, startSimulator } from "../sim/simulator";
import type { CommandSpec, OptionValues } from "./args";
import { loadCliConfig } from "./cli-config";
import { durationFlag as duration, numberFlag as num } from "./flag-values";

export const simSpec: CommandSpec = {
  summary: "run the Binance-compatible exchange simulator on 127.0.0.1",
  usage:
    "aegis sim [--port P] [--symbols N] [--speed X] [--seed S] [--exchange-info FILE] [--replay FILE|DIR ...] " +
    "[--drop-every D] [--stall-after D] [--delay D] [--corrupt F] [--firehose RATE]",
  options: {
    port: { type: "string" },
    symbols: { type: "string" },
    speed: { type: "string" },
    seed: { type: "string" },
    "exchange-info": { type: "string" },
    replay: { type: "string", multiple: true },
    history: { type: "string" },
    "drop-every": { type: "string" },
    "stall-after": { type: "string" },
    delay: { type: "string" },
    corrupt: { type: "string" },
    "rest-errors": { type: "string" },
    "close-empty-minutes": { type: "boolean" },
    firehose: { type: "string" },
  },
  help: [
    ["--port P", "listen on 127.0.0.1:P (default 0: a free port; the URLs are printed)"],
    ["--symbols N", "generated USDT perpetuals (default 50)"],
    ["--speed X", "sim time runs X times real time (default 1)"],
    ["--seed S", "market seed (default 1): the same seed gives the same market"],
    ["--exchange-info FILE", "serve this exchangeInfo capture verbatim; the market runs its PERPETUAL/USDT/TRADING symbols"],
    ["--replay FILE|DIR", "replay kline CSV files (6 or 12 columns): repeat the flag, separate with commas, or give a directory of *.csv"],
    ["--history N", "closed 1m candles before the start (default 600; replay: minutes of the files already past)"],
    ["--drop-every D", "terminate every market connection every D (e.g. 30s)"],
    ["--stall-after D", "after D, the oldest connection silently stops receiving data"],
    ["--delay D", "hold every data frame for D (e.g. 200ms)"],
    ["--corrupt F", "corrupt this fraction (0..1) of data frames"],
    ["--rest-errors F", "answer this fraction (0..1) of REST requests with 503 -1001"],
    ["--close-empty-minutes", "send the x:true frame for minutes without trades too"],
    ["--firehose RATE", "benchmark: pre-built kline frames at RATE/s over all connections (0 = as fast as sockets drain)"],
  ],
};

/** --replay values: files, or directories whose *.csv files are all taken (sorted). */
function replayFiles(values: OptionValues, name: string): string[] | undefined {
  const raw = values[name] as unknown;
  if (raw === undefined) return undefined;
  const files: string[] = [];
  const entries = (Array.isArray(raw) ? (raw as string[]) : [String(raw)]).flatMap((e) => e.split(",")).filter((e) => e !== "");
  for (const entry of entries) {
    let isDir: boolean;
    try {
      isDir = statSync(entry).isDirectory();
    } catch {
      throw new UsageError(`--${name} "${entry}": no such file or directory`);
    }
    if (!isDir) files.push(entry);
    else files.push(...readdirSync(entry).filter((f) => f.toLowerCase().endsWith(".csv")).sort().map((f) => join(entry, f)));
  }
  if (files.length === 0) throw new UsageError(`--${name} found no .csv file`);
  return files;
}

/**
 * The simulator options the flags ask for. `flag` maps each `aegis sim` flag name to the name it has in `values`,
 * so `run --sim` reads its prefixed fault flags (--sim-corrupt) by the same rules and errors name them as typed.
 */
export function simOptionsFromFlags(values: OptionValues, flag = (name: string): string => name): SimOptions {
  const limited = (name: string, limit: SimLimit) => num(values, flag(name), limit.ok, limit.hint);
  const faults: NonNullable<SimOptions["faults"]> = {};
  const set = <K extends keyof typeof faults>(key: K, value: (typeof faults)[K] | undefined) => {
    if (value !== undefined) faults[key] = value;
  };
  set("dropEveryMs", duration(values, flag("drop-every")));
  set("stallAfterMs", duration(values, flag("stall-after")));
  set("delayMs", duration(values, flag("delay")));
  set("corruptFraction", limited("corrupt", SIM_LIMITS.fraction));
  set("restErrorFraction", limited("rest-errors", SIM_LIMITS.fraction));
  if (values[flag("close-empty-minutes")] === true) faults.closeEmptyMinutes = true;
  const rate = limited("firehose", SIM_LIMITS.firehoseRate);
  const replay = replayFiles(values, flag("replay"));
  const exchangeInfo = values[flag("exchange-info")];
  return {
    port: limited("port", SIM_LIMITS.port) ?? 0,
    symbols: limited("symbols", SIM_LIMITS.symbols),
    speed: limited("speed", SIM_LIMITS.speed),
    seed: limited("seed", SIM_LIMITS.seed),
    historyMinutes: limited("history", SIM_LIMITS.historyMinutes),
    exchangeInfoPath: typeof exchangeInfo === "string" ? exchangeInfo : undefined,
    replay: replay ? { files: replay } : undefined,
    faults,
    firehose: rate === undefined ? undefined : { ratePerSec: rate },
  };
}

export async function simCommand(values: OptionValues): Promise<number> {
  const options = simOptionsFromFlags(values);
  loadCliConfig(values, {}); // logging settings (--log-level, config file, AEGIS_*) as for every command
  const sim = await startSimulator(options);
  // stdout carries only the two URLs, so a script can read them; everything else goes to the log (stderr)
  process.stdout.write(`rest ${sim.restUrl}\nws ${sim.wsUrl}\n`);
  const market = options.replay ? `replay of ${options.replay.files.length} file(s)` : "synthetic market";
  log
    .withTag("sim")
    .info(`${sim.symbols.length} symbols, ${market}; REST ${sim.restUrl}/fapi/v1/…, streams ${sim.wsUrl}/market/stream?streams=…; SIGTERM or Ctrl-C stops`);
  const signal = await new Promise<string>((resolve) => {
    process.once("SIGTERM", () => resolve("SIGTERM"));
    process.once("SIGINT", () => resolve("SIGINT"));
  });
  log.withTag("sim").info(`${signal}: stopping; ${JSON.stringify(sim.stats())}`);
  await sim.stop();
  return 0;
}
