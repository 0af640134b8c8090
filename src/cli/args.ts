/** Command-line parsing: the subcommand is the first positional; unknown flags are errors, not silently accepted. */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "../core/errors";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;
export type OptionValues = Record<string, string | boolean | undefined>;

export interface CommandSpec {
  summary: string;
  usage: string;
  options: OptionSpec;
  /** One line per option for --help: [flag, description]. */
  help: [string, string][];
  /** Diagnostics flags that work but are kept out of --help. */
  hidden?: string[];
}

export interface ParsedCommand {
  command: string;
  values: OptionValues;
  positionals: string[];
}

/** Options every command accepts. */
export const GLOBAL_OPTIONS: OptionSpec = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
  config: { type: "string", short: "c" },
  "log-level": { type: "string" },
};

export function parseCommandLine(argv: string[], commands: Record<string, CommandSpec>, fallback: string): ParsedCommand {
  const first = argv[0];
  const named = first !== undefined && !first.startsWith("-");
  const command = named ? first : fallback;
  const spec = commands[command];
  if (!spec) {
    throw new UsageError(`unknown command "${command}". Commands: ${Object.keys(commands).join(", ")}. See aegis --help.`);
  }
  try {
    const { values, positionals } = parseArgs({
      args: named ? argv.slice(1) : argv,
      options: { ...GLOBAL_OPTIONS, ...spec.options },
      strict: true,
      allowPositionals: true,
    });
    return { command, values: values as OptionValues, positionals };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new UsageError(`${message.split("\n")[0]} (aegis ${command} --help lists the options)`);
  }
}
