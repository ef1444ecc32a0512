import { z } from "zod";
import { int } from "../expr.js";
import { element, node, type ElementDef } from "../node.js";

export const CacheManager = element("cacheManager", "HTTP Cache Manager", {
  /** @default false */
  clearEachIteration: z.boolean().default(false),
  /** honour Cache-Control/Expires instead of revalidating @default true */
  useExpires: z.boolean().default(true),
  /** let the thread group's "same user on each iteration" decide when to clear @default false */
  controlledByThreadGroup: z.boolean().default(false),
  /** entries per thread @default 5000 */
  maxSize: int(1).default(5000),
});

export const def = { schema: CacheManager, category: "config" } satisfies ElementDef;

export type CacheManagerProps = Omit<z.input<typeof CacheManager>, "kind">;

/** An HTTP Cache Manager: a per-thread browser cache. */
export function cacheManager(props: CacheManagerProps = {}) {
  return node("cacheManager", props);
}
