// numbers in lab profiles: durations, rates and latency distributions, with a seeded generator
import { z } from "zod";
import { parseDuration } from "../dsl/expr.js";

const show = (v: unknown) => (typeof v === "string" ? JSON.stringify(v) : String(v));

/** milliseconds: a number of ms, or a duration literal like "250ms", "2s", "1m" */
export const ms = z.union([z.number(), z.string()]).transform((v, ctx): number => {
  const out = typeof v === "number" ? v : parseDuration(v);
  if (out === undefined || !Number.isFinite(out) || out < 0) {
    ctx.addIssue({ code: "custom", message: `expected a duration like "2s", "250ms" or a number of milliseconds, got ${show(v)}` });
    return z.NEVER;
  }
  return out;
});

const PER = { s: 1, sec: 1, second: 1, m: 60, min: 60, minute: 60, h: 3600, hour: 3600 } as const;
const RATE = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(s|sec|second|m|min|minute|h|hour)\s*$/;

/** events per second: a number, or text like "300/min", "0.5/s", "5000/h" */
export const rate = z.union([z.number(), z.string()]).transform((v, ctx): number => {
  const m = typeof v === "string" ? RATE.exec(v) : null;
  const out = typeof v === "number" ? v : m ? Number(m[1]) / PER[m[2] as keyof typeof PER] : NaN;
  if (!Number.isFinite(out) || out <= 0) {
    ctx.addIssue({ code: "custom", message: `expected a rate like "300/min", "5/s" or a number per second > 0, got ${show(v)}` });
    return z.NEVER;
  }
  return out;
});

const shapes = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("fixed"), ms }),
  z.strictObject({ kind: z.literal("uniform"), min: ms, max: ms }),
  z.strictObject({ kind: z.literal("normal"), mean: ms, sd: ms }),
  z.strictObject({ kind: z.literal("exponential"), mean: ms }),
]);

/** a delay distribution: a fixed duration, or {kind: uniform|normal|exponential, ...} (negative draws clamp to 0) */
export const dist = z.union([ms.transform((v) => ({ kind: "fixed" as const, ms: v })), shapes]);
export type Dist = z.output<typeof dist>;

/** a seeded generator of uniform numbers in [0, 1) (mulberry32), so a profile's draws repeat run to run */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const samplers: { [K in Dist["kind"]]: (d: Extract<Dist, { kind: K }>, r: () => number) => number } = {
  fixed: (d) => d.ms,
  uniform: (d, r) => d.min + (d.max - d.min) * r(),
  normal: (d, r) => d.mean + d.sd * Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r()),
  exponential: (d, r) => -d.mean * Math.log(1 - r()),
};

/** one draw from a distribution, in ms, never negative */
export function sample(d: Dist, r: () => number): number {
  return Math.max(0, (samplers[d.kind] as (d: Dist, r: () => number) => number)(d, r));
}

/** wall-clock epoch milliseconds with sub-millisecond precision, monotone within a process */
export const clock = () => performance.timeOrigin + performance.now();
