import type { z } from "zod";
import { duration } from "../expr.js";
import { element, node, type ElementDef } from "../node.js";
import { scope } from "../scope.js";

export const DurationAssertion = element("durationAssertion", "Duration Assertion", {
  /** longest acceptable elapsed time, ms */
  max: duration("ms"),
  scope,
});

export const def = { schema: DurationAssertion, category: "assertion" } satisfies ElementDef;

export type DurationAssertionProps = Omit<z.input<typeof DurationAssertion>, "kind">;

/** A Duration Assertion: fails samples that took longer than `max`. */
export function durationAssertion(props: DurationAssertionProps) {
  return node("durationAssertion", props);
}
