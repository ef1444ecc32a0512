import { z } from "zod";
import { num } from "../expr.js";
import { element, node, type ElementDef } from "../node.js";

/** calcMode by name, in JMeter's ordinal order */
export const CALC_MODES = ["thisThread", "allThreads", "allThreadsInGroup", "allThreadsShared", "allThreadsInGroupShared"] as const;

export const ConstantThroughputTimer = element("constantThroughputTimer", "Constant Throughput Timer", {
  /** samples per minute (per thread for "thisThread", else the whole plan's, divided per engine) */
  perMinute: num(0),
  /** whose samples the rate counts @default "thisThread" */
  calcMode: z.enum(CALC_MODES).default("thisThread"),
});

export const def = { schema: ConstantThroughputTimer, category: "timer" } satisfies ElementDef;

export type ConstantThroughputTimerProps = Omit<z.input<typeof ConstantThroughputTimer>, "kind">;

/** A Constant Throughput Timer: delays samplers so they run `perMinute` times a minute. */
export function constantThroughputTimer(props: ConstantThroughputTimerProps) {
  return node("constantThroughputTimer", props);
}
