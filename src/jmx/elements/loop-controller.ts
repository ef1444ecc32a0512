import type { Emitter } from "../context.js";
import { attrs, bool, intp, str, text } from "../tree.js";

// a stand-alone loop keeps the constructor's continue_forever=true (only a thread group's main loop is false)
export const emit: Emitter<"loopController"> = (el, ctx) => [
  {
    element: {
      tag: "LoopController",
      attrs: attrs("LoopController", "LoopControlPanel", el),
      props: [bool("LoopController.continue_forever", true), el.loops === "forever" ? intp("LoopController.loops", -1) : str("LoopController.loops", text(el.loops))],
    },
    tree: ctx.emit(el.children),
  },
];
