import type { z } from "zod";
import { element, node, SCOPED, type ElementDef, type Node } from "../node.js";
import { coreFields, schedulerCheck } from "./thread-group.js";

const { delayedStart: _, ...fields } = coreFields;

export const SetupThreadGroup = element("setUpThreadGroup", "setUp Thread Group", fields).superRefine(schedulerCheck);
export const def = { schema: SetupThreadGroup, category: "threadGroup", contains: SCOPED } satisfies ElementDef;

export type SetupThreadGroupProps = Omit<z.input<typeof SetupThreadGroup>, "kind">;

/** A setUp Thread Group: runs before the other thread groups (core fields, no delayed start). */
export function setUpThreadGroup(props: SetupThreadGroupProps, ...children: Node[]) {
  return node("setUpThreadGroup", props, children);
}
