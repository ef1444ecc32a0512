import { z } from "zod";
import { element, node, type ElementDef, type Node } from "../node.js";

/** the root: global variables, how thread groups run, and how many engines share the load */
export const TestPlan = element("testPlan", "Test Plan", {
  /** User Defined Variables, in order @default {} */
  variables: z.record(z.string(), z.union([z.string(), z.number()]).transform(String)).default({}),
  /** run thread groups one after another @default false */
  serializeThreadGroups: z.boolean().default(false),
  /** run tearDown groups after a shutdown @default true */
  tearDownOnShutdown: z.boolean().default(true),
  /** @default false */
  functionalMode: z.boolean().default(false),
  /**
   * how many JMeter engines run this plan at once (distributed mode); thread counts and target
   * rates are divided by it so the total is what the plan says @default 1
   */
  engines: z.number().int().min(1).default(1),
  /** documentation of the plan's `__P` knobs: property name to what it controls @default {} */
  knobs: z.record(z.string(), z.string()).default({}),
  /** rate limits the API is known to enforce, for lint and analysis @default [] */
  declaredLimits: z
    .array(
      z.object({
        /** labels (sampler names) the limit applies to; empty means all */
        labels: z.array(z.string()).default([]),
        /** requests per second it lets through */
        requestsPerSecond: z.number().positive(),
        /** where the figure comes from */
        source: z.string().default(""),
      }),
    )
    .default([]),
});

export const def = { schema: TestPlan, category: "testPlan", contains: ["threadGroup", "config", "timer", "preProcessor", "postProcessor", "assertion", "listener"] } satisfies ElementDef;

export type TestPlanProps = Omit<z.input<typeof TestPlan>, "kind">;

/** The plan a `plans/<name>.plan.ts` file exports by default. */
export function testPlan(props: TestPlanProps, ...children: Node[]) {
  return node("testPlan", props, children);
}
