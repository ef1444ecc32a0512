import type { Emitter } from "../context.js";
import { attrs, bool, coll, elem, intp, listHashCode, str, strings, text } from "../tree.js";

const UTG = "kg.apc.jmeter.threads.UltimateThreadGroup";

export const emit: Emitter<"ultimateThreadGroup"> = (el, ctx) => {
  const rows = el.rows.map((r) => {
    const values = [ctx.perEngine(r.threads, true), r.initialDelay, r.startup, r.hold, r.shutdown].map(text);
    return strings(String(listHashCode(values)), values);
  });
  return [
    {
      element: {
        tag: UTG,
        attrs: attrs(UTG, `${UTG}Gui`, el),
        props: [
          coll("ultimatethreadgroupdata", rows),
          elem("ThreadGroup.main_controller", "LoopController", [bool("LoopController.continue_forever", false), intp("LoopController.loops", -1)], {
            guiclass: "LoopControlPanel",
            testclass: "LoopController",
            testname: "Loop Controller",
            enabled: true,
          }),
          str("ThreadGroup.on_sample_error", el.onError),
        ],
      },
      tree: ctx.emit(el.children),
    },
  ];
};
