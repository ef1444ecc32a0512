import type { z } from "zod";
import { duration } from "../expr.js";
import { element, node, type ElementDef } from "../node.js";

export const ConstantTimer = element("constantTimer", "Constant Timer", {
  /**
   * ms before each sampler in scope. A function here is evaluated once per iteration of the
   * enclosing controller, not per sample: use `jitter()` for a fresh random delay @default 300
   */
  delay: duration("ms").default(300),
});

export const def = { schema: ConstantTimer, category: "timer" } satisfies ElementDef;

export type ConstantTimerProps = Omit<z.input<typeof ConstantTimer>, "kind">;

/** A Constant Timer: the same delay before every sampler in its scope. */
export function constantTimer(props: ConstantTimerProps = {}) {
  return node("constantTimer", props);
}
