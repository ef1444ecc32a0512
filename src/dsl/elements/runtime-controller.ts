import type { z } from "zod";
import { duration } from "../expr.js";
import { element, node, SCOPED, type ElementDef, type Node } from "../node.js";

export const RuntimeController = element("runtimeController", "Runtime Controller", {
  /** seconds to keep running the children @default 1 */
  duration: duration("s").default(1),
});

export const def = { schema: RuntimeController, category: "controller", contains: SCOPED } satisfies ElementDef;

export type RuntimeControllerProps = Omit<z.input<typeof RuntimeController>, "kind">;

/** A Runtime Controller: runs its children over and over for `duration`. */
export function runtimeController(props: RuntimeControllerProps, ...children: Node[]) {
  return node("runtimeController", props, children);
}
