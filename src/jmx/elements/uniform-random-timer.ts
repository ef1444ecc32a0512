import type { Emitter } from "../context.js";
import { attrs, str, text } from "../tree.js";

/** RandomTimer.range as the GUI writes it: a Java double */
export const doubleText = (v: number | string) => (typeof v === "number" && Number.isInteger(v) ? `${v}.0` : text(v));

export const emit: Emitter<"uniformRandomTimer"> = (el) => [
  {
    element: {
      tag: "UniformRandomTimer",
      attrs: attrs("UniformRandomTimer", "UniformRandomTimerGui", el),
      props: [str("ConstantTimer.delay", text(el.offset)), str("RandomTimer.range", doubleText(el.range))],
    },
    tree: [],
  },
];
