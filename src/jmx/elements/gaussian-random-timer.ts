import type { Emitter } from "../context.js";
import { attrs, str, text } from "../tree.js";
import { doubleText } from "./uniform-random-timer.js";

export const emit: Emitter<"gaussianRandomTimer"> = (el) => [
  {
    element: {
      tag: "GaussianRandomTimer",
      attrs: attrs("GaussianRandomTimer", "GaussianRandomTimerGui", el),
      props: [str("ConstantTimer.delay", text(el.offset)), str("RandomTimer.range", doubleText(el.deviation))],
    },
    tree: [],
  },
];
