import { CALC_MODES } from "../../dsl/elements/constant-throughput-timer.js";
import type { Emitter } from "../context.js";
import { attrs, dbl, intp, str, type Prop } from "../tree.js";

/** a TestBean double: doubleProp for a number, stringProp for an expression (converted at run time) */
export const beanDouble = (name: string, v: number | string): Prop => (typeof v === "number" ? dbl(name, v) : str(name, v));

export const emit: Emitter<"constantThroughputTimer"> = (el, ctx) => {
  // per thread, the rate does not add up across engines; in the other modes it does
  const perMinute = el.calcMode === "thisThread" ? el.perMinute : ctx.perEngine(el.perMinute);
  return [
    {
      element: {
        tag: "ConstantThroughputTimer",
        attrs: attrs("ConstantThroughputTimer", "TestBeanGUI", el),
        props: [intp("calcMode", CALC_MODES.indexOf(el.calcMode)), beanDouble("throughput", perMinute)],
      },
      tree: [],
    },
  ];
};
