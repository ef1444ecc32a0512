import type { Emitter } from "../context.js";
import { attrs } from "../tree.js";
import { coreProps } from "./thread-group.js";

export const emit: Emitter<"tearDownThreadGroup"> = (el, ctx) => [
  { element: { tag: "PostThreadGroup", attrs: attrs("PostThreadGroup", "PostThreadGroupGui", el), props: coreProps({ ...el, delayedStart: false }, ctx, false) }, tree: ctx.emit(el.children) },
];
