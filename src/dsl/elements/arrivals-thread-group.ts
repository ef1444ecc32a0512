import { z } from "zod";
import { int, num } from "../expr.js";
import { element, node, PLUGINS, SCOPED, type ElementDef, type Node, type PlanIssue } from "../node.js";
import { dynamicFields } from "./concurrency-thread-group.js";

export const ArrivalsThreadGroup = element("arrivalsThreadGroup", "bzm - Arrivals Thread Group", {
  /** iterations started per second (the whole plan's; divided per engine) */
  rate: num(0),
  ...dynamicFields,
  /** most threads it may run; 0 is unlimited @default 1000 */
  concurrencyLimit: int(0).default(1000),
});

/**
 * TargetLevel is read as an integer per Unit: a whole per-second rate uses S, else a whole
 * per-minute rate uses M; an expression uses M and is scaled at run time.
 */
export function arrivalsUnit(rate: number | string, engines: number, unit?: "S" | "M"): { unit: "S" | "M" } | { error: string } {
  if (typeof rate === "string") return { unit: unit ?? "M" };
  const perSec = rate / engines;
  const whole = (x: number) => Math.abs(x - Math.round(x)) < 1e-9;
  if (unit !== "M" && whole(perSec)) return { unit: "S" };
  if (unit !== "S" && whole(perSec * 60)) return { unit: "M" };
  const each = engines > 1 ? ` per engine (${rate}/s over ${engines} engines)` : "";
  const per = unit === "S" ? "per second (unit S)" : unit === "M" ? "per minute (unit M)" : "per second or per minute";
  return { error: `expected an arrival rate that is a whole number ${per}${each}; got ${Number(perSec.toFixed(6))}/s = ${Number((perSec * 60).toFixed(6))}/min` };
}

export const def = {
  schema: ArrivalsThreadGroup,
  category: "threadGroup",
  contains: SCOPED,
  plugin: PLUGINS.casutg,
  inPlan: (el, plan): PlanIssue[] => {
    const a = el as z.output<typeof ArrivalsThreadGroup>;
    const u = arrivalsUnit(a.rate, plan.engines, a.unit);
    return "error" in u ? [{ path: "rate", message: u.error }] : [];
  },
} satisfies ElementDef;

export type ArrivalsThreadGroupProps = Omit<z.input<typeof ArrivalsThreadGroup>, "kind">;

/** jmeter-plugins Arrivals Thread Group: starts `rate` iterations per second, whatever they take, up to `concurrencyLimit` threads. */
export function arrivalsThreadGroup(props: ArrivalsThreadGroupProps, ...children: Node[]) {
  return node("arrivalsThreadGroup", props, children);
}
