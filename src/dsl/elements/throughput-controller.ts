import { z } from "zod";
import { int, num } from "../expr.js";
import { element, node, SCOPED, type ElementDef, type Node } from "../node.js";

export const ThroughputController = element("throughputController", "Throughput Controller", {
  /** run the children on this percentage of the times it is reached @default none */
  percent: num(0).optional(),
  /** run the children this many times in all (per thread, or per engine when not `perThread`) @default none */
  total: int(0).optional(),
  /** count per thread rather than for all threads @default true */
  perThread: z.boolean().default(true),
}).superRefine((el, ctx) => {
  if ((el.percent === undefined) === (el.total === undefined)) ctx.addIssue({ code: "custom", path: ["percent"], message: "expected exactly one of percent or total" });
  if (typeof el.percent === "number" && el.percent > 100) ctx.addIssue({ code: "custom", path: ["percent"], message: `expected a percentage 0..100, got ${el.percent}` });
});

export const def = { schema: ThroughputController, category: "controller", contains: SCOPED } satisfies ElementDef;

export type ThroughputControllerProps = Omit<z.input<typeof ThroughputController>, "kind">;

/** A Throughput Controller: runs its children a percentage of the time, or a total number of times. */
export function throughputController(props: ThroughputControllerProps, ...children: Node[]) {
  return node("throughputController", props, children);
}
