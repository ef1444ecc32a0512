import { USE_FIELD } from "../../dsl/fields.js";
import type { Emitter } from "../context.js";
import { comments, scopeProps } from "../common.js";
import { attrs, bool, str, text } from "../tree.js";

export const emit: Emitter<"boundaryExtractor"> = (el) => [
  {
    element: {
      tag: "BoundaryExtractor",
      attrs: attrs("BoundaryExtractor", "BoundaryExtractorGui", el),
      props: [
        ...scopeProps(el.scope),
        str("BoundaryExtractor.useHeaders", USE_FIELD[el.field]),
        str("BoundaryExtractor.refname", el.variable),
        str("BoundaryExtractor.lboundary", el.left),
        str("BoundaryExtractor.rboundary", el.right),
        str("BoundaryExtractor.default", el.defaultValue),
        bool("BoundaryExtractor.default_empty_value", el.emptyDefault),
        str("BoundaryExtractor.match_number", text(el.match)),
        ...comments(el),
      ],
    },
    tree: [],
  },
];
