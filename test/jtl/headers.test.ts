// rate-limit headers of reference §3 into Sample.headers
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseRateLimitHeaders, parseRetryAfter } from "../../src/jtl/index.js";

const END = Date.UTC(2025, 0, 1, 12, 0, 0);

test("Retry-After: delta seconds or an HTTP date", () => {
  assert.equal(parseRetryAfter("120", END), 120);
  assert.equal(parseRetryAfter("Wed, 01 Jan 2025 12:01:00 GMT", END), 60);
  assert.equal(parseRetryAfter("Wed, 01 Jan 2025 11:00:00 GMT", END), 0, "a date in the past means now");
  assert.ok(Number.isNaN(parseRetryAfter("soon", END)));
  assert.ok(Number.isNaN(parseRetryAfter("null", END)));
});

test("X-RateLimit-* (GitHub style, reset as epoch seconds) and resource", () => {
  const h = parseRateLimitHeaders("HTTP/1.1 403 Forbidden\r\nx-ratelimit-limit: 5000\r\nx-ratelimit-remaining: 0\r\nx-ratelimit-used: 5000\r\nx-ratelimit-reset: " + (END / 1000 + 42) + "\r\nx-ratelimit-resource: core\r\n", END);
  assert.deepEqual(h, { limit: 5000, remaining: 0, used: 5000, resetSeconds: 42, scope: "core" });
});

test("x-rate-limit-* spelling", () => {
  assert.deepEqual(parseRateLimitHeaders("x-rate-limit-limit: 10\nx-rate-limit-remaining: 3\nx-rate-limit-reset: 30", END), { limit: 10, remaining: 3, resetSeconds: 30 });
});

test("IETF draft: RateLimit and RateLimit-Policy structured fields", () => {
  const h = parseRateLimitHeaders('RateLimit-Policy: "burst";q=100;w=60\nRateLimit: "burst";r=50;t=30', END);
  assert.deepEqual(h, { limit: 100, scope: "burst", remaining: 50, resetSeconds: 30 });
  assert.deepEqual(parseRateLimitHeaders("RateLimit-Limit: 100\nRateLimit-Remaining: 7\nRateLimit-Reset: 12", END), { limit: 100, remaining: 7, resetSeconds: 12 });
});

test("Genesys Cloud inin-ratelimit-* headers with Retry-After", () => {
  const h = parseRateLimitHeaders("HTTP/1.1 429 Too Many Requests\nRetry-After: 38\ninin-ratelimit-count: 300\ninin-ratelimit-allowed: 300\ninin-ratelimit-reset: 38", END);
  assert.deepEqual(h, { retryAfter: 38, used: 300, limit: 300, resetSeconds: 38 });
});

test("Shopify call limit", () => {
  assert.deepEqual(parseRateLimitHeaders("X-Shopify-Shop-Api-Call-Limit: 32/40", END), { used: 32, limit: 40, remaining: 8 });
});

test("no rate-limit header: undefined", () => {
  assert.equal(parseRateLimitHeaders("HTTP/1.1 200 OK\nContent-Type: text/html", END), undefined);
  assert.equal(parseRateLimitHeaders("", END), undefined);
});
