import type { Emitter } from "../context.js";
import { attrs } from "../tree.js";

export const emit: Emitter<"onceOnlyController"> = (el, ctx) => [
  { element: { tag: "OnceOnlyController", attrs: attrs("OnceOnlyController", "OnceOnlyControllerGui", el), props: [] }, tree: ctx.emit(el.children) },
];
