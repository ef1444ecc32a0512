// limiters with known parameters: what the analysis must recover from the JTL alone

/** a limiter's verdict on one arrival */
export interface Verdict {
  ok: boolean;
  /** Retry-After the server advertises, seconds */
  retryAfter?: number;
}

export interface Limiter {
  /** labels it applies to; empty: all */
  labels: string[];
  /** ms the server holds a rejection before answering: [min, max] (a shaper or queue upstream) */
  holdMs?: [number, number];
  /** fraction of rejections that are held (the rest are immediate) @default 1 when holdMs is set */
  holdShare?: number;
  /** advertise no Retry-After (a WebSocket upgrade) for these labels */
  noRetryAfterFor?: string[];
  admit(t: number, label: string): Verdict;
  /** an admitted request holds a slot until `end` (concurrency caps); the slot's end can be moved later */
  occupy?(end: number): { end: number };
  /** a cap on open WebSocket sessions: a slot is held from the upgrade to the close */
  sessions?: boolean;
}

export const applies = (l: Limiter, label: string) => !l.labels.length || l.labels.includes(label);

/** token bucket: `rate` tokens/s, capacity `burst`, full at the start */
export function tokenBucket(o: { rate: number; burst: number; labels?: string[]; retryAfter?: number; holdMs?: [number, number]; holdShare?: number; noRetryAfterFor?: string[] }): Limiter {
  let tokens = o.burst;
  let last = -Infinity;
  return {
    labels: o.labels ?? [],
    holdMs: o.holdMs,
    holdShare: o.holdShare,
    noRetryAfterFor: o.noRetryAfterFor,
    admit(t) {
      tokens = last === -Infinity ? o.burst : Math.min(o.burst, tokens + ((t - last) / 1000) * o.rate);
      last = t;
      if (tokens >= 1) {
        tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfter: o.retryAfter ?? Math.max(1, Math.ceil((1 - tokens) / o.rate)) };
    },
  };
}

/** fixed window: `limit` requests per `windowSeconds`, windows aligned on epoch multiples */
export function fixedWindow(o: { limit: number; windowSeconds: number; labels?: string[]; retryAfter?: number }): Limiter {
  let win = -1;
  let used = 0;
  const w = o.windowSeconds * 1000;
  return {
    labels: o.labels ?? [],
    admit(t) {
      const k = Math.floor(t / w);
      if (k !== win) {
        win = k;
        used = 0;
      }
      if (used < o.limit) {
        used++;
        return { ok: true };
      }
      return { ok: false, retryAfter: o.retryAfter ?? Math.ceil(((k + 1) * w - t) / 1000) };
    },
  };
}

/** at most `max` admitted requests open at once */
export function concurrencyCap(o: { max: number; labels?: string[]; retryAfter?: number; holdMs?: [number, number]; holdShare?: number; sessions?: boolean }): Limiter {
  const slots: { end: number }[] = [];
  return {
    labels: o.labels ?? [],
    holdMs: o.holdMs,
    holdShare: o.holdShare,
    sessions: o.sessions,
    admit(t) {
      for (let i = slots.length - 1; i >= 0; i--) if (slots[i]!.end <= t) slots.splice(i, 1);
      if (slots.length < o.max) return { ok: true };
      return { ok: false, retryAfter: o.retryAfter ?? 1 };
    },
    occupy(end) {
      const slot = { end };
      slots.push(slot);
      return slot;
    },
  };
}
