import { z } from "zod";
import { ms } from "../values.js";
import { KeyedState, type Gate } from "./gate.js";

/** a sliding window log: at most `limit` in any `window` ending now; one timestamp kept per unit spent */
export const fields = {
  kind: z.literal("slidingLog"),
  limit: z.number().int().positive(),
  window: ms.refine((v) => v > 0, "expected a window > 0"),
};
type Spec = z.output<z.ZodObject<typeof fields>>;

export function create(spec: Spec, maxKeys: number): Gate {
  // a ring of the last `limit` spend times per key: memory is bounded by the limit
  const state = new KeyedState(maxKeys, () => ({ times: new Float64Array(spec.limit), head: 0, size: 0 }));
  const pruned = (key: string, now: number) => {
    const s = state.get(key);
    while (s.size > 0 && s.times[s.head]! <= now - spec.window) {
      s.head = (s.head + 1) % spec.limit;
      s.size--;
    }
    return s;
  };
  return {
    check(key, now, cost) {
      const s = pruned(key, now);
      const ok = s.size + cost <= spec.limit;
      const nth = (i: number) => s.times[(s.head + i) % spec.limit]!;
      const freeAt = (n: number) => (n <= 0 ? now : n > s.size ? Number.POSITIVE_INFINITY : nth(n - 1) + spec.window);
      return {
        ok,
        waitMs: ok ? 0 : freeAt(s.size + cost - spec.limit) - now,
        limit: spec.limit,
        remaining: Math.max(0, spec.limit - s.size - (ok ? cost : 0)),
        resetMs: ok ? spec.window : s.size > 0 ? nth(s.size - 1) + spec.window - now : 0,
        windowMs: spec.window,
        unit: "requests",
      };
    },
    take(key, now, cost) {
      const s = pruned(key, now);
      for (let i = 0; i < cost && s.size < spec.limit; i++) {
        s.times[(s.head + s.size) % spec.limit] = now;
        s.size++;
      }
    },
    release() {},
    size: () => state.size,
  };
}
