import { z } from "zod";
import { duration } from "../expr.js";
import { portOrEmpty } from "./http-request.js";
import { element, node, type ElementDef } from "../node.js";

export const HttpDefaults = element("httpDefaults", "HTTP Request Defaults", {
  /** "http" or "https" (or "${...}") @default "" */
  protocol: z.string().default(""),
  /** @default "" */
  host: z.string().default(""),
  /** @default "" */
  port: portOrEmpty.default(""),
  /** path prefix samplers without a path take @default "" */
  path: z.string().default(""),
  /** @default "" */
  contentEncoding: z.string().default(""),
  /** ms @default none */
  connectTimeout: duration("ms").optional(),
  /** ms @default none */
  responseTimeout: duration("ms").optional(),
});

export const def = { schema: HttpDefaults, category: "config" } satisfies ElementDef;

export type HttpDefaultsProps = Omit<z.input<typeof HttpDefaults>, "kind">;

/** HTTP Request Defaults (ConfigTestElement/HttpDefaultsGui): protocol, host, port and timeouts for the samplers in scope. */
export function httpDefaults(props: HttpDefaultsProps) {
  return node("httpDefaults", props);
}
