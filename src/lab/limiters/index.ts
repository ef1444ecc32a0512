// the limiter table: one line per kind; the profile schema and the server dispatch through it
import { z } from "zod";
import { rejection } from "../reject.js";
import * as concurrency from "./concurrency.js";
import * as fixedWindow from "./fixed-window.js";
import type { Gate } from "./gate.js";
import * as slidingLog from "./sliding-log.js";
import * as tokenBucket from "./token-bucket.js";

/** fields every limiter has */
const common = {
  /** names the limiter in answers, the log and the counts */
  name: z.string().regex(/^[A-Za-z0-9_.-]+$/, "expected a name of letters, digits, _ . -"),
  /** route names it applies to, or "*" for every route; several routes share one pool @default "*" */
  routes: z.union([z.literal("*"), z.array(z.string()).min(1)]).default("*"),
  /** what it counts per: the profile's tenant header, one global pool, or another header @default "tenant" */
  key: z.union([z.literal("tenant"), z.literal("global"), z.strictObject({ header: z.string().min(1) })]).default("tenant"),
  /** cost of a request by method (e.g. {"POST": 5}); others cost 1 @default {} */
  cost: z.record(z.string(), z.number().int().positive()).default({}),
  /** @default 429 with an exact Retry-After */
  reject: rejection.default({ status: 429, retryAfter: { policy: "exact" } }),
};

export const limiterKinds = {
  tokenBucket: { schema: z.strictObject({ ...common, ...tokenBucket.fields }), create: tokenBucket.create },
  fixedWindow: { schema: z.strictObject({ ...common, ...fixedWindow.fields }), create: fixedWindow.create },
  slidingLog: { schema: z.strictObject({ ...common, ...slidingLog.fields }), create: slidingLog.create },
  concurrency: { schema: z.strictObject({ ...common, ...concurrency.fields }), create: concurrency.create },
} satisfies Record<string, { schema: z.ZodType; create: (spec: never, maxKeys: number) => Gate }>;

export const limiter = z.discriminatedUnion("kind", [
  limiterKinds.tokenBucket.schema,
  limiterKinds.fixedWindow.schema,
  limiterKinds.slidingLog.schema,
  limiterKinds.concurrency.schema,
]);
export type LimiterSpec = z.output<typeof limiter>;

/** a limiter's state, made from its spec through the table */
export function createGate(spec: LimiterSpec, maxKeys: number): Gate {
  return (limiterKinds[spec.kind].create as (s: LimiterSpec, m: number) => Gate)(spec, maxKeys);
}

export type { Gate, Verdict } from "./gate.js";
