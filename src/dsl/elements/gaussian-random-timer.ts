import type { z } from "zod";
import { duration } from "../expr.js";
import { element, node, type ElementDef } from "../node.js";

export const GaussianRandomTimer = element("gaussianRandomTimer", "Gaussian Random Timer", {
  /** ms mean delay (read once per controller iteration) @default 300 */
  offset: duration("ms").default(300),
  /** ms standard deviation, drawn per sample @default 100 */
  deviation: duration("ms").default(100),
});

export const def = { schema: GaussianRandomTimer, category: "timer" } satisfies ElementDef;

export type GaussianRandomTimerProps = Omit<z.input<typeof GaussianRandomTimer>, "kind">;

/** A Gaussian Random Timer: `|offset + N(0,1) * deviation|` ms before each sampler in scope. */
export function gaussianRandomTimer(props: GaussianRandomTimerProps = {}) {
  return node("gaussianRandomTimer", props);
}
