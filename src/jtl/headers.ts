// rate-limit signals in response headers (reference §3): Retry-After, X-RateLimit-*, RateLimit drafts, vendors
import type { RateLimitHeaders } from "./sample.js";

/** Seconds a Retry-After value asks to wait: delta seconds, or an HTTP date counted from `endMs`; NaN when neither. */
export function parseRetryAfter(value: string, endMs: number): number {
  const v = value.trim();
  if (!v || v === "null") return NaN;
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v);
  const t = Date.parse(v);
  if (t !== t || endMs !== endMs) return NaN;
  return Math.max(0, Math.round((t - endMs) / 1000));
}

function num(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const m = /^\s*(-?\d+(?:\.\d+)?)/.exec(v);
  return m ? Number(m[1]) : undefined;
}

/** the value of `key=` in a structured header item list (`"burst";q=100;w=60`, `limit=100, remaining=5`) */
function param(v: string, key: string): number | undefined {
  const m = new RegExp(`(?:^|[;,\\s])${key}=(-?\\d+(?:\\.\\d+)?)`).exec(v);
  return m ? Number(m[1]) : undefined;
}

function name(v: string): string | undefined {
  const m = /^\s*(?:"([^"]*)"|([A-Za-z][\w.-]*)\s*(?:;|$))/.exec(v);
  return m ? m[1] ?? m[2] : undefined;
}

/** seconds until a reset written as epoch seconds (GitHub, X-RateLimit-Reset) or as a delta */
function resetSeconds(v: number, endMs: number): number {
  if (v > 1e9 && endMs === endMs) return Math.max(0, Math.round(v - endMs / 1000));
  return v;
}

type Handler = (v: string, h: RateLimitHeaders, endMs: number) => void;

const HANDLERS: Record<string, Handler> = {
  "retry-after": (v, h, end) => { const s = parseRetryAfter(v, end); if (s === s) h.retryAfter = s; },
  "x-ratelimit-limit": (v, h) => { h.limit ??= num(v); },
  "x-rate-limit-limit": (v, h) => { h.limit ??= num(v); },
  "ratelimit-limit": (v, h) => { h.limit ??= num(v); },
  "inin-ratelimit-allowed": (v, h) => { h.limit ??= num(v); },
  "x-ratelimit-remaining": (v, h) => { h.remaining ??= num(v); },
  "x-rate-limit-remaining": (v, h) => { h.remaining ??= num(v); },
  "ratelimit-remaining": (v, h) => { h.remaining ??= num(v); },
  "x-ratelimit-used": (v, h) => { h.used ??= num(v); },
  "inin-ratelimit-count": (v, h) => { h.used ??= num(v); },
  "x-ratelimit-reset": (v, h, end) => { const r = num(v); if (r !== undefined) h.resetSeconds ??= resetSeconds(r, end); },
  "x-rate-limit-reset": (v, h, end) => { const r = num(v); if (r !== undefined) h.resetSeconds ??= resetSeconds(r, end); },
  "ratelimit-reset": (v, h) => { h.resetSeconds ??= num(v); },
  "inin-ratelimit-reset": (v, h) => { h.resetSeconds ??= num(v); },
  "x-ratelimit-resource": (v, h) => { h.scope ??= v.trim() || undefined; },
  ratelimit: (v, h) => {
    h.remaining ??= param(v, "r") ?? param(v, "remaining");
    h.resetSeconds ??= param(v, "t") ?? param(v, "reset");
    h.limit ??= param(v, "limit");
  },
  "ratelimit-policy": (v, h) => {
    h.limit ??= param(v, "q") ?? num(v);
    const n = name(v) ?? /(?:^|;)\s*pk=:?([^;:]*)/.exec(v)?.[1];
    if (n) h.scope ??= n;
  },
  "x-shopify-shop-api-call-limit": (v, h) => {
    const m = /^\s*(\d+)\s*\/\s*(\d+)/.exec(v);
    if (!m) return;
    h.used ??= Number(m[1]);
    h.limit ??= Number(m[2]);
    h.remaining ??= Number(m[2]) - Number(m[1]);
  },
};

/** The rate-limit headers in a JTL `<responseHeader>` text; undefined when it has none. `endMs` is the sample's end. */
export function parseRateLimitHeaders(text: string, endMs: number): RateLimitHeaders | undefined {
  let h: RateLimitHeaders | undefined;
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const handler = HANDLERS[line.slice(0, colon).trim().toLowerCase()];
    if (!handler) continue;
    h ??= {};
    handler(line.slice(colon + 1).trim(), h, endMs);
  }
  if (!h) return undefined;
  for (const k of Object.keys(h) as (keyof RateLimitHeaders)[]) if (h[k] === undefined) delete h[k];
  return Object.keys(h).length ? h : undefined;
}
