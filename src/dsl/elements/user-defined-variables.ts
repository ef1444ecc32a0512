import { z } from "zod";
import { element, node, type ElementDef } from "../node.js";

export const UserDefinedVariables = element("userDefinedVariables", "User Defined Variables", {
  /** name to value, in order; set once at start-up (no per-thread functions) */
  variables: z
    .record(z.string(), z.union([z.string(), z.number()]).transform(String))
    .refine((vars) => !Object.hasOwn(vars, ""), "expected variable names, got an empty one"),
});

export const def = { schema: UserDefinedVariables, category: "config" } satisfies ElementDef;

export type UserDefinedVariablesProps = Omit<z.input<typeof UserDefinedVariables>, "kind">;

/** A stand-alone User Defined Variables element (Arguments). */
export function userDefinedVariables(props: UserDefinedVariablesProps) {
  return node("userDefinedVariables", props);
}
