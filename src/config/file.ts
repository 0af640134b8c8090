/** Reads the config file (TOML or JSON by extension) into a plain object, or into located problems. */
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { isPlainObject, type PlainObject } from "./layers";
import type { Problem } from "./problems";
import { jsonErrorLine, tomlErrorLine } from "./syntax-line";

export interface FileRead {
  values?: PlainObject;
  problems: Problem[];
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: "no such file",
  EACCES: "permission denied",
  EISDIR: "is a directory, not a file",
};

const problem = (where: string, message: string): FileRead => ({ problems: [{ where, message, source: "file" }] });

export function readConfigFile(path: string): FileRead {
  const ext = extname(path).toLowerCase();
  if (ext !== ".toml" && ext !== ".json") {
    return problem(path, `unsupported config file type "${ext || "(none)"}"; use a .toml or .json file`);
  }
  let text: string;
  try {
    // Sync on purpose: configuration is read once, before anything else starts.
    text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    return problem(path, `cannot read the config file: ${READ_ERRORS[code] ?? (error as Error).message}`);
  }
  return ext === ".toml" ? parseToml(path, text) : parseJson(path, text);
}

function parseToml(path: string, text: string): FileRead {
  let parsed: unknown;
  try {
    parsed = Bun.TOML.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = tomlErrorLine(text, message);
    const where = at === undefined ? path : `${path}:${at.line}`;
    const note = at?.approximate ? " (the line is approximate: the error is inside a multi-line value)" : "";
    return problem(where, `TOML syntax error: ${message.replace(/^TOML Parse error: /, "")}${note}`);
  }
  // Bun.TOML.parse always yields a table at the top level.
  return { values: parsed as PlainObject, problems: [] };
}

function parseJson(path: string, text: string): FileRead {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = jsonErrorLine(text);
    return problem(line === undefined ? path : `${path}:${line}`, `JSON syntax error: ${message.replace(/^JSON Parse error: /, "")}`);
  }
  if (!isPlainObject(parsed)) return problem(path, "the top level must be a JSON object: { ... }");
  return { values: parsed, problems: [] };
}
