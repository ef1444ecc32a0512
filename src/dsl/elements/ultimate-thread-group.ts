import { z } from "zod";
import { duration, int } from "../expr.js";
import { element, node, PLUGINS, SCOPED, type ElementDef, type Node } from "../node.js";
import { ON_ERROR } from "./thread-group.js";

/** one schedule row; all durations in seconds */
export const UtgRow = z.strictObject({
  /** threads this row starts */
  threads: int(1),
  /** wait before starting them @default 0 */
  initialDelay: duration("s").default(0),
  /** time to start them all @default 0 */
  startup: duration("s").default(0),
  /** time they keep running */
  hold: duration("s"),
  /** time to stop them all @default 0 */
  shutdown: duration("s").default(0),
});

export const UltimateThreadGroup = element("ultimateThreadGroup", "jp@gc - Ultimate Thread Group", {
  /** schedule rows, each adding its threads on top of the others' */
  rows: z.array(UtgRow).min(1, "expected at least one schedule row"),
  /** @default "continue" */
  onError: z.enum(ON_ERROR).default("continue"),
});

export const def = { schema: UltimateThreadGroup, category: "threadGroup", contains: SCOPED, plugin: PLUGINS.casutg } satisfies ElementDef;

export type UltimateThreadGroupProps = Omit<z.input<typeof UltimateThreadGroup>, "kind">;

/** jmeter-plugins Ultimate Thread Group: threads follow a schedule of rows (threads, delay, startup, hold, shutdown). */
export function ultimateThreadGroup(props: UltimateThreadGroupProps, ...children: Node[]) {
  return node("ultimateThreadGroup", props, children);
}
