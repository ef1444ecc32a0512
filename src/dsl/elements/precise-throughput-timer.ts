import type { z } from "zod";
import { duration, int, num } from "../expr.js";
import { element, node, type ElementDef } from "../node.js";

export const PreciseThroughputTimer = element("preciseThroughputTimer", "Precise Throughput Timer", {
  /** samples per `period` for the thread group (the whole plan's; divided per engine) @default 100 */
  throughput: num(0).default(100),
  /** seconds that `throughput` is counted over @default 3600 */
  period: duration("s").default(3600),
  /** seconds the schedule lasts @default 3600 */
  duration: duration("s").default(3600),
  /** samples released together @default 1 */
  batchSize: int(1).default(1),
  /** ms between the threads of a batch @default 0 */
  batchThreadDelay: duration("ms").default(0),
  /** exact schedule for up to this many samples @default 10000 */
  exactLimit: int(0).default(10000),
  /** allowed surplus over the target throughput @default 1 */
  allowedSurplus: num(0).default(1),
  /** 0 picks a new seed each run @default 0 */
  randomSeed: int(0).default(0),
});

export const def = { schema: PreciseThroughputTimer, category: "timer" } satisfies ElementDef;

export type PreciseThroughputTimerProps = Omit<z.input<typeof PreciseThroughputTimer>, "kind">;

/** A Precise Throughput Timer: Poisson arrivals at `throughput` per `period` for its thread group. */
export function preciseThroughputTimer(props: PreciseThroughputTimerProps = {}) {
  return node("preciseThroughputTimer", props);
}
