/** Config problems as data: where, what, and which source the user must edit to fix it. */

/** The layers a value can come from, lowest precedence first. */
export type SourceKind = "defaults" | "file" | "env" | "flags";

/** Which layer set a value, named for the reader: a file path, an env var, "the command line". */
export interface Origin {
  label: string;
  source: SourceKind;
}

export interface Problem {
  /** A dotted config path (`ring.capacity`), a file location (`aegis.toml:5`) or `environment`. */
  where: string;
  message: string;
  source?: SourceKind;
}

export const problemLine = (p: Problem): string => `${p.where}: ${p.message}`;

/** `["feed", "urls", 0]` → `feed.urls[0]`, as zod's prettifyError prints paths. */
export function dottedPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(top level)" : out;
}
