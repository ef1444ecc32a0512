import type { Emitter } from "../context.js";
import { comments } from "../common.js";
import { attrs, bool, intp, str } from "../tree.js";

export const emit: Emitter<"cacheManager"> = (el) => [
  {
    element: {
      tag: "CacheManager",
      attrs: attrs("CacheManager", "CacheManagerGui", el),
      props: [
        bool("clearEachIteration", el.clearEachIteration),
        bool("useExpires", el.useExpires),
        bool("CacheManager.controlledByThread", el.controlledByThreadGroup),
        // an expression needs a stringProp: intProp text is parsed when the file loads
        ...(el.maxSize === 5000 ? [] : [typeof el.maxSize === "number" ? intp("maxSize", el.maxSize) : str("maxSize", el.maxSize)]),
        ...comments(el),
      ],
    },
    tree: [],
  },
];
