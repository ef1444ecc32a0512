import type { Emitter } from "../context.js";
import { attrs, str, text } from "../tree.js";

export const emit: Emitter<"constantTimer"> = (el) => [
  { element: { tag: "ConstantTimer", attrs: attrs("ConstantTimer", "ConstantTimerGui", el), props: [str("ConstantTimer.delay", text(el.delay))] }, tree: [] },
];
