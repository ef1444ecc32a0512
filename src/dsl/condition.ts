import { z } from "zod";
import { groovy, jexl, parensBalance } from "./expr.js";

/** a controller condition: a Groovy or JEXL expression (wrapped in __groovy / __jexl3), or JMeter text as it is */
export const conditionFields = {
  /** Groovy expression, e.g. `vars.get("status") == "OK"` @default none */
  groovy: z.string().optional(),
  /** JEXL expression, e.g. `vars.get("n") < 3` @default none */
  jexl: z.string().optional(),
  /** the condition text as JMeter takes it, e.g. `${done}` @default none */
  condition: z.string().optional(),
};

type Cond = { groovy?: string | undefined; jexl?: string | undefined; condition?: string | undefined };

export function conditionCheck(el: Cond, ctx: z.RefinementCtx, required: boolean): void {
  const given = (["groovy", "jexl", "condition"] as const).filter((k) => el[k] !== undefined);
  if (given.length > 1) ctx.addIssue({ code: "custom", path: [given[1]!], message: `expected one of groovy, jexl or condition, got ${given.join(" and ")}` });
  if (required && given.length === 0) ctx.addIssue({ code: "custom", path: ["groovy"], message: "expected a condition: groovy, jexl or condition" });
  for (const k of ["groovy", "jexl"] as const) {
    const s = el[k];
    if (s !== undefined && !parensBalance(s)) ctx.addIssue({ code: "custom", path: [k], message: "expected balanced parentheses outside ${...}: JMeter's function parser ends the call at an unmatched \")\"" });
  }
}

/** the condition property's text */
export function conditionText(el: Cond): string {
  if (el.groovy !== undefined) return groovy(el.groovy);
  if (el.jexl !== undefined) return jexl(el.jexl);
  return el.condition ?? "";
}
