import { z } from "zod";
import { rate } from "../values.js";
import { KeyedState, type Gate } from "./gate.js";

/** a token bucket: `burst` tokens, refilled at `rate` per second; a request spends its cost in tokens */
export const fields = {
  kind: z.literal("tokenBucket"),
  /** tokens per second, or "300/min" */
  rate,
  /** the bucket's size (and its level at start) */
  burst: z.number().int().positive(),
};
type Spec = z.output<z.ZodObject<typeof fields>>;

export function create(spec: Spec, maxKeys: number): Gate {
  const perMs = spec.rate / 1000;
  const state = new KeyedState(maxKeys, () => ({ tokens: spec.burst, at: Number.NaN }));
  const refill = (key: string, now: number) => {
    const s = state.get(key);
    if (Number.isNaN(s.at)) s.at = now;
    s.tokens = Math.min(spec.burst, s.tokens + Math.max(0, now - s.at) * perMs);
    s.at = Math.max(s.at, now);
    return s;
  };
  return {
    check(key, now, cost) {
      const s = refill(key, now);
      const ok = s.tokens >= cost;
      const left = ok ? s.tokens - cost : s.tokens;
      return {
        ok,
        waitMs: ok ? 0 : (cost - s.tokens) / perMs,
        limit: spec.burst,
        remaining: Math.floor(left),
        resetMs: (spec.burst - left) / perMs,
        windowMs: spec.burst / perMs,
        unit: "requests",
      };
    },
    take(key, now, cost) {
      refill(key, now).tokens -= cost;
    },
    release() {},
    size: () => state.size,
  };
}
