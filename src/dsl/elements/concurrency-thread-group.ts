import { z } from "zod";
import { duration, fnArg, int, type JMeterExpr } from "../expr.js";
import { element, node, PLUGINS, SCOPED, type ElementDef, type Node } from "../node.js";
import { ON_ERROR } from "./thread-group.js";

/** fields the casutg thread groups (Concurrency, Arrivals) share; durations in seconds */
export const dynamicFields = {
  /** time to reach the target @default 0 */
  rampUp: duration("s").default(0),
  /** ramp in this many steps; 0 ramps linearly @default 0 */
  steps: int(0).default(0),
  /** time to stay at the target after the ramp @default 0 */
  hold: duration("s").default(0),
  /** iterations per thread; none is unlimited @default none */
  iterations: int(1).optional(),
  /** CSV file logging thread starts and stops @default "" */
  logFilename: z.string().default(""),
  /** @default "continue" */
  onError: z.enum(ON_ERROR).default("continue"),
  /** the plugin's time unit (S or M) @default chosen from the durations (Arrivals: from the rate) */
  unit: z.enum(["S", "M"]).optional(),
};

export const ConcurrencyThreadGroup = element("concurrencyThreadGroup", "bzm - Concurrency Thread Group", {
  /** threads to keep running, or `tstFeedback(...)` @default 1 */
  target: int(1).default(1),
  ...dynamicFields,
});

export const def = { schema: ConcurrencyThreadGroup, category: "threadGroup", contains: SCOPED, plugin: PLUGINS.casutg } satisfies ElementDef;

export type ConcurrencyThreadGroupProps = Omit<z.input<typeof ConcurrencyThreadGroup>, "kind">;

/** jmeter-plugins Concurrency Thread Group: keeps `target` threads running, ramped over `rampUp` in `steps`, for `hold`. */
export function concurrencyThreadGroup(props: ConcurrencyThreadGroupProps, ...children: Node[]) {
  return node("concurrencyThreadGroup", props, children);
}

/** `${__tstFeedback(timer,start,max,spare)}`: a Concurrency target that follows a Throughput Shaping Timer's need; spare < 1 is a ratio */
export function tstFeedback(timerName: string, start: number, max: number, spare = 0.1): JMeterExpr {
  return `\${__tstFeedback(${fnArg(timerName)},${start},${max},${spare})}` as JMeterExpr;
}

export const TST_FEEDBACK = /^\$\{__tstFeedback\(((?:[^,\\]|\\.)*),(\d+),(\d+),(\d+(?:\.\d+)?)\)\}$/;
