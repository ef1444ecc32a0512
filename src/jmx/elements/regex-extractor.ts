import { USE_FIELD } from "../../dsl/fields.js";
import type { Emitter } from "../context.js";
import { comments, scopeProps } from "../common.js";
import { attrs, bool, str, text } from "../tree.js";

export const emit: Emitter<"regexExtractor"> = (el) => [
  {
    element: {
      tag: "RegexExtractor",
      attrs: attrs("RegexExtractor", "RegexExtractorGui", el),
      props: [
        ...scopeProps(el.scope),
        str("RegexExtractor.useHeaders", USE_FIELD[el.field]),
        str("RegexExtractor.refname", el.variable),
        str("RegexExtractor.regex", el.regex),
        str("RegexExtractor.template", el.template),
        str("RegexExtractor.default", el.defaultValue),
        ...(el.emptyDefault ? [bool("RegexExtractor.default_empty_value", true)] : []),
        str("RegexExtractor.match_number", text(el.match)),
        ...comments(el),
      ],
    },
    tree: [],
  },
];
