/** Typed values of string flags: every command checks numbers and durations the same way, with the same errors. */
import { parseDurationMs } from "../core/duration";
import { UsageError } from "../core/errors";
import type { OptionValues } from "./args";

/** A number flag, or undefined when absent; `hint` says what a valid value is. */
export function numberFlag(values: OptionValues, name: string, ok: (n: number) => boolean, hint: string): number | undefined {
  const raw = values[name];
  if (typeof raw !== "string") return undefined;
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(n) || !ok(n)) throw new UsageError(`--${name} "${raw}": ${hint}`);
  return n;
}

/** A duration flag in ms ("90s", "5m", "500ms"), or undefined when absent. */
export function durationFlag(values: OptionValues, name: string): number | undefined {
  const raw = values[name];
  if (typeof raw !== "string") return undefined;
  const ms = parseDurationMs(raw);
  if (ms === null) throw new UsageError(`--${name} "${raw}" is not a duration; write e.g. 90s, 5m or 500ms`);
  return ms;
}
