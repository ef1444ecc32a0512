import { z } from "zod";
import type { Gate } from "./gate.js";

/**
 * a concurrency cap: at most `max` at once per key. On an HTTP route a slot is held until the answer is
 * sent; on a WebSocket route, for the whole session.
 */
export const fields = {
  kind: z.literal("concurrency"),
  max: z.number().int().positive(),
};
type Spec = z.output<z.ZodObject<typeof fields>>;

export function create(spec: Spec): Gate {
  // only keys with something in flight are kept, so memory is bounded by open connections
  const inFlight = new Map<string, number>();
  return {
    check(key) {
      const n = inFlight.get(key) ?? 0;
      const ok = n < spec.max;
      return { ok, waitMs: ok ? 0 : Number.NaN, limit: spec.max, remaining: Math.max(0, spec.max - n - (ok ? 1 : 0)), resetMs: 0, windowMs: 0, unit: "concurrent-requests" };
    },
    take(key) {
      inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
    },
    release(key) {
      const n = (inFlight.get(key) ?? 0) - 1;
      if (n > 0) inFlight.set(key, n);
      else inFlight.delete(key);
    },
    size: () => inFlight.size,
  };
}
