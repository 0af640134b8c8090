import { describe, expect, test } from "bun:test";
import { jsonErrorLine, tomlErrorLine } from "../../src/config/syntax-line";

function tomlMessage(text: string): string {
  try {
    Bun.TOML.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected a TOML syntax error");
}

const tomlLine = (text: string) => tomlErrorLine(text, tomlMessage(text));

describe("tomlErrorLine", () => {
  test("a missing value followed by more lines is found on its own line", () => {
    expect(tomlLine('a = 1\n\n[log]\nlevel = "info"\nformat =\n[ring]\ncapacity = 1024\n')).toEqual({ line: 5, approximate: false });
  });

  test("a missing value on the last line", () => {
    expect(tomlLine("a = 1\nb =")).toEqual({ line: 2, approximate: false });
  });

  test("a redefined table", () => {
    expect(tomlLine("[ring]\ncapacity = 1024\n[ring]\nx = 1\n")).toEqual({ line: 3, approximate: false });
  });

  test("an error inside a multi-line array is marked approximate", () => {
    expect(tomlLine("a = 1\nb = [\n  1,\n  2\n  x = 3\n]\n")).toEqual({ line: 5, approximate: true });
  });
});

describe("jsonErrorLine", () => {
  test("valid JSON has no error line", () => {
    expect(jsonErrorLine('{ "a": [1, 2.5e3, -0.1, true, null, "x\\n"] }')).toBeUndefined();
  });

  test("a trailing comma points at the closing brace", () => {
    expect(jsonErrorLine('{\n  "log": {\n    "level": "info",\n  }\n}')).toBe(4);
  });

  test("a bare word, a missing colon, an unclosed object, trailing text", () => {
    expect(jsonErrorLine('{\n  "a": 1,\n  "b": nope\n}')).toBe(3);
    expect(jsonErrorLine('{\n  "a" 1\n}')).toBe(2);
    expect(jsonErrorLine('{\n  "a": 1\n')).toBe(3);
    expect(jsonErrorLine('{}\n\n{}')).toBe(3);
  });
});
