import { expect, test } from "bun:test";
import { parseCommandLine, type CommandSpec } from "../../src/cli/args";
import { UsageError } from "../../src/core/errors";

const commands: Record<string, CommandSpec> = {
  run: { summary: "run", usage: "aegis run", options: { rate: { type: "string" }, json: { type: "boolean" } }, help: [] },
};

test("no command means run; flags are parsed", () => {
  expect(parseCommandLine(["--rate", "5"], commands, "run")).toMatchObject({ command: "run", values: { rate: "5" } });
  expect(parseCommandLine(["run", "--json", "-c", "x.toml"], commands, "run")).toMatchObject({
    command: "run",
    values: { json: true, config: "x.toml" },
  });
});

test("unknown flags, missing values and unknown commands are usage errors that say what to do", () => {
  expect(() => parseCommandLine(["run", "--bogus"], commands, "run")).toThrow(UsageError);
  expect(() => parseCommandLine(["run", "--bogus"], commands, "run")).toThrow(/--bogus.*--help/);
  expect(() => parseCommandLine(["run", "--rate"], commands, "run")).toThrow(UsageError);
  expect(() => parseCommandLine(["fly"], commands, "run")).toThrow(/unknown command "fly". Commands: run/);
});
