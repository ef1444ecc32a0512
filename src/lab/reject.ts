// how a limiter answers the requests it turns away: status, Retry-After policy, held share, style
import { z } from "zod";
import { dist } from "./values.js";

export const STYLES = ["plain", "genesys", "github", "ietf"] as const;
export type Style = (typeof STYLES)[number];

const retryAfter = z.discriminatedUnion("policy", [
  /** the true wait, rounded up to whole seconds (1 for a concurrency cap, whose wait is unknowable) */
  z.strictObject({ policy: z.literal("exact") }),
  z.strictObject({ policy: z.literal("fixed"), seconds: z.number().int().nonnegative() }),
  z.strictObject({ policy: z.literal("absent") }),
  /** deliberately too short: the true wait times `factor`, rounded down */
  z.strictObject({ policy: z.literal("short"), factor: z.number().min(0).lt(1).default(0.5) }),
]);
export type RetryAfter = z.output<typeof retryAfter>;

export const rejection = z.strictObject({
  /** @default 429 */
  status: z.union([z.literal(429), z.literal(403), z.literal(503)], { error: "expected 429, 403 or 503" }).default(429),
  /** @default { policy: "exact" } */
  retryAfter: retryAfter.default({ policy: "exact" }),
  /** headers and body; @default the profile's style */
  style: z.enum(STYLES).optional(),
  /** a share of rejections held for a delay before they are answered ("hangs, then fails") @default none */
  hold: z.strictObject({ share: z.number().min(0).max(1), delay: dist }).optional(),
});
export type Rejection = z.output<typeof rejection>;

const advertise: { [P in RetryAfter["policy"]]: (r: Extract<RetryAfter, { policy: P }>, waitMs: number) => number | null } = {
  exact: (_, w) => (Number.isNaN(w) ? 1 : Math.ceil(w / 1000 - 1e-9)),
  fixed: (r) => r.seconds,
  absent: () => null,
  short: (r, w) => (Number.isNaN(w) ? 0 : Math.floor((w / 1000) * r.factor)),
};

/** the Retry-After seconds to advertise for a true wait of `waitMs`, or null for none */
export function retryAfterSeconds(r: RetryAfter, waitMs: number): number | null {
  return (advertise[r.policy] as (r: RetryAfter, w: number) => number | null)(r, Math.max(0, waitMs));
}
