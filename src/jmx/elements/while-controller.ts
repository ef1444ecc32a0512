import { conditionText } from "../../dsl/condition.js";
import type { Emitter } from "../context.js";
import { attrs, str } from "../tree.js";

export const emit: Emitter<"whileController"> = (el, ctx) => [
  {
    element: { tag: "WhileController", attrs: attrs("WhileController", "WhileControllerGui", el), props: [str("WhileController.condition", conditionText(el))] },
    tree: ctx.emit(el.children),
  },
];
