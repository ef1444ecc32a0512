import { arrivalsUnit } from "../../dsl/elements/arrivals-thread-group.js";
import type { Emitter } from "../context.js";
import { scale } from "../scale.js";
import { attrs, str, text } from "../tree.js";
import { dynamicProps } from "./concurrency-thread-group.js";

const ATG = "com.blazemeter.jmeter.threads.arrivals.ArrivalsThreadGroup";

export const emit: Emitter<"arrivalsThreadGroup"> = (el, ctx) => {
  const engines = ctx.plan.engines;
  const u = arrivalsUnit(el.rate, engines, el.unit);
  if ("error" in u) throw new Error(`${el.name}: ${u.error}`);
  const level = scale(el.rate, u.unit === "M" ? 60 : 1, engines, true);
  const limit = el.concurrencyLimit === 0 ? 0 : ctx.perEngine(el.concurrencyLimit, true);
  return [
    {
      element: { tag: ATG, attrs: attrs(ATG, `${ATG}Gui`, el), props: [...dynamicProps(el, level, u.unit), str("ConcurrencyLimit", text(limit))] },
      tree: ctx.emit(el.children),
    },
  ];
};
