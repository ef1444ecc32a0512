import type { Emitter } from "../context.js";
import { comments } from "../common.js";
import { attrs, bool, coll, str } from "../tree.js";

export const emit: Emitter<"cookieManager"> = (el) => [
  {
    element: {
      tag: "CookieManager",
      attrs: attrs("CookieManager", "CookiePanel", el),
      props: [
        coll("CookieManager.cookies", []),
        bool("CookieManager.clearEachIteration", el.clearEachIteration),
        bool("CookieManager.controlledByThreadGroup", el.controlledByThreadGroup),
        ...(el.policy === "standard" ? [] : [str("CookieManager.policy", el.policy)]),
        ...comments(el),
      ],
    },
    tree: [],
  },
];
