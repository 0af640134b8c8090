import { describe, expect, test } from "bun:test";
import { envBindings } from "../../src/config/env";
import { type Config, configSchema } from "../../src/config/schema";

const DEFAULTS: Config = {
  stateDir: "./state",
  log: { level: "info", format: "auto" },
  ring: { capacity: 65_536, overflowCapacity: 65_536 },
  supervisor: { maxRestarts: 5, backoffInitialMs: 500, backoffMaxMs: 30_000, stopTimeoutMs: 4000 },
  source: { kind: "exchange", rateHz: 1000 },
  exchange: { preset: "production" },
  feed: {
    streamsPerConnection: 200, watchdogMs: 5000, pingIntervalMs: 3000, rotateAfterMs: 84_600_000,
    reconnectInitialMs: 100, reconnectMaxMs: 30_000, connectsPerSecond: 2,
    closeGraceMs: 3000, backfillPageSize: 99, restWeightShare: 0.8, restTimeoutMs: 10_000, warmupMinutes: 499,
  },
  strategy: {
    timeframe: "5m", swingLength: 5, minConfidence: 0.6, minRewardRisk: 1.5, sweepToShiftCandles: 20,
    entryValidCandles: 12, stopBufferAtr: 0.1,
  },
};

const issuesOf = (input: unknown) =>
  (configSchema.safeParse(input).error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);

describe("configSchema", () => {
  test("an empty object gets every section's defaults", () => {
    expect(configSchema.parse({})).toEqual(DEFAULTS);
  });

  test("ring.capacity must be a power of two within 1024..2^24", () => {
    expect(configSchema.parse({ ring: { capacity: 2 ** 24 } }).ring.capacity).toBe(2 ** 24);
    expect(configSchema.parse({ ring: { capacity: 1024 } }).ring.capacity).toBe(1024);
    expect(issuesOf({ ring: { capacity: 3000 } })).toEqual(["ring.capacity: must be a power of two"]);
    expect(issuesOf({ ring: { capacity: 2 ** 25 } })).toHaveLength(1);
    expect(issuesOf({ ring: { capacity: 512 } })).toHaveLength(1);
    expect(issuesOf({ ring: { capacity: 2048.5 } }).length).toBeGreaterThan(0);
  });

  test("exchange URLs are bases with no path; the preset fills what is not set", () => {
    expect(issuesOf({ exchange: { restUrl: "http://127.0.0.1:8080", wsUrl: "ws://127.0.0.1:8080" } })).toEqual([]);
    expect(issuesOf({ exchange: { restUrl: "https://fapi.binance.com/fapi/v1" } })[0]).toContain("exchange.restUrl: must be a base URL");
    expect(issuesOf({ exchange: { wsUrl: "https://x" } })[0]).toContain("exchange.wsUrl");
    expect(issuesOf({ exchange: { preset: "testnet" } })[0]).toContain("exchange.preset");
  });

  test("supervisor.stopTimeoutMs is capped below systemd's stop timeout", () => {
    expect(issuesOf({ supervisor: { stopTimeoutMs: 25_001 } })).toHaveLength(1);
    expect(configSchema.parse({ supervisor: { stopTimeoutMs: 25_000 } }).supervisor.stopTimeoutMs).toBe(25_000);
  });

  test("supervisor.backoffMaxMs may not be below backoffInitialMs", () => {
    expect(issuesOf({ supervisor: { backoffInitialMs: 1000, backoffMaxMs: 999 } })).toEqual([
      "supervisor.backoffMaxMs: must be >= supervisor.backoffInitialMs",
    ]);
  });

  test("source.rateHz is positive and at most 10,000,000", () => {
    expect(issuesOf({ source: { rateHz: 0 } })).toHaveLength(1);
    expect(issuesOf({ source: { rateHz: 10_000_001 } })).toHaveLength(1);
    expect(configSchema.parse({ source: { kind: "heartbeat", rateHz: 0.5 } }).source).toEqual({ kind: "heartbeat", rateHz: 0.5 });
  });

  test("unknown keys are issues at every level", () => {
    const codes = configSchema.safeParse({ extra: 1, log: { colour: true } }).error?.issues.map((i) => i.code);
    expect(codes).toEqual(["unrecognized_keys", "unrecognized_keys"]);
  });
});

describe("env names derived from the schema", () => {
  const bindings = envBindings(configSchema);
  const pathOf = (name: string) => bindings.find((b) => b.name === name)?.path.join(".");

  test("AEGIS_<SECTION>_<KEY> in SCREAMING_SNAKE maps to section.key", () => {
    expect(pathOf("AEGIS_RING_CAPACITY")).toBe("ring.capacity");
    expect(pathOf("AEGIS_RING_OVERFLOW_CAPACITY")).toBe("ring.overflowCapacity");
    expect(pathOf("AEGIS_SUPERVISOR_MAX_RESTARTS")).toBe("supervisor.maxRestarts");
    expect(pathOf("AEGIS_LOG_LEVEL")).toBe("log.level");
    expect(pathOf("AEGIS_SOURCE_RATE_HZ")).toBe("source.rateHz");
    expect(pathOf("AEGIS_STATE_DIR")).toBe("stateDir");
    expect(pathOf("AEGIS_EXCHANGE_REST_URL")).toBe("exchange.restUrl");
    expect(pathOf("AEGIS_EXCHANGE_WS_URL")).toBe("exchange.wsUrl");
  });

  test("every leaf has exactly one name, typed for coercion", () => {
    expect(bindings.length).toBeGreaterThanOrEqual(26);
    expect(new Set(bindings.map((b) => b.name)).size).toBe(bindings.length);
    expect(bindings.find((b) => b.name === "AEGIS_RING_CAPACITY")?.kind).toBe("number");
    expect(bindings.find((b) => b.name === "AEGIS_LOG_LEVEL")?.kind).toBe("string");
  });
});
