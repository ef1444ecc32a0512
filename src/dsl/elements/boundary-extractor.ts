import { z } from "zod";
import { int } from "../expr.js";
import { useField } from "../fields.js";
import { element, node, type ElementDef } from "../node.js";
import { scope } from "../scope.js";

export const BoundaryExtractor = element("boundaryExtractor", "Boundary Extractor", {
  /** variable to set */
  variable: z.string().min(1),
  /** text just before the value */
  left: z.string(),
  /** text just after the value */
  right: z.string(),
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

export const def = { schema: BoundaryExtractor, category: "postProcessor" } satisfies ElementDef;

export type BoundaryExtractorProps = Omit<z.input<typeof BoundaryExtractor>, "kind">;

/** A Boundary Extractor: puts the text between two boundaries of the response into a variable. */
export function boundaryExtractor(props: BoundaryExtractorProps) {
  return node("boundaryExtractor", props);
}
