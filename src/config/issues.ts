/** zod issues → problems: one per unknown key (with the keys that are known), each naming its source. */
import type { z } from "zod";
import type { Origin, Problem } from "./problems";
import { dottedPath } from "./problems";
import { keysAt } from "./schema-walk";
import { closest } from "./suggest";

const describe = (origin: Origin | undefined): string => (origin ? ` (from ${origin.label})` : "");

export function issueProblems(
  issues: readonly z.core.$ZodIssue[],
  schema: z.core.$ZodType,
  originOf: (path: string) => Origin | undefined,
): Problem[] {
  return issues.flatMap((issue): Problem[] => {
    if (issue.code !== "unrecognized_keys") {
      const origin = originOf(issue.path.join("."));
      return [{ where: dottedPath(issue.path), message: issue.message + describe(origin), source: origin?.source }];
    }
    const known = keysAt(schema, issue.path);
    return issue.keys.map((key) => {
      const path = [...issue.path, key];
      const origin = originOf(path.join("."));
      const guess = closest(key, known);
      const hint = guess === undefined ? "" : `; did you mean "${guess}"?`;
      const message = `unknown key "${key}"${hint} (known: ${known.join(", ")})${describe(origin)}`;
      return { where: dottedPath(path), message, source: origin?.source };
    });
  });
}
