// what every limiter kind provides, and the bounded per-key state they share
import { createHash } from "node:crypto";

/** a limiter's answer for one request, computed before anything is spent */
export interface Verdict {
  ok: boolean;
  /** ms until this request would pass; NaN when unknowable (a concurrency cap) */
  waitMs: number;
  limit: number;
  /** what is left after this request, if it is accepted */
  remaining: number;
  /** ms until the limiter is back to its full allowance */
  resetMs: number;
  /** the window the limit is counted over, ms; 0 for a concurrency cap */
  windowMs: number;
  unit: "requests" | "concurrent-requests";
}

/** a limiter instance: check, then take (after every limiter of the route said yes), then release */
export interface Gate {
  check(key: string, now: number, cost: number): Verdict;
  take(key: string, now: number, cost: number): void;
  /** a concurrency slot's end (request answered, session closed); a no-op for rate limiters */
  release(key: string): void;
  /** keys held in memory */
  size(): number;
}

/** per-key state, at most `max` keys; the least recently used key is forgotten first */
export class KeyedState<S> {
  private map = new Map<string, S>();
  constructor(
    private max: number,
    private init: () => S,
  ) {}

  get(key: string): S {
    let s = this.map.get(key);
    if (s !== undefined) {
      this.map.delete(key);
    } else {
      s = this.init();
      if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value as string);
    }
    this.map.set(key, s);
    return s;
  }

  peek(key: string): S | undefined {
    return this.map.get(key);
  }

  delete(key: string): void {
    this.map.delete(key);
  }

  get size(): number {
    return this.map.size;
  }
}

/** a key short enough to hold: long header values are replaced by their digest */
export const shortKey = (v: string) => (v.length <= 128 ? v : `sha1:${createHash("sha1").update(v).digest("hex")}`);
