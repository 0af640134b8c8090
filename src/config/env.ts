/** Environment → config layer: `AEGIS_<PATH>` names derived from the schema, strings coerced per leaf type. */
import { z } from "zod";
import type { Layer, PlainObject } from "./layers";
import type { Problem } from "./problems";
import { leaves, type LeafKind } from "./schema-walk";
import { closest } from "./suggest";

export interface EnvBinding {
  name: string;
  path: string[];
  kind: LeafKind;
}

/** AEGIS_* names the loader reads itself; they are not config keys. */
export const RESERVED_ENV: readonly string[] = ["AEGIS_CONFIG"];

/**
 * Extension point for names outside AEGIS_*: e.g. BINANCE_API_KEY → binance.apiKey once that section
 * exists. These are read like any binding but never reported as unknown when absent from the schema.
 */
export const EXTRA_ENV_BINDINGS: readonly EnvBinding[] = [];

const snake = (key: string): string => key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();

/** `ring.capacity` → AEGIS_RING_CAPACITY, for every leaf of the schema. Throws on a name clash. */
export function envBindings(schema: z.core.$ZodType): EnvBinding[] {
  const bindings = leaves(schema).map(({ path, kind }) => ({
    name: ["AEGIS", ...path.map(snake)].join("_"),
    path,
    kind,
  }));
  const all = [...bindings, ...EXTRA_ENV_BINDINGS];
  const seen = new Set<string>();
  for (const { name } of all) {
    // e.g. a section `state` with key `dir` next to `stateDir`: a schema bug, caught by the tests.
    if (seen.has(name) || RESERVED_ENV.includes(name)) throw new Error(`config schema: env name ${name} is ambiguous`);
    seen.add(name);
  }
  return all;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const stringbool = z.stringbool();
const shown = (raw: string): string => JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);

function coerce(raw: string, kind: LeafKind): { value: unknown } | { error: string } {
  switch (kind) {
    case "number": {
      const text = raw.trim();
      // Not Number(): it turns "" into 0 and accepts "0x10"; a typo must not become a valid value.
      if (text === "") return { error: "expected a number, got an empty value" };
      if (!DECIMAL.test(text)) return { error: `expected a number, got ${shown(raw)}` };
      return { value: Number(text) };
    }
    case "boolean": {
      const parsed = stringbool.safeParse(raw);
      if (parsed.success) return { value: parsed.data };
      return { error: `expected true/false (also 1/0, yes/no, on/off), got ${shown(raw)}` };
    }
    default:
      // Strings and enums go to the schema as is; list-valued keys will need their own rule here.
      return { value: raw };
  }
}

function setPath(target: PlainObject, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    node = (next ?? (node[key] = {})) as PlainObject;
  }
  const last = path[path.length - 1];
  if (last !== undefined) node[last] = value;
}

/** The env layer plus a problem for every bad value and every unknown AEGIS_* variable. */
export function readEnv(env: Record<string, string | undefined>, bindings: readonly EnvBinding[]): { layer: Layer; problems: Problem[] } {
  const byName = new Map(bindings.map((b) => [b.name, b]));
  const nameByPath = new Map(bindings.map((b) => [b.path.join("."), b.name]));
  const values: PlainObject = {};
  const problems: Problem[] = [];
  for (const [name, raw] of Object.entries(env)) {
    if (raw === undefined) continue;
    const binding = byName.get(name);
    if (binding === undefined) {
      if (name.startsWith("AEGIS_") && !RESERVED_ENV.includes(name)) problems.push(unknownVariable(name, bindings));
      continue;
    }
    const result = coerce(raw, binding.kind);
    if ("error" in result) problems.push({ where: binding.path.join("."), message: `${name}: ${result.error}`, source: "env" });
    else setPath(values, binding.path, result.value);
  }
  const origin = (path: string) => ({ label: nameByPath.get(path) ?? "the environment", source: "env" as const });
  return { layer: { values, origin }, problems };
}

function unknownVariable(name: string, bindings: readonly EnvBinding[]): Problem {
  const known = [...RESERVED_ENV, ...bindings.map((b) => b.name).filter((n) => n.startsWith("AEGIS_"))];
  const guess = closest(name, known);
  const hint = guess === undefined ? "" : `; did you mean ${guess}?`;
  return { where: "environment", message: `unknown environment variable ${name}${hint} (known: ${known.join(", ")})`, source: "env" };
}
