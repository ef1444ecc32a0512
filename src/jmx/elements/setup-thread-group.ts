import type { Emitter } from "../context.js";
import { attrs } from "../tree.js";
import { coreProps } from "./thread-group.js";

export const emit: Emitter<"setUpThreadGroup"> = (el, ctx) => [
  { element: { tag: "SetupThreadGroup", attrs: attrs("SetupThreadGroup", "SetupThreadGroupGui", el), props: coreProps({ ...el, delayedStart: false }, ctx, false) }, tree: ctx.emit(el.children) },
];
