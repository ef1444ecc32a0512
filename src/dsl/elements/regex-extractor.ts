import { z } from "zod";
import { int } from "../expr.js";
import { useField } from "../fields.js";
import { element, node, type ElementDef } from "../node.js";
import { scope } from "../scope.js";

export const RegexExtractor = element("regexExtractor", "Regular Expression Extractor", {
  /** variable to set */
  variable: z.string().min(1),
  /** Java regular expression */
  regex: z.string().min(1),
  /** how a match becomes the value: `$1$` is the first group @default "$1$" */
  template: z.string().default("$1$"),
  /** 1 = first match, 0 = random, -1 = all @default 1 */
  match: int(-1).default(1),
  /** value when nothing matches @default "" */
  defaultValue: z.string().default(""),
  /** set the variable to "" when nothing matches and no default is given @default false */
  emptyDefault: z.boolean().default(false),
  /** what to search @default "body" */
  field: useField,
  scope,
});

export const def = { schema: RegexExtractor, category: "postProcessor" } satisfies ElementDef;

export type RegexExtractorProps = Omit<z.input<typeof RegexExtractor>, "kind">;

/** A Regular Expression Extractor: puts a regex match from the response into a variable. */
export function regexExtractor(props: RegexExtractorProps) {
  return node("regexExtractor", props);
}
