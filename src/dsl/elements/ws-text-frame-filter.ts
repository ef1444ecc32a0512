import { z } from "zod";
import { element, node, PLUGINS, type ElementDef } from "../node.js";

/** DSL name to the plugin's ComparisonType; "any" matches every text frame */
export const COMPARISON = {
  any: "IsPlain",
  equals: "Equals",
  equalsRegex: "EqualsRegex",
  contains: "Contains",
  containsRegex: "ContainsRegex",
  startsWith: "StartsWith",
  endsWith: "EndsWith",
  notEquals: "NotEquals",
  notEqualsRegex: "NotEqualsRegex",
  notContains: "NotContains",
  notContainsRegex: "NotContainsRegex",
  notStartsWith: "NotStartsWith",
  notEndsWith: "NotEndsWith",
} as const;

export const WsTextFrameFilter = element("wsTextFrameFilter", "Text Frame Filter", {
  /** which text frames are dropped @default "any" */
  comparison: z.enum(Object.keys(COMPARISON) as [keyof typeof COMPARISON, ...(keyof typeof COMPARISON)[]]).default("any"),
  /** the text (or regex) compared @default "" */
  value: z.string().default(""),
}).refine((el) => el.comparison === "any" || el.value !== "", { message: "expected a value to compare frames with", path: ["value"] });

export const def = { schema: WsTextFrameFilter, category: "config", plugin: PLUGINS.websocket } satisfies ElementDef;

export type WsTextFrameFilterProps = Omit<z.input<typeof WsTextFrameFilter>, "kind">;

/** Drop matching text frames before the WebSocket samplers in scope see them (they appear as sub-results). */
export function wsTextFrameFilter(props: WsTextFrameFilterProps = {}) {
  return node("wsTextFrameFilter", props);
}
