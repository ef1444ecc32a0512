import type { Emitter } from "../context.js";
import { comments } from "../common.js";
import { attrs, coll, elem, str } from "../tree.js";

/** the HeaderManager.headers collection as HeaderPanel writes it */
export const headerList = (headers: Record<string, string>) =>
  coll(
    "HeaderManager.headers",
    Object.entries(headers).map(([k, v]) => elem(k, "Header", [str("Header.name", k), str("Header.value", v)])),
  );

export const emit: Emitter<"headerManager"> = (el) => [
  { element: { tag: "HeaderManager", attrs: attrs("HeaderManager", "HeaderPanel", el), props: [headerList(el.headers), ...comments(el)] }, tree: [] },
];
