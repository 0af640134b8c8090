/** The --help text, generated from the command table so it cannot drift from what the parser accepts. */
import type { CommandSpec } from "./args";

const GLOBAL_HELP: [string, string][] = [
  ["-c, --config FILE", "config file (TOML or JSON); also AEGIS_CONFIG"],
  ["--log-level LEVEL", "fatal | error | warn | info | debug | trace"],
  ["-h, --help", "show help (aegis COMMAND --help for one command)"],
  ["-v, --version", "print the version"],
];

const table = (rows: [string, string][]): string => {
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  return rows.map(([flag, text]) => `  ${flag.padEnd(width)}${text}`).join("\n");
};

export function generalHelp(version: string, commands: Record<string, CommandSpec>): string {
  const cmds = Object.entries(commands).map(([name, c]): [string, string] => [name, c.summary]);
  return [
    `aegis ${version}: trading engine for Binance USDⓈ-M perpetual futures`,
    "",
    "Usage: aegis [COMMAND] [OPTIONS]     (no command = run)",
    "",
    "Commands:",
    table(cmds),
    "",
    "Options for every command:",
    table(GLOBAL_HELP),
    "",
    "Configuration: defaults < --config FILE < AEGIS_* environment < flags. A bad config exits 78.",
    "",
  ].join("\n");
}

export function commandHelp(name: string, spec: CommandSpec): string {
  return [`aegis ${name}: ${spec.summary}`, "", `Usage: ${spec.usage}`, "", "Options:", table([...spec.help, ...GLOBAL_HELP]), ""].join("\n");
}
