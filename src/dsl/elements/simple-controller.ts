import type { z } from "zod";
import { element, node, SCOPED, type ElementDef, type Node } from "../node.js";

export const SimpleController = element("simpleController", "Simple Controller", {});

export const def = { schema: SimpleController, category: "controller", contains: SCOPED } satisfies ElementDef;

export type SimpleControllerProps = Omit<z.input<typeof SimpleController>, "kind">;

/** A Simple Controller (GenericController): groups children, e.g. to scope timers and config. */
export function simpleController(props: SimpleControllerProps, ...children: Node[]) {
  return node("simpleController", props, children);
}
