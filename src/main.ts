/** aegis entry point: parse the command line, load config (exit 78 on problems), run one command. */
import pkg from "../package.json";
import { parseCommandLine, type CommandSpec, type OptionValues } from "./cli/args";
import { commandHelp, generalHelp } from "./cli/help";
import { runCommand, runSpec } from "./cli/run-command";
import { simCommand, simSpec } from "./cli/sim-command";
import { smcCommand, smcSpec } from "./cli/smc-command";
import { universeCommand, universeSpec } from "./cli/universe-command";
import { reportFatal } from "./cli/report-fatal";
import type { WorkerUrls } from "./ops/engine";

// Worker URLs are built here and only here: in the compiled binary import.meta.url of any other module is the entry's.
const workerUrls: WorkerUrls = {
  feed: new URL("./feed/feed.worker.ts", import.meta.url),
  brain: new URL("./brain/brain.worker.ts", import.meta.url),
};

const commands: Record<string, { spec: CommandSpec; run: (values: OptionValues) => Promise<number> }> = {
  run: { spec: runSpec, run: (values) => runCommand(values, workerUrls) },
  sim: { spec: simSpec, run: simCommand },
  universe: { spec: universeSpec, run: universeCommand },
  smc: { spec: smcSpec, run: smcCommand },
};
const specs = Object.fromEntries(Object.entries(commands).map(([name, c]) => [name, c.spec]));
const out = (text: string): boolean => process.stdout.write(text);

async function main(argv: string[]): Promise<number> {
  const { command, values } = parseCommandLine(argv, specs, "run");
  if (values.version) return out(`aegis ${pkg.version}\n`), 0;
  if (values.help) return out(argv[0] === command ? commandHelp(command, specs[command]!) : generalHelp(pkg.version, specs)), 0;
  return commands[command]!.run(values);
}

process.exitCode = await main(Bun.argv.slice(2)).catch(reportFatal);
// Workers, sockets and timers are all closed by now; exit explicitly so nothing left over keeps the process alive.
process.exit();
