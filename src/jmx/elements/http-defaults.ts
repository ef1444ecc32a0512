import type { Emitter } from "../context.js";
import { comments, optText } from "../common.js";
import { attrs, coll, elem, str, text } from "../tree.js";

export const emit: Emitter<"httpDefaults"> = (el) => [
  {
    element: {
      tag: "ConfigTestElement",
      attrs: attrs("ConfigTestElement", "HttpDefaultsGui", el),
      props: [
        elem("HTTPsampler.Arguments", "Arguments", [coll("Arguments.arguments", [])], {
          guiclass: "HTTPArgumentsPanel",
          testclass: "Arguments",
          testname: "User Defined Variables",
          enabled: true,
        }),
        str("HTTPSampler.domain", el.host),
        str("HTTPSampler.port", text(el.port)),
        str("HTTPSampler.protocol", el.protocol),
        str("HTTPSampler.contentEncoding", el.contentEncoding),
        str("HTTPSampler.path", el.path),
        str("HTTPSampler.concurrentPool", "6"),
        str("HTTPSampler.connect_timeout", optText(el.connectTimeout)),
        str("HTTPSampler.response_timeout", optText(el.responseTimeout)),
        ...comments(el),
      ],
    },
    tree: [],
  },
];
