// property groups several emitters share
import type { Scope } from "../dsl/scope.js";
import { str, type Prop } from "./tree.js";

/** `TestPlan.comments`, written (last) only when there is a comment, as JMeter does */
export const comments = (el: { comment: string }): Prop[] => (el.comment ? [str("TestPlan.comments", el.comment)] : []);

/** `Sample.scope` of extractors and assertions; absent means the main sample only */
export function scopeProps(scope: Scope): Prop[] {
  if (scope === "main") return [];
  if (typeof scope === "string") return [str("Sample.scope", scope)];
  return [str("Sample.scope", "variable"), str("Scope.variable", scope.variable)];
}

/** a number or expression, or empty when not given */
export const optText = (v: number | string | undefined): string => (v === undefined ? "" : String(v));
