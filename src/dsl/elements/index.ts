// the element table: one line per kind; emitters in src/jmx/elements mirror it
import type { z } from "zod";
import type { ElementDef } from "../node.js";
import * as testPlan from "./test-plan.js";
import * as threadGroup from "./thread-group.js";
import * as httpRequest from "./http-request.js";

export const elements = {
  testPlan: testPlan.def,
  threadGroup: threadGroup.def,
  httpRequest: httpRequest.def,
} satisfies Record<string, ElementDef>;

export type Kind = keyof typeof elements;

/** a validated element of kind K, with defaults filled in and validated children */
export type Out<K extends Kind> = z.output<(typeof elements)[K]["schema"]> & WithChildren;

export interface WithChildren {
  children: Element[];
}

/** any validated element */
export type Element = { [K in Kind]: Out<K> }[Kind];

export function isKind(kind: string): kind is Kind {
  return Object.hasOwn(elements, kind);
}
