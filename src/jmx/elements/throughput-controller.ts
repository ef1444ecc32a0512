import type { Emitter } from "../context.js";
import { attrs, bool, flt, intp, str, text, type Prop } from "../tree.js";

// the GUI writes all four properties; an expression goes in a stringProp, parsed at run time
export const emit: Emitter<"throughputController"> = (el, ctx) => {
  const percent = el.percent ?? 100;
  const total = el.total === undefined ? 1 : el.perThread ? el.total : ctx.perEngine(el.total, true);
  const max: Prop = typeof total === "number" ? intp("ThroughputController.maxThroughput", total) : str("ThroughputController.maxThroughput", total);
  const pct: Prop = typeof percent === "number" ? flt("ThroughputController.percentThroughput", percent) : str("ThroughputController.percentThroughput", text(percent));
  return [
    {
      element: {
        tag: "ThroughputController",
        attrs: attrs("ThroughputController", "ThroughputControllerGui", el),
        props: [intp("ThroughputController.style", el.percent === undefined ? 0 : 1), bool("ThroughputController.perThread", el.perThread), max, pct],
      },
      tree: ctx.emit(el.children),
    },
  ];
};
