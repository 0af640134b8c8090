/** Renders config problems as the lines the CLI prints (and the ConfigError message), ending with how to fix them. */
import type { ConfigError } from "../core/errors";
import type { Problem, SourceKind } from "./problems";
import { problemLine } from "./problems";

/** Where to fix problems from each source; `file` is the config file's path when there is one. */
export function fixHint(problems: readonly Problem[], file: string | undefined): string {
  const sources = new Set<SourceKind | undefined>(problems.map((p) => p.source));
  const places: string[] = [];
  if (sources.has("file")) places.push(file === undefined ? "the config file" : `the config file ${file}`);
  if (sources.has("env") || sources.has("defaults")) places.push("the environment");
  if (sources.has("flags")) places.push("the command-line flags");
  if (places.length === 0) places.push(file === undefined ? "the configuration" : `the config file ${file}`);
  const last = places.pop();
  const where = places.length === 0 ? last : `${places.join(", ")} and ${last}`;
  return `Fix ${problems.length === 1 ? "this" : "these"} in ${where}, then start again.`;
}

/** Header, one indented line per problem, then the hint. */
export function renderConfigProblems(problems: readonly string[], hint: string): string[] {
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  return [`invalid configuration (${count}):`, ...problems.map((p) => `  - ${p}`), hint];
}

/** The lines to print for a ConfigError; one thrown elsewhere with a short message gets it as its hint. */
export function formatConfigError(error: ConfigError): string[] {
  const lines = error.message.split("\n");
  const rendered = error.problems.every((p) => lines.includes(`  - ${p}`));
  return rendered ? lines : renderConfigProblems(error.problems, error.message);
}

/** Problems as the `<where>: <message>` strings stored in ConfigError.problems. */
export const problemLines = (problems: readonly Problem[]): string[] => problems.map(problemLine);
