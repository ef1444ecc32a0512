import { conditionText } from "../../dsl/condition.js";
import type { Emitter } from "../context.js";
import { attrs, bool, str } from "../tree.js";

// useExpression is always on: without it JMeter evaluates the condition as JavaScript
export const emit: Emitter<"ifController"> = (el, ctx) => [
  {
    element: {
      tag: "IfController",
      attrs: attrs("IfController", "IfControllerPanel", el),
      props: [str("IfController.condition", conditionText(el)), bool("IfController.evaluateAll", el.evaluateAll), bool("IfController.useExpression", true)],
    },
    tree: ctx.emit(el.children),
  },
];
