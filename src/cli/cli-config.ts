/** Loads the config for a command: file from --config or AEGIS_CONFIG, the environment, and the command's flags. */
import { loadConfig } from "../config/load";
import type { Config } from "../config/schema";
import { configureLogger } from "../ops/logger";
import type { OptionValues } from "./args";

type Overrides = Record<string, unknown>;

/** Drops undefined leaves so an absent flag never overrides the file or the environment. */
function prune(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const out: Overrides = {};
  for (const [k, v] of Object.entries(value)) {
    const p = prune(v);
    if (p !== undefined && !(typeof p === "object" && p !== null && Object.keys(p).length === 0)) out[k] = p;
  }
  return out;
}

export function loadCliConfig(values: OptionValues, overrides: Overrides): Config {
  const flags = { ...overrides, log: { level: values["log-level"] } };
  const configPath = typeof values.config === "string" ? values.config : process.env.AEGIS_CONFIG;
  const config = loadConfig({ configPath, env: process.env, overrides: prune(flags) as Overrides });
  configureLogger(config.log);
  return config;
}
