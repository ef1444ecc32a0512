import type { z } from "zod";
import { loops } from "../expr.js";
import { element, node, SCOPED, type ElementDef, type Node } from "../node.js";

export const LoopController = element("loopController", "Loop Controller", {
  /** times to run the children, or "forever" @default 1 */
  loops: loops(0).default(1),
});

export const def = { schema: LoopController, category: "controller", contains: SCOPED } satisfies ElementDef;

export type LoopControllerProps = Omit<z.input<typeof LoopController>, "kind">;

/** A Loop Controller: runs its children `loops` times each time it is reached. */
export function loopController(props: LoopControllerProps, ...children: Node[]) {
  return node("loopController", props, children);
}
