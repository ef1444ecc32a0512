import { test } from "node:test";
import assert from "node:assert/strict";
import { count, oneRoute, openWs, send, withLab } from "./helpers.js";
import type { ProfileInput } from "../../src/lab/index.js";

// a bucket of 1 refilled once a minute: the second request waits 60 s minus a few ms
const refusedOnce = (reject: object, extra: Partial<ProfileInput> = {}) =>
  oneRoute([{ name: "b", kind: "tokenBucket", rate: "1/min", burst: 1, reject } as never], extra);

async function secondAnswer(profile: ProfileInput) {
  return withLab(profile, async (lab) => {
    const first = await send(`${lab.url}/r`);
    const second = await send(`${lab.url}/r`);
    return { first, second };
  });
}

test("Retry-After exact: the true wait rounded up", async () => {
  const { result, log } = await secondAnswer(refusedOnce({ retryAfter: { policy: "exact" } }));
  assert.equal(result.second.status, 429);
  assert.equal(result.second.headers["retry-after"], "60");
  assert.equal(log[1]!.retryAfter, 60);
});

test("Retry-After fixed: always the configured seconds", async () => {
  const { result, log } = await secondAnswer(refusedOnce({ retryAfter: { policy: "fixed", seconds: 2 } }));
  assert.equal(result.second.headers["retry-after"], "2");
  assert.equal(log[1]!.retryAfter, 2);
});

test("Retry-After absent: no header, null in the log", async () => {
  const { result, log } = await secondAnswer(refusedOnce({ retryAfter: { policy: "absent" } }));
  assert.equal(result.second.status, 429);
  assert.equal(result.second.headers["retry-after"], undefined);
  assert.equal(log[1]!.retryAfter, null);
});

test("Retry-After short: deliberately less than the true wait", async () => {
  const { result } = await secondAnswer(refusedOnce({ retryAfter: { policy: "short", factor: 0.25 } }));
  assert.equal(result.second.headers["retry-after"], "14", "floor(59.99 s x 0.25)");
});

test("refusal statuses 403 and 503", async () => {
  for (const status of [403, 503] as const) {
    const { result, log } = await secondAnswer(refusedOnce({ status }));
    assert.equal(result.second.status, status);
    assert.equal(log[1]!.status, status);
  }
});

test("held refusals: the configured share waits the delay before answering, and the log says how long", async () => {
  const profile = refusedOnce({ retryAfter: { policy: "exact" }, hold: { share: 0.5, delay: { kind: "uniform", min: "600ms", max: "700ms" } } }, { seed: 7 });
  const { result, log } = await withLab(profile, async (lab) => {
    await send(`${lab.url}/r`);
    const replies = await Promise.all(Array.from({ length: 40 }, () => send(`${lab.url}/r`)));
    return { replies, heldNow: lab.counts().held };
  });
  const refused = log.filter((r) => r.decision === "rejected");
  const held = refused.filter((r) => r.heldMs > 0);
  assert.equal(refused.length, 40);
  assert.ok(held.length >= 10 && held.length <= 30, `about half held, got ${held.length}`);
  for (const r of held) {
    assert.ok(r.heldMs >= 600 && r.heldMs <= 700, `heldMs ${r.heldMs}`);
    assert.ok(r.t1 - r.t0 >= r.heldMs - 1, "answered after the hold");
  }
  for (const r of refused.filter((r) => r.heldMs === 0)) assert.ok(r.t1 - r.t0 < 500, "the others at once");
  assert.equal(count(result.replies, (r) => r.ms >= 595), held.length, "clients saw the same split");
  assert.equal(result.heldNow, 0);
});

test("held refusals on a WebSocket upgrade", async () => {
  const profile: ProfileInput = {
    name: "w",
    routes: [{ name: "s", kind: "websocket", path: "/s" }],
    limiters: [{ name: "b", kind: "tokenBucket", rate: "1/min", burst: 1, reject: { hold: { share: 1, delay: 250 } } }],
  };
  const { result, log } = await withLab(profile, async (lab) => {
    const a = await openWs(`${lab.wsUrl}/s`);
    const t = performance.now();
    const b = await openWs(`${lab.wsUrl}/s`);
    if ("ws" in a) a.ws.terminate();
    return { b: b.status, ms: performance.now() - t };
  });
  assert.equal(result.b, 429);
  assert.ok(result.ms >= 240, `held ${result.ms} ms`);
  assert.equal(log.find((r) => r.decision === "rejected")!.heldMs, 250);
});

test("Genesys style: inin-ratelimit headers on every answer, the too.many.requests.retry.after body", async () => {
  const { result } = await secondAnswer(refusedOnce({}, { style: "genesys" }));
  assert.equal(result.first.headers["inin-ratelimit-allowed"], "1");
  assert.equal(result.first.headers["inin-ratelimit-count"], "1");
  assert.equal(result.first.headers["inin-ratelimit-reset"], "60");
  const body = JSON.parse(result.second.body);
  assert.equal(body.code, "too.many.requests.retry.after");
  assert.equal(body.status, 429);
  assert.match(body.message, /Retry the request in \[60\] seconds/);
  assert.equal(result.second.headers["inin-ratelimit-count"], "1");
});

test("GitHub style: x-ratelimit-* headers, the secondary rate limit body", async () => {
  const { result } = await secondAnswer(refusedOnce({ status: 403 }, { style: "github" }));
  assert.equal(result.first.headers["x-ratelimit-limit"], "1");
  assert.equal(result.first.headers["x-ratelimit-remaining"], "0");
  assert.equal(result.first.headers["x-ratelimit-used"], "1");
  assert.equal(result.first.headers["x-ratelimit-resource"], "b");
  const reset = Number(result.second.headers["x-ratelimit-reset"]);
  assert.ok(Math.abs(reset - Date.now() / 1000 - 60) < 5, `reset is an epoch second about 60 s ahead, got ${reset}`);
  assert.equal(result.second.status, 403);
  assert.match(JSON.parse(result.second.body).message, /secondary rate limit/);
});

test("IETF draft style: RateLimit-Policy and RateLimit, a problem+json refusal", async () => {
  const { result } = await secondAnswer(refusedOnce({}, { style: "ietf" }));
  assert.equal(result.first.headers["ratelimit-policy"], '"b";q=1;w=60');
  assert.equal(result.first.headers["ratelimit"], '"b";r=0;t=60');
  assert.equal(result.second.headers["content-type"], "application/problem+json");
  assert.equal(JSON.parse(result.second.body).status, 429);
});

test("IETF draft style for a concurrency cap names the quota unit", async () => {
  const { result } = await secondAnswer(oneRoute([{ name: "c", kind: "concurrency", max: 3 }], { style: "ietf" }));
  assert.equal(result.first.headers["ratelimit-policy"], '"c";q=3;qu="concurrent-requests"');
});

test("a limiter's own style overrides the profile's", async () => {
  const { result } = await secondAnswer(refusedOnce({ style: "plain" }, { style: "github" }));
  assert.deepEqual(JSON.parse(result.second.body), { error: "rate_limited", status: 429, limiter: "b", retryAfter: 60 });
});
