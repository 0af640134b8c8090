/** Finds the line of a TOML or JSON syntax error; neither Bun.TOML.parse nor JSON.parse reports one. */

export interface SyntaxLine {
  line: number;
  /** The error sits inside a multi-line construct, so the parser may have noticed it a little later. */
  approximate: boolean;
}

// Each probe re-parses a prefix: quadratic, so give up on files far larger than any real config.
const MAX_PROBED_LINES = 5000;

/**
 * Parses growing line prefixes; the first that fails with the full text's message (or a prefix of it:
 * "Missing value after '='" at the end of a prefix vs "…; values must be on the same line") is the line.
 */
export function tomlErrorLine(text: string, fullMessage: string): SyntaxLine | undefined {
  const lines = text.split("\n");
  if (lines.length > MAX_PROBED_LINES) return undefined;
  let sawOtherFailure = false;
  for (let n = 1; n <= lines.length; n++) {
    try {
      Bun.TOML.parse(lines.slice(0, n).join("\n"));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (message === fullMessage || fullMessage.startsWith(message)) return { line: n, approximate: sawOtherFailure };
      // An unclosed array or string fails differently until its end: later lines are inside it.
      sawOtherFailure = true;
    }
  }
  return undefined;
}

class Stop {
  constructor(readonly at: number) {}
}

const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const SCALAR = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/** Walks the JSON grammar to the first offset where it breaks, and returns that offset's line. */
export function jsonErrorLine(text: string): number | undefined {
  let i = 0;
  const skipSpace = (): void => {
    while (i < text.length && " \t\r\n".includes(text[i] ?? "")) i++;
  };
  const match = (pattern: RegExp): void => {
    pattern.lastIndex = i;
    if (!pattern.test(text)) throw new Stop(i);
    i = pattern.lastIndex;
  };
  const expect = (char: string): void => {
    skipSpace();
    if (text[i] !== char) throw new Stop(i);
    i++;
  };
  const items = (close: string, item: () => void): void => {
    skipSpace();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      item();
      skipSpace();
      if (text[i] !== ",") return expect(close);
      i++;
    }
  };
  const value = (): void => {
    skipSpace();
    const c = text[i];
    if (c !== "{" && c !== "[") return match(c === '"' ? STRING : SCALAR);
    i++;
    if (c === "{") items("}", member);
    else items("]", value);
  };
  const member = (): void => {
    skipSpace();
    match(STRING);
    expect(":");
    value();
  };
  try {
    value();
    skipSpace();
    if (i < text.length) throw new Stop(i);
    return undefined;
  } catch (error) {
    // A RangeError from absurd nesting: the syntax error is still reported, only without a line.
    if (!(error instanceof Stop)) return undefined;
    return text.slice(0, error.at).split("\n").length;
  }
}
