import type { Emitter } from "../context.js";
import { attrs } from "../tree.js";
import { argumentList } from "./test-plan.js";

export const emit: Emitter<"userDefinedVariables"> = (el) => [
  { element: { tag: "Arguments", attrs: attrs("Arguments", "ArgumentsPanel", el), props: [argumentList(el.variables)] }, tree: [] },
];
