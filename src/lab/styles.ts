// answer styles: the rate-limit headers every answer carries and the body of a refusal, after real APIs
import { randomUUID } from "node:crypto";
import type { Verdict } from "./limiters/index.js";
import type { Style } from "./reject.js";

/** what a style needs to describe one limiter's state */
export interface LimitInfo {
  limiter: string;
  verdict: Verdict;
  status: number;
  /** the advertised Retry-After in seconds, or null */
  retryAfter: number | null;
  now: number;
}

interface StyleDef {
  headers(i: LimitInfo): Record<string, string>;
  body(i: LimitInfo): { type: string; text: string };
}

const json = (v: unknown) => ({ type: "application/json", text: JSON.stringify(v) });
const secs = (ms: number) => String(Math.max(0, Math.ceil(ms / 1000 - 1e-9)));
const used = (v: Verdict) => v.limit - v.remaining;

export const styles: Record<Style, StyleDef> = {
  plain: {
    headers: () => ({}),
    body: (i) => json({ error: "rate_limited", status: i.status, limiter: i.limiter, retryAfter: i.retryAfter }),
  },
  genesys: {
    headers: (i) => ({
      "inin-ratelimit-count": String(used(i.verdict)),
      "inin-ratelimit-allowed": String(i.verdict.limit),
      "inin-ratelimit-reset": secs(i.verdict.resetMs),
    }),
    body: (i) =>
      json({
        message: `Rate limit exceeded the maximum. Retry the request in [${i.retryAfter ?? 1}] seconds`,
        code: i.status === 429 ? "too.many.requests.retry.after" : i.status === 503 ? "service.unavailable" : "forbidden",
        status: i.status,
        messageParams: {},
        contextId: randomUUID(),
        details: [],
        errors: [],
      }),
  },
  github: {
    headers: (i) => ({
      "x-ratelimit-limit": String(i.verdict.limit),
      "x-ratelimit-remaining": String(i.verdict.remaining),
      "x-ratelimit-used": String(used(i.verdict)),
      "x-ratelimit-reset": String(Math.ceil((i.now + i.verdict.resetMs) / 1000)),
      "x-ratelimit-resource": i.limiter,
    }),
    body: (i) =>
      json({
        message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
        documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
        status: String(i.status),
      }),
  },
  ietf: {
    headers: (i) => ({
      "RateLimit-Policy":
        i.verdict.unit === "concurrent-requests"
          ? `"${i.limiter}";q=${i.verdict.limit};qu="concurrent-requests"`
          : `"${i.limiter}";q=${i.verdict.limit};w=${secs(i.verdict.windowMs)}`,
      RateLimit: `"${i.limiter}";r=${i.verdict.remaining};t=${secs(i.verdict.resetMs)}`,
    }),
    body: (i) => ({ type: "application/problem+json", text: JSON.stringify({ type: "about:blank", title: "Too Many Requests", status: i.status, detail: `limited by ${i.limiter}` }) }),
  },
};
