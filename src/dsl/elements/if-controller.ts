import { z } from "zod";
import { conditionCheck, conditionFields } from "../condition.js";
import { element, node, SCOPED, type ElementDef, type Node } from "../node.js";

export const IfController = element("ifController", "If Controller", {
  ...conditionFields,
  /** evaluate the condition for every child, not once @default false */
  evaluateAll: z.boolean().default(false),
}).superRefine((el, ctx) => conditionCheck(el, ctx, true));

export const def = { schema: IfController, category: "controller", contains: SCOPED } satisfies ElementDef;

export type IfControllerProps = Omit<z.input<typeof IfController>, "kind">;

/** An If Controller (always "interpret condition as variable expression"): runs its children when the condition is `true`. */
export function ifController(props: IfControllerProps, ...children: Node[]) {
  return node("ifController", props, children);
}
