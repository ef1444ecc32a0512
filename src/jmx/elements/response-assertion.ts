import { RULE, TEST_FIELD } from "../../dsl/elements/response-assertion.js";
import type { Emitter } from "../context.js";
import { comments, scopeProps } from "../common.js";
import { attrs, bool, intp, str, strings } from "../tree.js";

const NOT = 4;
const OR = 32;

export const emit: Emitter<"responseAssertion"> = (el) => [
  {
    element: {
      tag: "ResponseAssertion",
      attrs: attrs("ResponseAssertion", "AssertionGui", el),
      props: [
        ...scopeProps(el.scope),
        // "Asserion" is JMeter's own spelling of this property
        strings("Asserion.test_strings", el.patterns),
        str("Assertion.custom_message", el.message),
        str("Assertion.test_field", TEST_FIELD[el.field]),
        bool("Assertion.assume_success", el.assumeSuccess),
        intp("Assertion.test_type", RULE[el.rule] | (el.not ? NOT : 0) | (el.any ? OR : 0)),
        ...comments(el),
      ],
    },
    tree: [],
  },
];
