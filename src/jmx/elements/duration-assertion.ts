import type { Emitter } from "../context.js";
import { comments, scopeProps } from "../common.js";
import { attrs, str, text } from "../tree.js";

export const emit: Emitter<"durationAssertion"> = (el) => [
  {
    element: {
      tag: "DurationAssertion",
      attrs: attrs("DurationAssertion", "DurationAssertionGui", el),
      props: [...scopeProps(el.scope), str("DurationAssertion.duration", text(el.max)), ...comments(el)],
    },
    tree: [],
  },
];
