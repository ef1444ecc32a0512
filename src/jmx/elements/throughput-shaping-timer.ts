import { profileRows } from "../../dsl/elements/throughput-shaping-timer.js";
import type { Emitter } from "../context.js";
import { attrs, coll, listHashCode, strings, text } from "../tree.js";

const TST = "kg.apc.jmeter.timers.VariableThroughputTimer";

export const emit: Emitter<"throughputShapingTimer"> = (el, ctx) => {
  const rows = profileRows(el.stages).map((r) => {
    const values = [ctx.perEngine(r.from), ctx.perEngine(r.to), r.duration].map(text);
    return strings(String(listHashCode(values)), values);
  });
  return [{ element: { tag: TST, attrs: attrs(TST, `${TST}Gui`, el), props: [coll("load_profile", rows)] }, tree: [] }];
};
