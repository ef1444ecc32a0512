import { z } from "zod";
import { duration, int, loops } from "../expr.js";
import { element, node, SCOPED, type ElementDef, type Node } from "../node.js";

export const ON_ERROR = ["continue", "startnextloop", "stopthread", "stoptest", "stoptestnow"] as const;

/** core Thread Group fields, shared with setUp and tearDown groups */
export const coreFields = {
  /** @default 1 */
  threads: int(1).default(1),
  /** seconds to start all threads @default 1 */
  rampUp: duration("s").default(1),
  /** iterations per thread, or "forever" (then give a duration) @default 1 */
  loops: loops(1).default(1),
  /** stop after this long (the scheduler) @default none */
  duration: duration("s").optional(),
  /** wait before starting (the scheduler) @default none */
  delay: duration("s").optional(),
  /** what a thread does after a failed sample @default "continue" */
  onError: z.enum(ON_ERROR).default("continue"),
  /** create threads only when their ramp-up slot comes @default false */
  delayedStart: z.boolean().default(false),
  /** @default true */
  sameUserOnNextIteration: z.boolean().default(true),
};

type CoreOut = { loops: number | string; duration?: number | string; delay?: number | string };

/** the scheduler (on when a duration or delay is given) needs a positive duration */
export function schedulerCheck(el: CoreOut, ctx: z.RefinementCtx): void {
  if (el.duration === 0) ctx.addIssue({ code: "custom", path: ["duration"], message: "expected a positive duration; 0 makes JMeter stop the test (\"Invalid duration\")" });
  if (el.delay !== undefined && el.duration === undefined) {
    ctx.addIssue({ code: "custom", path: ["duration"], message: "a delay turns the scheduler on, which needs a duration too" });
  }
}

/** true when threads loop with nothing to stop them but the test's end (for lint) */
export const runsUnbounded = (el: CoreOut): boolean => el.loops === "forever" && el.duration === undefined;

export const ThreadGroup = element("threadGroup", "Thread Group", coreFields).superRefine(schedulerCheck);
export const def = { schema: ThreadGroup, category: "threadGroup", contains: SCOPED } satisfies ElementDef;

export type ThreadGroupProps = Omit<z.input<typeof ThreadGroup>, "kind">;

/** JMeter's core Thread Group: `threads` users started over `rampUp`, each running `loops` iterations. */
export function threadGroup(props: ThreadGroupProps, ...children: Node[]) {
  return node("threadGroup", props, children);
}
