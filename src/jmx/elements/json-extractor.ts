import type { Emitter } from "../context.js";
import { comments, scopeProps } from "../common.js";
import { attrs, bool, str, text } from "../tree.js";

export const emit: Emitter<"jsonExtractor"> = (el) => [
  {
    element: {
      tag: "JSONPostProcessor",
      attrs: attrs("JSONPostProcessor", "JSONPostProcessorGui", el),
      props: [
        ...scopeProps(el.scope),
        str("JSONPostProcessor.referenceNames", el.variable),
        str("JSONPostProcessor.jsonPathExprs", el.path),
        str("JSONPostProcessor.match_numbers", text(el.match)),
        ...(el.defaultValue ? [str("JSONPostProcessor.defaultValues", el.defaultValue)] : []),
        ...(el.concat ? [bool("JSONPostProcessor.compute_concat", true)] : []),
        ...comments(el),
      ],
    },
    tree: [],
  },
];
