/** loadConfig: defaults < config file < AEGIS_* env < CLI overrides, validated once; every problem in one ConfigError. */
import { ConfigError } from "../core/errors";
import { envBindings, readEnv } from "./env";
import { readConfigFile } from "./file";
import { fixHint, problemLines, renderConfigProblems } from "./format";
import { issueProblems } from "./issues";
import { type DeepPartial, type Layer, mergeLayers, type PlainObject } from "./layers";
import type { Problem } from "./problems";
import { type Config, type ConfigInput, configSchema } from "./schema";

export type ConfigOverrides = DeepPartial<ConfigInput>;

export interface LoadConfigInput {
  /** Wins over $AEGIS_CONFIG. Without either, only defaults, env and overrides apply. */
  configPath?: string;
  env: Record<string, string | undefined>;
  /** From CLI flags; `undefined` leaves mean "flag not given". */
  overrides: ConfigOverrides;
}

// Derived once: a clash between two env names is a schema bug and fails at import, i.e. in every test run.
const ENV_BINDINGS = envBindings(configSchema);

const nonEmpty = (value: string | undefined): string | undefined => (value === "" ? undefined : value);

/** systemd's StateDirectory= sets $STATE_DIRECTORY (colon-separated when several); it is a default, not an override. */
function systemDefaults(env: Record<string, string | undefined>): Layer {
  const stateDirectory = nonEmpty(env.STATE_DIRECTORY)?.split(":")[0];
  const values: PlainObject = stateDirectory ? { stateDir: stateDirectory } : {};
  return { values, origin: () => ({ label: "STATE_DIRECTORY", source: "defaults" }) };
}

/** @throws ConfigError listing every problem from the file, the environment and the schema together. */
export function loadConfig(input: LoadConfigInput): Config {
  const problems: Problem[] = [];
  const layers: Layer[] = [systemDefaults(input.env)];

  const configPath = nonEmpty(input.configPath) ?? nonEmpty(input.env.AEGIS_CONFIG);
  if (configPath !== undefined) {
    // An unreadable file still lets the env and the schema be checked, so one run shows everything.
    const file = readConfigFile(configPath);
    problems.push(...file.problems);
    if (file.values) layers.push({ values: file.values, origin: () => ({ label: configPath, source: "file" }) });
  }

  const env = readEnv(input.env, ENV_BINDINGS);
  problems.push(...env.problems);
  layers.push(env.layer);
  layers.push({ values: input.overrides as PlainObject, origin: () => ({ label: "the command line", source: "flags" }) });

  const merged = mergeLayers(layers);
  const result = configSchema.safeParse(merged.value);
  if (!result.success) problems.push(...issueProblems(result.error.issues, configSchema, merged.originOf));
  if (problems.length > 0 || !result.success) {
    const lines = problemLines(problems);
    throw new ConfigError(renderConfigProblems(lines, fixHint(problems, configPath)).join("\n"), lines);
  }
  return result.data;
}
