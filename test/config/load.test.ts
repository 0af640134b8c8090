import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatConfigError } from "../../src/config/format";
import { type LoadConfigInput, loadConfig } from "../../src/config/load";
import { ConfigError } from "../../src/core/errors";

const dir = mkdtempSync(join(tmpdir(), "aegis-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function problemsOf(input: Partial<LoadConfigInput>): ConfigError {
  try {
    loadConfig({ env: {}, overrides: {}, ...input });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig sources", () => {
  test("no file, no env, no overrides: the schema defaults", () => {
    const config = loadConfig({ env: {}, overrides: {} });
    expect(config.stateDir).toBe("./state");
    expect(config.ring).toEqual({ capacity: 65_536, overflowCapacity: 65_536 });
    expect(config.log).toEqual({ level: "info", format: "auto" });
  });

  test("a TOML file", () => {
    const path = file("ok.toml", '[ring]\ncapacity = 4096\n\n[log]\nlevel = "debug"\n');
    const config = loadConfig({ configPath: path, env: {}, overrides: {} });
    expect(config.ring.capacity).toBe(4096);
    expect(config.log.level).toBe("debug");
    expect(config.supervisor.maxRestarts).toBe(5);
  });

  test("a JSON file", () => {
    const path = file("ok.json", '{ "source": { "kind": "heartbeat", "rateHz": 250 }, "stateDir": "/tmp/s" }');
    const config = loadConfig({ configPath: path, env: {}, overrides: {} });
    expect(config.source).toEqual({ kind: "heartbeat", rateHz: 250 });
    expect(config.stateDir).toBe("/tmp/s");
  });

  test("AEGIS_CONFIG names the file when no path is given; an explicit path wins", () => {
    const a = file("a.toml", "[ring]\ncapacity = 2048\n");
    const b = file("b.toml", "[ring]\ncapacity = 8192\n");
    expect(loadConfig({ env: { AEGIS_CONFIG: a }, overrides: {} }).ring.capacity).toBe(2048);
    expect(loadConfig({ configPath: b, env: { AEGIS_CONFIG: a }, overrides: {} }).ring.capacity).toBe(8192);
  });

  test("precedence: defaults < file < env < overrides, key by key", () => {
    const path = file("layers.toml", "[ring]\ncapacity = 2048\noverflowCapacity = 10\n\n[supervisor]\nmaxRestarts = 1\n");
    const env = { AEGIS_RING_CAPACITY: "4096", AEGIS_SUPERVISOR_MAX_RESTARTS: "2" };
    const config = loadConfig({ configPath: path, env, overrides: { ring: { capacity: 8192 } } });
    expect(config.ring).toEqual({ capacity: 8192, overflowCapacity: 10 });
    expect(config.supervisor.maxRestarts).toBe(2);
    expect(config.supervisor.backoffInitialMs).toBe(500);
    expect(loadConfig({ configPath: path, env, overrides: {} }).ring.capacity).toBe(4096);
    expect(loadConfig({ configPath: path, env: {}, overrides: {} }).ring.capacity).toBe(2048);
  });

  test("an override leaf that is undefined does not hide lower layers", () => {
    const config = loadConfig({ env: { AEGIS_LOG_LEVEL: "warn" }, overrides: { log: { level: undefined } } });
    expect(config.log.level).toBe("warn");
  });

  test("stateDir: $STATE_DIRECTORY is the default, below the file and AEGIS_STATE_DIR", () => {
    expect(loadConfig({ env: { STATE_DIRECTORY: "/var/lib/aegis" }, overrides: {} }).stateDir).toBe("/var/lib/aegis");
    expect(loadConfig({ env: { STATE_DIRECTORY: "/var/lib/aegis:/var/lib/other" }, overrides: {} }).stateDir).toBe("/var/lib/aegis");
    const path = file("state.json", '{ "stateDir": "/srv/aegis" }');
    expect(loadConfig({ configPath: path, env: { STATE_DIRECTORY: "/var/lib/aegis" }, overrides: {} }).stateDir).toBe("/srv/aegis");
    expect(loadConfig({ env: { STATE_DIRECTORY: "/a", AEGIS_STATE_DIR: "/b" }, overrides: {} }).stateDir).toBe("/b");
  });

  test("env strings are coerced per type; unrelated variables are ignored", () => {
    const env = { AEGIS_RING_CAPACITY: " 2048 ", AEGIS_SOURCE_RATE_HZ: "2.5e3", AEGIS_LOG_FORMAT: "plain", PATH: "/bin", HOME: "/root" };
    const config = loadConfig({ env, overrides: {} });
    expect(config.ring.capacity).toBe(2048);
    expect(config.source.rateHz).toBe(2500);
    expect(config.log.format).toBe("plain");
  });
});

describe("loadConfig problems", () => {
  test("a bad file: ONE ConfigError listing every problem with its path", () => {
    const path = file(
      "bad.toml",
      ['stateDir = 5', "[ring]", "capacity = 3000", "capacty = 1", "[log]", 'level = "loud"', "[supervisor]", "stopTimeoutMs = 99999", "[rng]", "x = 1"].join("\n"),
    );
    const error = problemsOf({ configPath: path });
    expect(error.name).toBe("ConfigError");
    expect(error.retryable).toBe(false);
    const has = (prefix: string, text: string) =>
      expect(error.problems.some((p) => p.startsWith(`${prefix}: `) && p.includes(text))).toBe(true);
    has("ring.capacty", 'unknown key "capacty"; did you mean "capacity"?');
    has("ring.capacty", "known: capacity, overflowCapacity");
    has("rng", 'unknown key "rng"');
    has("stateDir", "expected string, received number");
    has("supervisor.stopTimeoutMs", "25000");
    has("ring.capacity", "must be a power of two");
    has("log.level", "expected one of");
    expect(error.problems).toHaveLength(6);
    for (const p of error.problems) expect(p).toContain(`(from ${path})`);
    for (const p of error.problems) expect(error.message).toContain(p);
    expect(error.message).toStartWith("invalid configuration (6 problems):");
    expect(error.message).toContain(`Fix these in the config file ${path}, then start again.`);
  });

  test("a TOML syntax error reports its line", () => {
    const path = file("syntax.toml", '[log]\nlevel = "info"\n\n[ring]\ncapacity =\noverflowCapacity = 1\n');
    const error = problemsOf({ configPath: path });
    expect(error.problems).toEqual([`${path}:5: TOML syntax error: Missing value after '='; values must be on the same line`]);
  });

  test("a JSON syntax error reports its line", () => {
    const path = file("syntax.json", '{\n  "log": {\n    "level": "info",\n  }\n}\n');
    expect(problemsOf({ configPath: path }).problems[0]).toStartWith(`${path}:4: JSON syntax error: `);
  });

  test("JSON whose top level is not an object", () => {
    const path = file("array.json", "[1, 2]");
    expect(problemsOf({ configPath: path }).problems).toEqual([`${path}: the top level must be a JSON object: { ... }`]);
  });

  test("an unsupported extension is a problem", () => {
    const path = file("aegis.yaml", "ring: 1");
    expect(problemsOf({ configPath: path }).problems[0]).toContain('unsupported config file type ".yaml"');
  });

  test("an unreadable file still reports env problems in the same error", () => {
    const error = problemsOf({ configPath: join(dir, "missing.toml"), env: { AEGIS_RING_CAPACITY: "abc", AEGIS_LOG_LEVEL: "loud" } });
    expect(error.problems).toEqual([
      `${join(dir, "missing.toml")}: cannot read the config file: no such file`,
      'ring.capacity: AEGIS_RING_CAPACITY: expected a number, got "abc"',
      expect.stringMatching(/^log\.level: Invalid option: .* \(from AEGIS_LOG_LEVEL\)$/),
    ]);
    expect(error.message).toContain("the environment, then start again.");
  });

  test("numbers from env: empty and non-numeric strings are rejected, not turned into 0 or hex", () => {
    const error = problemsOf({ env: { AEGIS_RING_CAPACITY: "", AEGIS_SUPERVISOR_MAX_RESTARTS: "0x10", AEGIS_SOURCE_RATE_HZ: "fast" } });
    expect(error.problems).toEqual([
      "ring.capacity: AEGIS_RING_CAPACITY: expected a number, got an empty value",
      'supervisor.maxRestarts: AEGIS_SUPERVISOR_MAX_RESTARTS: expected a number, got "0x10"',
      'source.rateHz: AEGIS_SOURCE_RATE_HZ: expected a number, got "fast"',
    ]);
  });

  test("an unknown AEGIS_ variable is reported with the known names; AEGIS_CONFIG is known", () => {
    const error = problemsOf({ env: { AEGIS_FOO: "1", AEGIS_RING_CAPACTY: "1024", AEGIS_CONFIG: "" } });
    expect(error.problems).toHaveLength(2);
    expect(error.problems[0]).toStartWith("environment: unknown environment variable AEGIS_FOO (known: AEGIS_CONFIG, AEGIS_STATE_DIR, ");
    expect(error.problems[0]).toContain("AEGIS_RING_CAPACITY");
    expect(error.problems[1]).toContain("AEGIS_RING_CAPACTY; did you mean AEGIS_RING_CAPACITY?");
  });

  test("schema problems name the source that set the value", () => {
    const path = file("mixed.toml", "[ring]\noverflowCapacity = -1\n");
    const error = problemsOf({ configPath: path, env: { AEGIS_RING_CAPACITY: "3072" }, overrides: { source: { rateHz: -5 } } });
    expect(error.problems).toEqual([
      "ring.capacity: must be a power of two (from AEGIS_RING_CAPACITY)",
      `ring.overflowCapacity: Too small: expected number to be >=0 (from ${path})`,
      "source.rateHz: Too small: expected number to be >0 (from the command line)",
    ]);
    expect(error.message).toContain(`Fix these in the config file ${path}, the environment and the command-line flags, then start again.`);
  });

  test("a section that is not a table keeps its type error even when env sets a key inside it", () => {
    const path = file("scalar.toml", "ring = 5\n");
    const error = problemsOf({ configPath: path, env: { AEGIS_RING_CAPACITY: "2048" } });
    expect(error.problems).toEqual([`ring: Invalid input: expected object, received number (from ${path})`]);
  });

  test("a JSON __proto__ key is an unknown key, not a prototype", () => {
    const path = file("proto.json", '{ "__proto__": { "stateDir": "/evil" } }');
    const error = problemsOf({ configPath: path });
    expect(error.problems[0]).toStartWith('__proto__: unknown key "__proto__"');
  });

  test("formatConfigError gives the header, one line per problem, and the fix", () => {
    const lines = formatConfigError(problemsOf({ env: { AEGIS_LOG_LEVEL: "loud" } }));
    expect(lines[0]).toBe("invalid configuration (1 problem):");
    expect(lines[1]).toStartWith("  - log.level: ");
    expect(lines[2]).toBe("Fix this in the environment, then start again.");
    expect(formatConfigError(new ConfigError("bad flag", ["x: y"]))).toEqual(["invalid configuration (1 problem):", "  - x: y", "bad flag"]);
  });
});
