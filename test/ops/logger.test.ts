import { afterAll, describe, expect, test } from "bun:test";
import { configureLogger, createLogger, type LoggerOptions, log, redact, registerSecret, resolveFormat } from "../../src/ops/logger";

function collector() {
  const chunks: string[] = [];
  return {
    sink: { write: (chunk: string) => void chunks.push(chunk) },
    chunks,
    /** Output split into lines, without the final empty one. */
    lines: () => chunks.join("").split("\n").slice(0, -1),
  };
}

const journald = (level: LoggerOptions["level"] = "info") => {
  const out = collector();
  return { out, logger: createLogger({ level, format: "journald", stream: out.sink }) };
};

describe("journald format", () => {
  test("every line of a stack carries the priority and the tag", () => {
    const { out, logger } = journald();
    logger.withTag("feed").error("order failed", new Error("rejected -2019"));
    const lines = out.lines();
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[0]).toBe("<3>[feed] order failed Error: rejected -2019");
    for (const line of lines) expect(line).toStartWith("<3>[feed] ");
    expect(lines.some((l) => l.includes("    at "))).toBe(true);
    // One write per record, so threads sharing the fd cannot split a stack.
    expect(out.chunks).toHaveLength(1);
  });

  test("priorities follow syslog: fatal 2, error 3, warn 4, info-like 6, debug-like 7", () => {
    const { out, logger } = journald("trace");
    logger.fatal("f");
    logger.error("e");
    logger.warn("w");
    for (const type of ["info", "log", "success", "ready", "start", "box", "fail"] as const) logger[type](type);
    logger.debug("d");
    logger.trace("t");
    expect(out.lines()).toEqual(["<2>f", "<3>e", "<4>w", "<6>info", "<6>log", "<6>success", "<6>ready", "<6>start", "<6>box", "<6>fail", "<7>d", "<7>t"]);
  });

  test("args are formatted like util.format, without colours; nested tags join with ':'", () => {
    const { out, logger } = journald();
    logger.withTag("feed").withTag("ws").info("shards=%d", 4, { symbols: ["BTCUSDT"] });
    expect(out.lines()).toEqual(["<6>[feed:ws] shards=4 { symbols: [ 'BTCUSDT' ] }"]);
  });

  test("a multi-line message gets the prefix on each line", () => {
    const { out, logger } = journald();
    logger.withTag("risk").warn("limits:\n  daily loss 80%\n  open 3/3");
    expect(out.lines()).toEqual(["<4>[risk] limits:", "<4>[risk]   daily loss 80%", "<4>[risk]   open 3/3"]);
  });

  test("no throttling: identical lines are all printed", () => {
    const { out, logger } = journald();
    for (let i = 0; i < 12; i++) logger.warn("same");
    expect(out.lines()).toHaveLength(12);
  });
});

describe("levels", () => {
  test("info drops debug and trace; warn drops info; trace keeps everything", () => {
    const run = (level: LoggerOptions["level"]) => {
      const { out, logger } = journald(level);
      logger.error("e");
      logger.warn("w");
      logger.info("i");
      logger.debug("d");
      logger.trace("t");
      return out.lines().map((l) => l.slice(3));
    };
    expect(run("info")).toEqual(["e", "w", "i"]);
    expect(run("warn")).toEqual(["e", "w"]);
    expect(run("error")).toEqual(["e"]);
    expect(run("trace")).toEqual(["e", "w", "i", "d", "t"]);
  });

  test("the level is shared by a logger and its tagged children", () => {
    const { out, logger } = journald("info");
    const child = logger.withTag("brain");
    logger.level = 4;
    child.debug("now visible");
    expect(out.lines()).toEqual(["<7>[brain] now visible"]);
  });
});

describe("secrets", () => {
  test("a registered secret never reaches the output, in any format", () => {
    registerSecret("k3y-AbCdEf0123456789");
    const { out, logger } = journald();
    logger.withTag("trade").error(new Error("signature for k3y-AbCdEf0123456789 rejected"), { apiKey: "k3y-AbCdEf0123456789" });
    const plain = collector();
    createLogger({ level: "info", format: "plain", stream: plain.sink }).info("key=k3y-AbCdEf0123456789");
    const text = out.chunks.join("") + plain.chunks.join("");
    expect(text).not.toContain("k3y-AbCdEf0123456789");
    expect(text).toContain("[redacted]");
    expect(plain.lines()).toEqual(["[info] key=[redacted]"]);
  });

  test("redact(): longest secret first; empty strings are not secrets", () => {
    registerSecret("");
    registerSecret("s3cr3t");
    registerSecret("s3cr3t-and-more");
    expect(redact("a s3cr3t-and-more b s3cr3t c")).toBe("a [redacted] b [redacted] c");
    expect(redact("nothing here")).toBe("nothing here");
  });
});

describe("format selection", () => {
  test("auto: fancy on a terminal, journald lines when redirected or under systemd", () => {
    expect(resolveFormat("auto", { write: () => {}, isTTY: true })).toBe("fancy");
    expect(resolveFormat("auto", { write: () => {}, isTTY: false })).toBe("journald");
    expect(resolveFormat("auto", { write: () => {} })).toBe("journald");
    expect(resolveFormat("plain", { write: () => {}, isTTY: true })).toBe("plain");
    expect(resolveFormat("fancy", { write: () => {} })).toBe("fancy");
  });

  test("plain is consola's basic reporter; fancy has no syslog prefix", () => {
    const plain = collector();
    createLogger({ level: "info", format: "plain", stream: plain.sink }).withTag("feed").warn("slow");
    expect(plain.lines()).toEqual(["[warn] [feed] slow"]);
    const fancy = collector();
    createLogger({ level: "info", format: "fancy", stream: fancy.sink }).info("hello");
    expect(fancy.lines()).toHaveLength(1);
    expect(fancy.lines()[0]).toContain("hello");
    expect(fancy.lines()[0]).not.toStartWith("<");
  });
});

describe("the shared log", () => {
  afterAll(() => configureLogger({ level: "info", format: "auto" }));

  test("configureLogger reaches children created before it ran", () => {
    const early = log.withTag("early");
    const out = collector();
    configureLogger({ level: "debug", format: "journald", stream: out.sink });
    early.debug("after configure");
    log.info("root");
    configureLogger({ level: "warn", format: "journald", stream: out.sink });
    early.info("dropped");
    early.withTag("sub").warn("kept");
    expect(out.lines()).toEqual(["<7>[early] after configure", "<6>root", "<4>[early:sub] kept"]);
  });
});
