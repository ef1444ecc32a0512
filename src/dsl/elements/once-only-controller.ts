import type { z } from "zod";
import { element, node, SCOPED, type ElementDef, type Node } from "../node.js";

export const OnceOnlyController = element("onceOnlyController", "Once Only Controller", {});

export const def = { schema: OnceOnlyController, category: "controller", contains: SCOPED } satisfies ElementDef;

export type OnceOnlyControllerProps = Omit<z.input<typeof OnceOnlyController>, "kind">;

/** A Once Only Controller: its children run on a thread's first iteration only. */
export function onceOnlyController(props: OnceOnlyControllerProps, ...children: Node[]) {
  return node("onceOnlyController", props, children);
}
