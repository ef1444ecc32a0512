import { test } from "node:test";
import assert from "node:assert/strict";
import { count, openWs, send, withLab } from "./helpers.js";

test("github-secondary: 80 content-creating requests a minute, then 403 with GitHub's headers and body", async () => {
  const { result, log } = await withLab("github-secondary", async (lab) => {
    const h = { authorization: "token ghp_x" };
    const replies = await Promise.all(Array.from({ length: 85 }, () => send(`${lab.url}/repos/o/r/issues`, { method: "POST", headers: h, body: "{}" })));
    const list = await send(`${lab.url}/repos/o/r/issues`, { headers: h });
    return { replies, list };
  });
  assert.equal(count(result.replies, (r) => r.status === 201), 80);
  const refused = result.replies.filter((r) => r.status === 403);
  assert.equal(refused.length, 5);
  for (const r of refused) {
    assert.equal(r.headers["retry-after"], "60");
    assert.match(JSON.parse(r.body).message, /secondary rate limit/);
  }
  assert.equal(result.list.status, 200);
  assert.equal(result.list.headers["x-ratelimit-resource"], "points.list-issues");
  assert.deepEqual([...new Set(log.filter((r) => r.decision === "rejected").map((r) => r.limiter))], ["content-creation.minute"]);
});

test("unlimited: any method and path is accepted, any path upgrades to an echo WebSocket", async () => {
  const { result, log } = await withLab("unlimited", async (lab) => {
    const a = await send(`${lab.url}/anything/at/all`, { method: "DELETE" });
    const o = await openWs(`${lab.wsUrl}/some/socket`);
    if (!("ws" in o)) throw new Error("should open");
    const echoed = await new Promise<string>((r) => {
      o.ws.once("message", (d) => r(String(d)));
      o.ws.send("ping");
    });
    o.ws.terminate();
    return { a: a.status, echoed };
  });
  assert.deepEqual(result, { a: 200, echoed: "ping" });
  assert.ok(log.every((r) => r.decision === "accepted"));
});
