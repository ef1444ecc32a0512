import type { Emitter } from "../context.js";
import { attrs } from "../tree.js";

export const emit: Emitter<"simpleController"> = (el, ctx) => [
  { element: { tag: "GenericController", attrs: attrs("GenericController", "LogicControllerGui", el), props: [] }, tree: ctx.emit(el.children) },
];
