import type { Emitter } from "../context.js";
import { attrs, bool } from "../tree.js";

// includeTimers is true when absent, so it is always written
export const emit: Emitter<"transactionController"> = (el, ctx) => [
  {
    element: {
      tag: "TransactionController",
      attrs: attrs("TransactionController", "TransactionControllerGui", el),
      props: [bool("TransactionController.parent", el.parent), bool("TransactionController.includeTimers", el.includeTimers)],
    },
    tree: ctx.emit(el.children),
  },
];
