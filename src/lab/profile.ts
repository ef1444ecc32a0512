// a lab profile: routes, limiters and server limits; one zod declaration for JSON and TypeScript profiles
import { z } from "zod";
import { limiter } from "./limiters/index.js";
import { STYLES } from "./reject.js";
import { dist, ms } from "./values.js";

const METHOD = /^(\*|[A-Z]+)$/;
const routeCommon = {
  name: z.string().regex(/^[A-Za-z0-9_.-]+$/, "expected a name of letters, digits, _ . -"),
  /** "/items/{id}" matches one segment per {name}; a trailing "/*" matches the rest */
  path: z.string().regex(/^\/[^\s?#]*$/, 'expected a path like "/api/items/{id}"'),
  /** extra headers on accepted answers @default {} */
  headers: z.record(z.string(), z.string()).default({}),
};

const httpRoute = z.strictObject({
  ...routeCommon,
  kind: z.literal("http"),
  /** "GET", "POST", ... or "*" @default "GET" */
  method: z.string().transform((m) => m.toUpperCase()).pipe(z.string().regex(METHOD, 'expected an HTTP method or "*"')).default("GET"),
  /** @default 200 */
  status: z.number().int().min(200).max(599).default(200),
  /** text, or JSON; "{{uuid}}", "{{seq}}" and "{{param.NAME}}" are filled in per answer @default {"ok": true} */
  body: z.unknown().default({ ok: true }),
  /** time before answering @default 0 */
  latency: dist.default({ kind: "fixed", ms: 0 }),
});

const wsRoute = z.strictObject({
  ...routeCommon,
  kind: z.literal("websocket"),
  /** send every message back @default true */
  echo: z.boolean().default(true),
  /** a server-pushed frame every so often @default never */
  pushEvery: ms.optional(),
  /** the pushed frame's text; "{{seq}}" and "{{param.NAME}}" are filled in @default a small JSON event */
  push: z.string().default('{"event":"frame","seq":{{seq}}}'),
  /** close the session (1000) after this long @default never */
  closeAfter: ms.optional(),
  /** time before the 101 answer @default 0 */
  latency: dist.default({ kind: "fixed", ms: 0 }),
});

/** a route: plain HTTP (the default kind) or a WebSocket upgrade (always GET) */
export const route = z.preprocess(
  (v) => (v && typeof v === "object" && !Array.isArray(v) && !("kind" in v) ? { ...v, kind: "http" } : v),
  z.discriminatedUnion("kind", [httpRoute, wsRoute]),
);

const serverLimits = z.strictObject({
  /** larger request heads get 431 @default 16384 */
  maxHeaderBytes: z.number().int().min(1024).default(16_384),
  /** larger bodies get 413 @default 1048576 */
  maxBodyBytes: z.number().int().positive().default(1_048_576),
  /** larger WebSocket messages close the session (1009) @default 1048576 */
  maxMessageBytes: z.number().int().positive().default(1_048_576),
  /** a client that has not sent its whole request head by then gets 408 @default "10s" */
  headersTimeout: ms.default(10_000),
  /** idle keep-alive connections close after this @default "5s" */
  keepAliveTimeout: ms.default(5_000),
  /** @default 20000 */
  maxConnections: z.number().int().positive().default(20_000),
});

export const profile = z
  .strictObject({
    name: z.string().default("custom"),
    /** what the profile models and why its numbers were chosen @default "" */
    description: z.string().default(""),
    /** the header a request's tenant is read from @default "authorization" */
    tenantHeader: z.string().transform((h) => h.toLowerCase()).default("authorization"),
    /** header and body style of answers @default "plain" */
    style: z.enum(STYLES).default("plain"),
    /** seeds latency and hold draws @default 1 */
    seed: z.number().int().default(1),
    /** per limiter, the most tenants whose state is kept; the least recently seen is forgotten @default 10000 */
    maxTenants: z.number().int().positive().default(10_000),
    routes: z.array(route).min(1),
    /** checked in this order; the first that says no decides @default [] */
    limiters: z.array(limiter).default([]),
    server: serverLimits.default(serverLimits.parse({})),
  })
  .superRefine((p, ctx) => {
    const names = new Set<string>();
    p.routes.forEach((r, i) => {
      if (names.has(r.name)) ctx.addIssue({ code: "custom", path: ["routes", i, "name"], message: `route name ${JSON.stringify(r.name)} is used twice` });
      names.add(r.name);
    });
    const lims = new Set<string>();
    p.limiters.forEach((l, i) => {
      if (lims.has(l.name)) ctx.addIssue({ code: "custom", path: ["limiters", i, "name"], message: `limiter name ${JSON.stringify(l.name)} is used twice` });
      lims.add(l.name);
      if (l.routes === "*") return;
      l.routes.forEach((r, j) => {
        if (!names.has(r)) ctx.addIssue({ code: "custom", path: ["limiters", i, "routes", j], message: `no route named ${JSON.stringify(r)}; routes are ${[...names].join(", ")}` });
      });
    });
  });

/** what profile authors write (defaults optional) */
export type ProfileInput = z.input<typeof profile>;
/** a validated profile, defaults filled in */
export type Profile = z.output<typeof profile>;
export type Route = Profile["routes"][number];

/** Type a profile written in TypeScript; the identity function. */
export const defineProfile = (p: ProfileInput): ProfileInput => p;
