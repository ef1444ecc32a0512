import { TST_FEEDBACK } from "../../dsl/elements/concurrency-thread-group.js";
import type { Out } from "../../dsl/elements/index.js";
import type { Context, Emitter } from "../context.js";
import { scale } from "../scale.js";
import { attrs, elem, str, text, type Prop } from "../tree.js";

const CTG = "com.blazemeter.jmeter.threads.concurrency.ConcurrencyThreadGroup";

type Dynamic = Omit<Out<"concurrencyThreadGroup">, "target" | "kind" | "children">;

/** minutes when every literal duration is whole minutes, else seconds */
export function unitFor(...durations: (number | string)[]): "S" | "M" {
  const nums = durations.filter((d): d is number => typeof d === "number");
  return nums.length === durations.length && nums.some((d) => d > 0) && nums.every((d) => d % 60 === 0) ? "M" : "S";
}

/** a duration in seconds written in `unit` */
export const inUnit = (d: number | string, unit: "S" | "M") => text(unit === "S" ? d : scale(d, 1, 60, false));

/** the casutg property list: main controller, on-error, level, ramp, steps, hold, log, iterations, unit */
export function dynamicProps(el: Dynamic, level: number | string, unit: "S" | "M"): Prop[] {
  return [
    elem("ThreadGroup.main_controller", "com.blazemeter.jmeter.control.VirtualUserController", []),
    str("ThreadGroup.on_sample_error", el.onError),
    str("TargetLevel", text(level)),
    str("RampUp", inUnit(el.rampUp, unit)),
    str("Steps", text(el.steps)),
    str("Hold", inUnit(el.hold, unit)),
    str("LogFilename", el.logFilename),
    str("Iterations", el.iterations === undefined ? "" : text(el.iterations)),
    str("Unit", unit),
  ];
}

/** a __tstFeedback target keeps its call; its thread counts are divided per engine instead */
function target(v: number | string, ctx: Context): number | string {
  const m = typeof v === "string" ? TST_FEEDBACK.exec(v) : null;
  if (!m) return ctx.perEngine(v, true);
  const spare = Number(m[4]);
  const n = (s: string) => ctx.perEngine(Number(s), true);
  return `\${__tstFeedback(${m[1]},${n(m[2]!)},${n(m[3]!)},${spare >= 1 ? n(m[4]!) : m[4]})}`;
}

export const emit: Emitter<"concurrencyThreadGroup"> = (el, ctx) => [
  {
    element: { tag: CTG, attrs: attrs(CTG, `${CTG}Gui`, el), props: dynamicProps(el, target(el.target, ctx), el.unit ?? unitFor(el.rampUp, el.hold)) },
    tree: ctx.emit(el.children),
  },
];
