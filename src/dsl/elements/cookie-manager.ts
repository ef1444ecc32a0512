import { z } from "zod";
import { element, node, type ElementDef } from "../node.js";

export const CookieManager = element("cookieManager", "HTTP Cookie Manager", {
  /** forget cookies at the start of each thread-group iteration @default false */
  clearEachIteration: z.boolean().default(false),
  /** let the thread group's "same user on each iteration" decide when to clear @default false */
  controlledByThreadGroup: z.boolean().default(false),
  /** HttpClient 4 cookie policy @default "standard" */
  policy: z.enum(["standard", "standard-strict", "ignoreCookies", "netscape", "default", "rfc2109", "rfc2965", "best-match", "compatibility"]).default("standard"),
});

export const def = { schema: CookieManager, category: "config" } satisfies ElementDef;

export type CookieManagerProps = Omit<z.input<typeof CookieManager>, "kind">;

/** An HTTP Cookie Manager: each thread keeps the cookies its responses set. */
export function cookieManager(props: CookieManagerProps = {}) {
  return node("cookieManager", props);
}
