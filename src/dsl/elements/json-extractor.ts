import { z } from "zod";
import { int } from "../expr.js";
import { element, node, type ElementDef } from "../node.js";
import { scope } from "../scope.js";

export const JsonExtractor = element("jsonExtractor", "JSON Extractor", {
  /** variable to set */
  variable: z.string().regex(/^[^;]+$/, "one variable name (no ';')"),
  /** JSONPath, e.g. "$.id" */
  path: z.string().min(1),
  /** 1 = first match, 0 = random, -1 = all (`name_1`..`name_N`, `name_matchNr`) @default 1 */
  match: int(-1).default(1),
  /** value when nothing matches @default "" */
  defaultValue: z.string().default(""),
  /** with match -1, also set `name_ALL` (matches joined by ",") @default false */
  concat: z.boolean().default(false),
  scope,
});

export const def = { schema: JsonExtractor, category: "postProcessor" } satisfies ElementDef;

export type JsonExtractorProps = Omit<z.input<typeof JsonExtractor>, "kind">;

/** A JSON Extractor (JSONPostProcessor): puts what a JSONPath finds in the response into a variable. */
export function jsonExtractor(props: JsonExtractorProps) {
  return node("jsonExtractor", props);
}
