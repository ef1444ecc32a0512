import type { z } from "zod";
import { element, node, SCOPED, type ElementDef, type Node } from "../node.js";
import { coreFields, schedulerCheck } from "./thread-group.js";

const { delayedStart: _, ...fields } = coreFields;

export const TeardownThreadGroup = element("tearDownThreadGroup", "tearDown Thread Group", fields).superRefine(schedulerCheck);
export const def = { schema: TeardownThreadGroup, category: "threadGroup", contains: SCOPED } satisfies ElementDef;

export type TeardownThreadGroupProps = Omit<z.input<typeof TeardownThreadGroup>, "kind">;

/** A tearDown Thread Group (PostThreadGroup): runs after the other thread groups end. */
export function tearDownThreadGroup(props: TeardownThreadGroupProps, ...children: Node[]) {
  return node("tearDownThreadGroup", props, children);
}
