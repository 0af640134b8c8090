/** Logging: one consola family per thread; fancy on a terminal, syslog-prefixed lines otherwise; secrets redacted. */
import { type ConsolaInstance, createConsola, type LogObject, type LogType } from "consola";
import { formatWithOptions } from "node:util";
import type { LogFormat, LogLevelName } from "../config/sections/log";

/** Where log text goes. `process.stderr` fits; tests pass a collector. */
export interface LogSink {
  write(chunk: string): unknown;
  /** Decides `auto`: fancy only on a terminal. */
  isTTY?: boolean;
  columns?: number;
}

export interface LoggerOptions {
  level: LogLevelName;
  format: LogFormat;
  /**
   * Default `process.stderr`, for every level: stdout carries command output (`aegis status`) that must
   * stay parseable when piped, and one stream keeps the journal's line order exact.
   */
  stream?: LogSink;
}

export type ResolvedFormat = Exclude<LogFormat, "auto">;

// consola's numeric levels. It gives fatal and error the same level, so `fatal` lets errors through too.
const LEVELS: Record<LogLevelName, number> = { fatal: 0, error: 0, warn: 1, info: 3, debug: 4, trace: 5 };

// syslog priorities, read by journald from a `<N>` line prefix (SyslogLevelPrefix= defaults to yes). Others: 6.
const PRIORITY: Partial<Record<LogType, number>> = { fatal: 2, error: 3, warn: 4, debug: 7, trace: 7, verbose: 7 };

// Longest first, so a secret that contains another is replaced whole.
let secrets: string[] = [];

/**
 * Every later log line has `secret` replaced by `[redacted]`. Per thread: a worker registers the secrets
 * it holds. Empty strings are ignored (they would match everywhere).
 */
export function registerSecret(secret: string): void {
  if (secret === "" || secrets.includes(secret)) return;
  secrets = [...secrets, secret].sort((a, b) => b.length - a.length);
}

/** `text` with every registered secret replaced; for code that writes somewhere other than the logger. */
export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.replaceAll(secret, "[redacted]");
  return out;
}

/**
 * `auto` → fancy on a terminal, journald lines otherwise. JOURNAL_STREAM needs no test of its own: when it
 * names our stream, that stream is a socket, never a TTY. Testing only that it is set would be wrong, as
 * terminals started from a systemd user session inherit it.
 */
export function resolveFormat(format: LogFormat, sink: LogSink): ResolvedFormat {
  if (format !== "auto") return format;
  return sink.isTTY === true ? "fancy" : "journald";
}

/** One record as journald lines: `<priority>[tag] text` on every line, so a stack keeps its priority. */
export function journaldText(entry: LogObject): string {
  const priority = PRIORITY[entry.type] ?? 6;
  const prefix = entry.tag ? `<${priority}>[${entry.tag}] ` : `<${priority}>`;
  const text = formatWithOptions({ colors: false }, ...entry.args);
  // journald makes each line its own record; an unprefixed line would get the unit's default priority.
  return `${text.split("\n").map((line) => prefix + line).join("\n")}\n`;
}

type Emit = (entry: LogObject) => void;

function emitterFor(format: ResolvedFormat, sink: LogSink): Emit {
  // The single redaction point: every reporter writes through here, whatever it formatted.
  const out = {
    write: (text: string) => sink.write(redact(text)),
    get columns() {
      return sink.columns ?? 0;
    },
  };
  // One write per record: a stack stays together when several threads share the fd.
  if (format === "journald") return (entry) => out.write(journaldText(entry));
  // consola does not export its reporter classes; borrow the one it picks, with its context bound to `out`.
  const stream = out as unknown as NodeJS.WriteStream; // consola only calls write() and reads columns
  // `fancy` exists in consola's node build, which Bun runs; tsc's bundler resolution reads the browser
  // typings, which lack it. A variable (not a literal) keeps the option past the excess-property check.
  const options = { fancy: format === "fancy", stdout: stream, stderr: stream };
  const donor = createConsola(options);
  const reporter = donor.options.reporters[0];
  const context = { options: donor.options };
  return (entry) => reporter?.log(entry, context);
}

/** What a family of loggers (an instance and all its withTag children) shares and configureLogger swaps. */
interface FamilyState {
  level: number;
  emit: Emit;
}

function stateFor(opts: LoggerOptions): FamilyState {
  const sink = opts.stream ?? process.stderr;
  return { level: LEVELS[opts.level], emit: emitterFor(resolveFormat(opts.format, sink), sink) };
}

// consola copies `level` and the options into each withTag() child. Reading both from the family state
// lets configureLogger reach children that modules created at import time, before the config was loaded.
function adopt(instance: ConsolaInstance, state: FamilyState): ConsolaInstance {
  Object.defineProperty(instance, "level", {
    get: () => state.level,
    set: (level: number) => {
      state.level = level;
    },
    configurable: true,
  });
  const create = instance.create.bind(instance);
  instance.create = (options) => adopt(create(options), state);
  return instance;
}

function family(state: FamilyState): ConsolaInstance {
  // throttle 0: consola would otherwise fold repeated lines; counts belong in /metrics, not in folded logs.
  const instance = createConsola({ level: state.level, throttle: 0, reporters: [{ log: (entry) => state.emit(entry) }] });
  return adopt(instance, state);
}

/** An independent logger (its own level and output); setting `level` on it or a child affects the whole family. */
export function createLogger(opts: LoggerOptions): ConsolaInstance {
  return family(stateFor(opts));
}

const shared = stateFor({ level: "info", format: "auto" });

/** The thread's logger: `log.withTag("feed")` per module. Info and auto format until configureLogger runs. */
export const log: ConsolaInstance = family(shared);

/** Reconfigures `log` and every child made from it, in place; each worker calls it from its init message. */
export function configureLogger(opts: LoggerOptions): void {
  Object.assign(shared, stateFor(opts));
}
