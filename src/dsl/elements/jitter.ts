import { z } from "zod";
import { duration } from "../expr.js";
import { element, node, type ElementDef } from "../node.js";

export const Jitter = element("jitter", "Jitter", {
  /** ms, inclusive */
  min: duration("ms"),
  /** ms, inclusive */
  max: duration("ms"),
  /** also store each delay in this variable @default none */
  variable: z.string().regex(/^[A-Za-z_][\w.-]*$/, "a JMeter variable name").optional(),
}).superRefine((el, ctx) => {
  if (typeof el.min === "number" && typeof el.max === "number" && el.min > el.max) {
    ctx.addIssue({ code: "custom", path: ["max"], message: `expected max >= min (${el.min} ms), got ${el.max} ms` });
  }
});

export const def = { schema: Jitter, category: "timer" } satisfies ElementDef;

export type JitterProps = Omit<z.input<typeof Jitter>, "kind">;

/** A fresh random delay of `min`..`max` ms (`__Random`) before every sampler in its scope. */
export function jitter(props: JitterProps) {
  return node("jitter", props);
}
