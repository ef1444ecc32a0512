import { z } from "zod";
import { duration, int } from "../expr.js";
import { element, node, SAMPLER_CHILDREN, type ElementDef, type Node } from "../node.js";

const body = z.discriminatedUnion("type", [
  /** a JSON document, serialised with sorted-as-written keys; sets Content-Type unless headers do */
  z.object({ type: z.literal("json"), value: z.unknown() }),
  /** text sent as it is */
  z.object({ type: z.literal("raw"), value: z.string(), contentType: z.string().optional() }),
  /** url-encoded form fields, in order */
  z.object({ type: z.literal("form"), fields: z.record(z.string(), z.union([z.string(), z.number()]).transform(String)) }),
]);

/** a port, or "" for "take it from the defaults" */
export const portOrEmpty = z.union([z.number(), z.string()]).transform((v, ctx): number | string => {
  if (v === "") return "";
  const r = int(1).safeParse(v);
  if (r.success) return r.data;
  ctx.addIssue({ code: "custom", message: r.error.issues[0]?.message ?? "expected a port" });
  return z.NEVER;
});

export const HttpRequest = element("httpRequest", "HTTP Request", {
  /** @default "GET" */
  method: z.string().regex(/^[A-Z]+$|^\$\{.+\}$/, "an upper-case HTTP method or \"${...}\"").default("GET"),
  /** "http" or "https"; empty takes HTTP Request Defaults @default "" */
  protocol: z.string().default(""),
  /** empty takes HTTP Request Defaults @default "" */
  host: z.string().default(""),
  /** empty takes the defaults or the protocol's port @default "" */
  port: portOrEmpty.default(""),
  /** path, may include a query string already */
  path: z.string().default("/"),
  /** query parameters appended to the path, in order @default {} */
  query: z.record(z.string(), z.union([z.string(), z.number()]).transform(String)).default({}),
  /** request headers, written as an HTTP Header Manager under the sampler @default {} */
  headers: z.record(z.string(), z.string()).default({}),
  /** @default none */
  body: body.optional(),
  /** ms; empty takes HTTP Request Defaults @default none */
  connectTimeout: duration("ms").optional(),
  /** ms; empty takes HTTP Request Defaults @default none */
  responseTimeout: duration("ms").optional(),
  /** @default true */
  keepAlive: z.boolean().default(true),
  /** follow redirects as separate samples @default true */
  followRedirects: z.boolean().default(true),
  /** let HttpClient follow redirects inside one sample @default false */
  autoRedirects: z.boolean().default(false),
  /** @default "UTF-8" */
  contentEncoding: z.string().default("UTF-8"),
}).refine((el) => !(el.followRedirects && el.autoRedirects), {
  message: "followRedirects and autoRedirects exclude each other; set one of them to false",
  path: ["autoRedirects"],
});

export const def = { schema: HttpRequest, category: "sampler", contains: SAMPLER_CHILDREN } satisfies ElementDef;

export type HttpRequestProps = Omit<z.input<typeof HttpRequest>, "kind">;

/** An HTTP Request sampler (HTTPSamplerProxy, HttpClient4). */
export function httpRequest(props: HttpRequestProps, ...children: Node[]) {
  return node("httpRequest", props, children);
}

type Shortcut = Omit<HttpRequestProps, "method" | "path">;
const verb = (method: string) => (path: string, props: Shortcut = {}, ...children: Node[]) =>
  httpRequest({ name: `${method} ${path}`, ...props, method, path }, ...children);

/** `http.post("/api/x", { body: { type: "json", value: {...} } })` and friends */
export const http = {
  get: verb("GET"),
  post: verb("POST"),
  put: verb("PUT"),
  patch: verb("PATCH"),
  delete: verb("DELETE"),
  head: verb("HEAD"),
  options: verb("OPTIONS"),
};
