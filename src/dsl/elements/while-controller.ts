import type { z } from "zod";
import { conditionCheck, conditionFields } from "../condition.js";
import { element, node, SCOPED, type ElementDef, type Node } from "../node.js";

export const WhileController = element("whileController", "While Controller", conditionFields).superRefine((el, ctx) => conditionCheck(el, ctx, false));

export const def = { schema: WhileController, category: "controller", contains: SCOPED } satisfies ElementDef;

export type WhileControllerProps = Omit<z.input<typeof WhileController>, "kind">;

/** A While Controller: loops until the condition is `false` (no condition: until a sample fails; `condition: "LAST"` likewise, checked before too). */
export function whileController(props: WhileControllerProps, ...children: Node[]) {
  return node("whileController", props, children);
}
