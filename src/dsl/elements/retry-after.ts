import { z } from "zod";
import { duration, int } from "../expr.js";
import { element, node, type ElementDef, type Node, type PlanFacts, type PlanIssue } from "../node.js";

const VAR = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const RetryAfter = element("retryAfter", "Retry-After", {
  /** response codes that mean "wait and retry" @default [429, 503] */
  codes: z.array(z.number().int().min(100).max(999)).min(1).default([429, 503]),
  /** retries after the first attempt; the last answer stays failed @default 3 */
  maxRetries: int(0).default(3),
  /** ms to wait when Retry-After is absent or unreadable @default 1000 */
  fallback: duration("ms").default(1000),
  /** the longest wait, whatever Retry-After says (jitter comes on top) @default 60000 */
  cap: duration("ms").default(60_000),
  /** a random extra wait, ms, inclusive @default none */
  jitter: z.strictObject({ min: duration("ms").default(0), max: duration("ms") }).optional(),
  /** variable that holds each governed sample's Retry-After value ("" when none), for `sample_variables` @default "retryAfter" */
  variable: z.string().regex(VAR, "a variable name of letters, digits and _ (it becomes a result-file column)").default("retryAfter"),
}).superRefine((el, ctx) => {
  const j = el.jitter;
  if (j && typeof j.min === "number" && typeof j.max === "number" && j.min > j.max) {
    ctx.addIssue({ code: "custom", path: ["jitter", "max"], message: `expected max >= min (${j.min} ms), got ${j.max} ms` });
  }
});

/** the elements from the plan down to `target`, or undefined when it is not below `nodes` */
function ancestors(nodes: readonly object[], target: object): Record<string, unknown>[] | undefined {
  for (const n of nodes as Record<string, unknown>[]) {
    if (n === target) return [];
    const below = ancestors(Array.isArray(n.children) ? n.children : [], target);
    if (below) return [n, ...below];
  }
  return undefined;
}

// any other on-error action ends the iteration (or more) at the first failed attempt
function needsContinue(el: Record<string, unknown>, plan: PlanFacts): PlanIssue[] {
  const group = ancestors(plan.children, el)?.findLast((a) => typeof a.onError === "string");
  if (!group || group.onError === "continue") return [];
  return [{ message: `retryAfter needs its thread group's onError: "continue"; with "${String(group.onError)}" the first failed attempt ends the iteration before any retry` }];
}

export const def = { schema: RetryAfter, category: "controller", contains: ["sampler"], inPlan: needsContinue } satisfies ElementDef;

export type RetryAfterProps = Omit<z.input<typeof RetryAfter>, "kind">;

/**
 * Retry each sampler while it answers one of `codes`, waiting what `Retry-After` asks (seconds or an
 * HTTP date; else `fallback`; at most `cap`; plus `jitter`), up to `maxRetries` times. Every attempt is
 * a sample of its own. Needs the thread group's `onError: "continue"`: another action ends the
 * iteration at the first failed attempt, as JMeter does for any failure.
 */
export function retryAfter(props: RetryAfterProps, ...samplers: Node[]) {
  return node("retryAfter", props, samplers);
}
