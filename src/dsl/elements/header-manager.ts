import { z } from "zod";
import { element, node, type ElementDef } from "../node.js";

export const HeaderManager = element("headerManager", "HTTP Header Manager", {
  /** header name to value, in order; values may hold `${...}` */
  headers: z.record(z.string(), z.string()).refine((h) => Object.keys(h).every((k) => k.trim() !== ""), "expected header names, got an empty one"),
});

export const def = { schema: HeaderManager, category: "config" } satisfies ElementDef;

export type HeaderManagerProps = Omit<z.input<typeof HeaderManager>, "kind">;

/** An HTTP Header Manager: headers added to every HTTP request (and WebSocket upgrade) in scope. */
export function headerManager(props: HeaderManagerProps) {
  return node("headerManager", props);
}
