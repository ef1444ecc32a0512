import { test } from "node:test";
import assert from "node:assert/strict";
import { closeWs, count, openWs, send, withLab } from "./helpers.js";
import type { ProfileInput } from "../../src/lab/index.js";

const shared: ProfileInput = {
  name: "shared",
  routes: [
    { name: "create", method: "POST", path: "/items", body: { id: "{{uuid}}" } },
    { name: "stream", kind: "websocket", path: "/items/{id}/stream" },
    { name: "read", path: "/items/{id}" },
  ],
  limiters: [{ name: "initiation", kind: "tokenBucket", rate: "1/min", burst: 3, routes: ["create", "stream"] }],
};

test("a shared pool: the create POST and the WebSocket upgrade spend one bucket; other routes do not", async () => {
  const { result, log } = await withLab(shared, async (lab) => {
    const h = { authorization: "Bearer one" };
    const created = await send(`${lab.url}/items`, { method: "POST", headers: h });
    const id = JSON.parse(created.body).id as string;
    const s1 = await openWs(`${lab.wsUrl}/items/${id}/stream`, h);
    const c2 = await send(`${lab.url}/items`, { method: "POST", headers: h });
    const s2 = await openWs(`${lab.wsUrl}/items/${id}/stream`, h);
    const c3 = await send(`${lab.url}/items`, { method: "POST", headers: h });
    const reads = await Promise.all(Array.from({ length: 5 }, () => send(`${lab.url}/items/${id}`, { headers: h })));
    for (const s of [s1, s2]) if ("ws" in s) await closeWs(s.ws);
    return { id, statuses: [created.status, s1.status, c2.status, s2.status, c3.status], reads: reads.map((r) => r.status) };
  });
  assert.match(result.id, /^[0-9a-f-]{36}$/);
  assert.deepEqual(result.statuses, [200, 101, 200, 429, 429]);
  assert.deepEqual(result.reads, [200, 200, 200, 200, 200]);
  const refused = log.filter((r) => r.decision === "rejected");
  assert.deepEqual(
    refused.map((r) => [r.event, r.route, r.limiter]),
    [
      ["upgrade", "stream", "initiation"],
      ["request", "create", "initiation"],
    ],
  );
});

test("tenants: each Authorization value has its own bucket; a missing header is one anonymous tenant", async () => {
  const profile: ProfileInput = { name: "t", routes: [{ name: "r", path: "/r" }], limiters: [{ name: "b", kind: "tokenBucket", rate: "1/min", burst: 2 }] };
  const { log } = await withLab(profile, async (lab) => {
    for (const tenant of ["A", "B", "A", "B", "A", "B"]) await send(`${lab.url}/r`, { headers: { authorization: `Bearer ${tenant}` } });
    for (let i = 0; i < 3; i++) await send(`${lab.url}/r`);
  });
  const by = (t: string | null) => log.filter((r) => r.tenant === t).map((r) => r.status);
  assert.deepEqual(by("Bearer A"), [200, 200, 429]);
  assert.deepEqual(by("Bearer B"), [200, 200, 429]);
  assert.deepEqual(by(null), [200, 200, 429]);
});

test("tenants from another header, and a global pool shared by every tenant", async () => {
  const profile: ProfileInput = {
    name: "t",
    tenantHeader: "X-Org-Id",
    routes: [{ name: "r", path: "/r" }],
    limiters: [
      { name: "per-org", kind: "fixedWindow", limit: 2, window: "1h" },
      { name: "per-app", kind: "fixedWindow", limit: 100, window: "1h", key: { header: "x-app" } },
      { name: "everyone", kind: "fixedWindow", limit: 5, window: "1h", key: "global" },
    ],
  };
  const { log } = await withLab(profile, async (lab) => {
    for (const org of ["o1", "o1", "o1", "o2", "o2", "o3", "o4", "o4"]) await send(`${lab.url}/r`, { headers: { "x-org-id": org, authorization: "same" } });
  });
  assert.deepEqual(
    log.map((r) => [r.tenant, r.decision, r.limiter]),
    [
      ["o1", "accepted", null],
      ["o1", "accepted", null],
      ["o1", "rejected", "per-org"],
      ["o2", "accepted", null],
      ["o2", "accepted", null],
      ["o3", "accepted", null],
      ["o4", "rejected", "everyone"],
      ["o4", "rejected", "everyone"],
    ],
  );
});

test("limiters are checked in order and only accepted requests spend", async () => {
  const profile: ProfileInput = {
    name: "o",
    routes: [{ name: "r", path: "/r" }],
    limiters: [
      { name: "small", kind: "fixedWindow", limit: 2, window: "1h" },
      { name: "large", kind: "fixedWindow", limit: 3, window: "1h" },
    ],
  };
  const { result } = await withLab(profile, async (lab) => {
    for (let i = 0; i < 6; i++) await send(`${lab.url}/r`);
    return lab.counts();
  });
  assert.deepEqual(result.rejected, { small: 4, large: 0 }, "refusals by small did not spend large");
  assert.equal(result.accepted, 2);
  assert.equal(count([result], (c) => c.errors === 0), 1);
});
