import type { Emitter } from "../context.js";
import { attrs, str, text } from "../tree.js";

export const emit: Emitter<"runtimeController"> = (el, ctx) => [
  { element: { tag: "RunTime", attrs: attrs("RunTime", "RunTimeGui", el), props: [str("RunTime.seconds", text(el.duration))] }, tree: ctx.emit(el.children) },
];
