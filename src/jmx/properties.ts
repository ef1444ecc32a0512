// the JMeter properties a plan needs at run time, for `jmxplan run`, `review` and the .jmx's first line
import type { Element, Out } from "../dsl/elements/index.js";

function walk(el: Element, visit: (el: Element) => void): void {
  if (!el.enabled) return;
  visit(el);
  for (const c of el.children) walk(c, visit);
}

/** Properties the plan needs passed as `-Jname=value`: `sample_variables` for retryAfter's column. */
export function requiredProperties(plan: Out<"testPlan">): Record<string, string> {
  const columns: string[] = [];
  walk(plan, (el) => {
    if (el.kind === "retryAfter" && !columns.includes(el.variable)) columns.push(el.variable);
  });
  return columns.length ? { sample_variables: columns.join(",") } : {};
}

/** the properties as JMeter command-line flags */
export const propertyFlags = (props: Record<string, string>): string[] => Object.entries(props).map(([k, v]) => `-J${k}=${v}`);
