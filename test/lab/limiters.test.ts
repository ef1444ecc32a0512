import { test } from "node:test";
import assert from "node:assert/strict";
import { createGate, limiter } from "../../src/lab/limiters/index.js";
import { closeWs, count, oneRoute, openWs, send, sleep, withLab } from "./helpers.js";

const gate = (spec: unknown, maxKeys = 100) => createGate(limiter.parse(spec), maxKeys);

test("token bucket: burst, then one token per 1/rate, exact to the millisecond", () => {
  const g = gate({ name: "b", kind: "tokenBucket", rate: "2/s", burst: 3 });
  for (let i = 0; i < 3; i++) {
    assert.equal(g.check("t", 1000, 1).ok, true);
    g.take("t", 1000, 1);
  }
  const v = g.check("t", 1000, 1);
  assert.equal(v.ok, false);
  assert.equal(v.waitMs, 500);
  assert.equal(g.check("t", 1499, 1).ok, false);
  assert.equal(g.check("t", 1500, 1).ok, true);
  assert.equal(g.check("t", 100_000, 1).remaining, 2, "refill caps at the burst");
});

test("fixed window: aligned windows reset on their boundary", () => {
  const g = gate({ name: "w", kind: "fixedWindow", limit: 2, window: "1s" });
  g.take("t", 10_100, 1);
  g.take("t", 10_200, 1);
  const v = g.check("t", 10_900, 1);
  assert.deepEqual([v.ok, Math.round(v.waitMs), v.remaining], [false, 100, 0]);
  assert.equal(g.check("t", 11_000, 1).ok, true);
});

test("sliding log: a slot frees exactly one window after it was spent", () => {
  const g = gate({ name: "s", kind: "slidingLog", limit: 2, window: 1000 });
  g.take("t", 0, 1);
  g.take("t", 400, 1);
  assert.equal(g.check("t", 999, 1).waitMs, 1);
  assert.equal(g.check("t", 1000, 1).ok, true);
  g.take("t", 1000, 1);
  assert.equal(g.check("t", 1000, 1).waitMs, 400, "next frees when the 400 ms entry leaves");
});

test("method costs spend several units", () => {
  const g = gate({ name: "p", kind: "fixedWindow", limit: 10, window: "1h", cost: { POST: 5 } });
  g.take("t", 0, 5);
  assert.equal(g.check("t", 0, 5).ok, true);
  g.take("t", 0, 5);
  assert.equal(g.check("t", 0, 1).ok, false);
});

test("per-tenant state is bounded: the least recently seen tenant is forgotten", () => {
  const g = gate({ name: "b", kind: "tokenBucket", rate: 1, burst: 1 }, 10);
  for (let i = 0; i < 1000; i++) g.take(`tenant-${i}`, 0, 1);
  assert.equal(g.size(), 10);
});

test("token bucket over HTTP: the burst is accepted, the rest refused with the exact wait", async () => {
  const { result, log } = await withLab(oneRoute([{ name: "bucket", kind: "tokenBucket", rate: "6/min", burst: 5 }]), async (lab) =>
    Promise.all(Array.from({ length: 12 }, () => send(`${lab.url}/r`, { headers: { authorization: "t1" } }))),
  );
  assert.equal(count(result, (r) => r.status === 200), 5);
  assert.equal(count(result, (r) => r.status === 429), 7);
  const refused = log.filter((r) => r.decision === "rejected");
  assert.equal(refused.length, 7);
  for (const r of refused) {
    assert.equal(r.limiter, "bucket");
    assert.equal(r.retryAfter, 10, "one token per 10 s");
  }
  assert.equal(count(log, (r) => r.decision === "accepted"), 5);
});

test("token bucket over HTTP: a refused client that waits the advertised time is accepted", async () => {
  const { result } = await withLab(oneRoute([{ name: "bucket", kind: "tokenBucket", rate: "2/s", burst: 1 }]), async (lab) => {
    const a = await send(`${lab.url}/r`);
    const b = await send(`${lab.url}/r`);
    await sleep(600);
    const c = await send(`${lab.url}/r`);
    return [a.status, b.status, b.headers["retry-after"], c.status];
  });
  assert.deepEqual(result, [200, 429, "1", 200]);
});

test("fixed window over HTTP: Retry-After is the time to the window's end", async () => {
  const { log } = await withLab(oneRoute([{ name: "hourly", kind: "fixedWindow", limit: 3, window: "1h" }]), async (lab) => {
    for (let i = 0; i < 5; i++) await send(`${lab.url}/r`);
  });
  assert.deepEqual(
    log.map((r) => r.decision),
    ["accepted", "accepted", "accepted", "rejected", "rejected"],
  );
  for (const r of log.filter((r) => r.decision === "rejected")) {
    const end = Math.floor(r.t0 / 3_600_000) * 3_600_000 + 3_600_000;
    assert.ok(Math.abs(r.retryAfter! - Math.ceil((end - r.t0) / 1000)) <= 1, `retryAfter ${r.retryAfter}`);
  }
});

test("sliding window log over HTTP: refused while the window holds the limit, accepted once it slides", async () => {
  const { result, log } = await withLab(oneRoute([{ name: "slide", kind: "slidingLog", limit: 3, window: "500ms" }]), async (lab) => {
    const first = await Promise.all(Array.from({ length: 4 }, () => send(`${lab.url}/r`)));
    await sleep(600);
    const later = await send(`${lab.url}/r`);
    return { first: first.map((r) => r.status).sort(), later: later.status };
  });
  assert.deepEqual(result.first, [200, 200, 200, 429]);
  assert.equal(result.later, 200);
  assert.equal(log.find((r) => r.decision === "rejected")!.retryAfter, 1);
});

test("concurrency cap on HTTP: in-flight requests beyond the cap are refused, slots come back", async () => {
  const profile = { name: "c", routes: [{ name: "slow", path: "/slow", latency: 600 }], limiters: [{ name: "inflight", kind: "concurrency" as const, max: 2 }] };
  const { result, log } = await withLab(profile, async (lab) => {
    const burst = await Promise.all(Array.from({ length: 4 }, () => send(`${lab.url}/slow`)));
    const after = await send(`${lab.url}/slow`);
    return { burst: burst.map((r) => r.status).sort(), after: after.status, open: lab.counts() };
  });
  assert.deepEqual(result.burst, [200, 200, 429, 429]);
  assert.equal(result.after, 200);
  assert.deepEqual(
    log.filter((r) => r.decision === "rejected").map((r) => [r.limiter, r.retryAfter]),
    [
      ["inflight", 1],
      ["inflight", 1],
    ],
  );
});

test("concurrency cap on WebSocket sessions: the slot is held until the session closes", async () => {
  const profile = { name: "ws", routes: [{ name: "s", kind: "websocket" as const, path: "/s" }], limiters: [{ name: "streams", kind: "concurrency" as const, max: 2 }] };
  const { result, log } = await withLab(profile, async (lab) => {
    const a = await openWs(`${lab.wsUrl}/s`);
    const b = await openWs(`${lab.wsUrl}/s`);
    const c = await openWs(`${lab.wsUrl}/s`);
    const streams = lab.counts().openStreams;
    if (!("ws" in a) || !("ws" in b)) throw new Error("first two sessions should open");
    await closeWs(a.ws);
    for (let i = 0; i < 50 && lab.counts().openStreams > 1; i++) await sleep(20);
    const d = await openWs(`${lab.wsUrl}/s`);
    const statuses = [a.status, b.status, c.status, d.status];
    await closeWs(b.ws);
    if ("ws" in d) await closeWs(d.ws);
    return { statuses, streams, rejected: lab.counts().rejected };
  });
  assert.deepEqual(result.statuses, [101, 101, 429, 101]);
  assert.equal(result.streams, 2);
  assert.deepEqual(result.rejected, { streams: 1 });
  const ups = log.filter((r) => r.event === "upgrade");
  assert.deepEqual(
    ups.map((r) => [r.decision, r.status, r.limiter]),
    [
      ["accepted", 101, null],
      ["accepted", 101, null],
      ["rejected", 429, "streams"],
      ["accepted", 101, null],
    ],
  );
  assert.equal(count(log, (r) => r.event === "close"), 3);
});
