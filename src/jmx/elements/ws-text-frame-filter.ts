import { PLUGIN_PREFIX } from "../../dsl/ws.js";
import { COMPARISON } from "../../dsl/elements/ws-text-frame-filter.js";
import type { Emitter } from "../context.js";
import { comments } from "../common.js";
import { attrs, str } from "../tree.js";

const CLS = `${PLUGIN_PREFIX}TextFrameFilter`;

export const emit: Emitter<"wsTextFrameFilter"> = (el) => [
  {
    element: { tag: CLS, attrs: attrs(CLS, `${CLS}Gui`, el), props: [str("comparisonType", COMPARISON[el.comparison]), str("matchValue", el.value), ...comments(el)] },
    tree: [],
  },
];
