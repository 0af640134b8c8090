/** Reads a zod schema's structure (objects, leaf kinds) so env names and key lists derive from it. */
import type { z } from "zod";

type Schema = z.core.$ZodType;
type Def = z.core.$ZodTypeDef;

/** How an environment string is turned into a value for this leaf. */
export type LeafKind = "number" | "boolean" | "string" | "other";

// Wrappers that do not change what a value looks like on input; pipes are read from their input side.
function unwrap(schema: Schema): Schema {
  let current = schema;
  for (;;) {
    const def: Def = current._zod.def;
    switch (def.type) {
      case "default":
      case "prefault":
      case "optional":
      case "nullable":
      case "readonly":
      case "catch":
      case "nonoptional":
        current = (def as z.core.$ZodDefaultDef).innerType;
        break;
      case "pipe":
        current = (def as z.core.$ZodPipeDef).in;
        break;
      default:
        return current;
    }
  }
}

/** The object shape behind `schema`, or undefined when it is not an object. */
export function objectShape(schema: Schema): Record<string, Schema> | undefined {
  const def = unwrap(schema)._zod.def;
  return def.type === "object" ? (def as z.core.$ZodObjectDef).shape : undefined;
}

export function leafKind(schema: Schema): LeafKind {
  switch (unwrap(schema)._zod.def.type) {
    case "number":
    case "int":
      return "number";
    case "boolean":
      return "boolean";
    case "string":
    case "enum":
    case "literal":
      return "string";
    default:
      return "other";
  }
}

/** Keys accepted at `path` (for "unknown key" messages); empty when the path is not an object. */
export function keysAt(schema: Schema, path: readonly PropertyKey[]): string[] {
  let current: Schema | undefined = schema;
  for (const key of path) {
    const shape: Record<string, Schema> | undefined = current ? objectShape(current) : undefined;
    current = shape && typeof key === "string" ? shape[key] : undefined;
  }
  const shape = current ? objectShape(current) : undefined;
  return shape ? Object.keys(shape) : [];
}

/** Every leaf of an object schema with its key path, depth first in declaration order. */
export function leaves(schema: Schema, prefix: string[] = []): { path: string[]; kind: LeafKind }[] {
  const shape = objectShape(schema);
  if (!shape) return [{ path: prefix, kind: leafKind(schema) }];
  return Object.entries(shape).flatMap(([key, child]) => leaves(child, [...prefix, key]));
}
