import { z } from "zod";
import { ms } from "../values.js";
import { KeyedState, type Gate } from "./gate.js";

/** a fixed window: at most `limit` per window, windows aligned on the epoch (a minute window resets at :00) */
export const fields = {
  kind: z.literal("fixedWindow"),
  limit: z.number().int().positive(),
  /** e.g. "60s" */
  window: ms.refine((v) => v > 0, "expected a window > 0"),
};
type Spec = z.output<z.ZodObject<typeof fields>>;

export function create(spec: Spec, maxKeys: number): Gate {
  const state = new KeyedState(maxKeys, () => ({ start: 0, count: 0 }));
  const current = (key: string, now: number) => {
    const s = state.get(key);
    const start = Math.floor(now / spec.window) * spec.window;
    if (s.start !== start) {
      s.start = start;
      s.count = 0;
    }
    return s;
  };
  return {
    check(key, now, cost) {
      const s = current(key, now);
      const ok = s.count + cost <= spec.limit;
      const end = s.start + spec.window - now;
      return {
        ok,
        waitMs: ok ? 0 : end,
        limit: spec.limit,
        remaining: Math.max(0, spec.limit - s.count - (ok ? cost : 0)),
        resetMs: end,
        windowMs: spec.window,
        unit: "requests",
      };
    },
    take(key, now, cost) {
      current(key, now).count += cost;
    },
    release() {},
    size: () => state.size,
  };
}
