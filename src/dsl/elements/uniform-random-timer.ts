import type { z } from "zod";
import { duration } from "../expr.js";
import { element, node, type ElementDef } from "../node.js";

export const UniformRandomTimer = element("uniformRandomTimer", "Uniform Random Timer", {
  /** ms always waited (read once per controller iteration) @default 0 */
  offset: duration("ms").default(0),
  /** ms of uniform random delay added per sample, [0, range) @default 100 */
  range: duration("ms").default(100),
});

export const def = { schema: UniformRandomTimer, category: "timer" } satisfies ElementDef;

export type UniformRandomTimerProps = Omit<z.input<typeof UniformRandomTimer>, "kind">;

/** A Uniform Random Timer: `offset + random(0, range)` ms before each sampler in scope. */
export function uniformRandomTimer(props: UniformRandomTimerProps = {}) {
  return node("uniformRandomTimer", props);
}
