/** Layered sources merged key by key (defaults < file < env < flags), remembering who set each value. */
import type { Origin } from "./problems";

export type PlainObject = Record<string, unknown>;

/** Every key optional, recursively: the shape of a partial layer such as CLI overrides. */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

export interface Layer {
  values: PlainObject;
  /** Who set the value at this dotted path; asked only for paths present in `values`. */
  origin: (path: string) => Origin;
}

export function isPlainObject(value: unknown): value is PlainObject {
  if (typeof value !== "object" || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export interface Merged {
  value: PlainObject;
  /** The origin of the value at `path`, or of its nearest ancestor set by some layer. */
  originOf: (path: string) => Origin | undefined;
}

export function mergeLayers(layers: readonly Layer[]): Merged {
  // Null-prototype nodes: a JSON key "__proto__" stays an ordinary (unknown) key instead of a prototype.
  const value: PlainObject = Object.create(null);
  const origins = new Map<string, Origin>();
  for (const layer of layers) mergeInto(value, layer.values, "", layer, origins);
  const originOf = (path: string): Origin | undefined => {
    for (let p = path; p !== ""; p = p.slice(0, Math.max(0, p.lastIndexOf(".")))) {
      const origin = origins.get(p);
      if (origin) return origin;
    }
    return undefined;
  };
  return { value, originOf };
}

function mergeInto(target: PlainObject, source: PlainObject, prefix: string, layer: Layer, origins: Map<string, Origin>): void {
  for (const [key, incoming] of Object.entries(source)) {
    // An override object may carry `undefined` for a flag that was not given.
    if (incoming === undefined) continue;
    const path = prefix === "" ? key : `${prefix}.${key}`;
    const existing = target[key];
    if (isPlainObject(incoming)) {
      // An earlier non-object (`ring = 5` in the file) stays, so its type error is still reported.
      if (existing !== undefined && !isPlainObject(existing)) continue;
      const node: PlainObject = isPlainObject(existing) ? existing : Object.create(null);
      target[key] = node;
      origins.set(path, layer.origin(path));
      mergeInto(node, incoming, path, layer, origins);
    } else {
      target[key] = incoming;
      origins.set(path, layer.origin(path));
    }
  }
}
