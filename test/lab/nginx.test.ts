import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { nginxConf, nginxProfile, startLab, startNginx, type LabHandle, type NginxHandle } from "../../src/lab/index.js";
import { closeWs, count, openWs, send, sleep, type Reply } from "./helpers.js";

async function withNginx<T>(profile: object, fn: (ng: NginxHandle, lab: LabHandle) => Promise<T>): Promise<T> {
  const lab = await startLab({ profile: "unlimited" });
  let ng: NginxHandle | undefined;
  try {
    ng = await startNginx({ upstreamPort: lab.port, profile });
    return await fn(ng, lab);
  } finally {
    await ng?.stop();
    await lab.stop();
    if (ng) {
      assert.throws(() => process.kill(ng!.pid, 0), "nginx is no longer running");
      assert.equal(existsSync(ng.prefix), false, "its directory is removed");
    }
  }
}

test("the generated nginx.conf: limit_req with or without nodelay, limit_conn on the WebSocket location, 429 with Retry-After", () => {
  const o = { port: 8081, upstreamPort: 8080, prefix: "/tmp/x", root: true };
  const conf = nginxConf(nginxProfile.parse({ rate: "300r/m", burst: 20, key: "authorization", wsConnections: 4, retryAfter: 2 }), o);
  for (const line of [
    "user root root;",
    "limit_req_zone $http_authorization zone=lab_req:1m rate=300r/m;",
    "limit_req zone=lab_req burst=20 nodelay;",
    "limit_conn lab_conn 4;",
    "limit_req_status 429;",
    "limit_conn_status 429;",
    "add_header Retry-After 2 always;",
    "listen 127.0.0.1:8081;",
    "upstream lab { server 127.0.0.1:8080; keepalive 32; }",
    "proxy_temp_path /tmp/x/tmp/proxy;",
  ]) {
    assert.ok(conf.includes(line), `missing ${line}`);
  }
  const queued = nginxConf(nginxProfile.parse({ burst: 4, nodelay: false }), { ...o, root: false });
  assert.ok(queued.includes("limit_req zone=lab_req burst=4;"));
  assert.ok(nginxConf(nginxProfile.parse({}), o).includes("limit_req zone=lab_req;"), "no burst=0");
  assert.ok(!queued.includes("user "));
});

test("nginx with nodelay: the burst passes at once, the rest get 429 with Retry-After, and only what passed reaches the lab", async () => {
  const r = await withNginx({ rate: "10r/s", burst: 5, nodelay: true, retryAfter: 3 }, async (ng, lab) => {
    const replies = await Promise.all(Array.from({ length: 20 }, () => send(`${ng.url}/x`)));
    return { replies, reached: lab.counts().accepted };
  });
  const ok = count(r.replies, (x) => x.status === 200);
  assert.ok(ok >= 6 && ok <= 7, `1 + burst 5 pass, got ${ok}`);
  assert.equal(r.reached, ok);
  for (const x of r.replies.filter((x) => x.status === 429)) {
    assert.equal(x.headers["retry-after"], "3");
    assert.equal(JSON.parse(x.body).limiter, "nginx");
  }
});

test("nginx rejects at its configured rate: 20r/s against 100 offered per second", async () => {
  const r = await withNginx({ rate: "20r/s", burst: 0 }, async (ng, lab) => {
    const pending: Array<Promise<Reply>> = [];
    const sentAt: number[] = [];
    const t0 = performance.now();
    // catch up after timer lag, so 100/s are offered however busy this machine is
    for (let now = 0; now < 1500; now = performance.now() - t0) {
      while (pending.length < now / 10) {
        sentAt.push(performance.now());
        pending.push(send(`${ng.url}/x`));
      }
      await sleep(5);
    }
    const replies = await Promise.all(pending);
    return { replies, sentAt, reached: lab.counts().accepted };
  });
  const ok = count(r.replies, (x) => x.status === 200);
  assert.equal(r.reached, ok, "what nginx passed is what reached the lab");
  // nginx's rule with burst 0: a request passes when 1/rate (50 ms) has gone by since the last one that passed
  let expected = 0;
  let last = -Infinity;
  for (const t of r.sentAt) if (t - last >= 50) (expected++, (last = t));
  const span = r.sentAt.at(-1)! - r.sentAt[0]!;
  assert.ok(ok <= 2 + span / 50, `never more than the rate: ${ok} in ${Math.round(span)} ms`);
  assert.ok(Math.abs(ok - expected) <= Math.max(3, 0.2 * expected), `accepted ${ok}, expected about ${expected} of ${r.replies.length} offered`);
});

test("nginx without nodelay queues the burst and releases it at the rate", async () => {
  const r = await withNginx({ rate: "10r/s", burst: 3, nodelay: false }, async (ng) => Promise.all(Array.from({ length: 8 }, () => send(`${ng.url}/x`))));
  const ok = r.filter((x) => x.status === 200).sort((a, b) => a.ms - b.ms);
  assert.ok(ok.length >= 4 && ok.length <= 5, `1 + burst 3 pass, got ${ok.length}`);
  assert.ok(ok.at(-1)!.ms - ok[0]!.ms >= 250, `the queued ones were delayed: ${ok.map((x) => Math.round(x.ms)).join(", ")} ms`);
  const refused = r.filter((x) => x.status === 429);
  for (const x of refused) assert.ok(x.ms < ok.at(-1)!.ms, "refusals are immediate");
});

test("nginx limit_conn on the WebSocket location refuses the upgrade beyond the cap", async () => {
  const r = await withNginx({ wsPath: "/ws", wsConnections: 2 }, async (ng, lab) => {
    const a = await openWs(`${ng.wsUrl}/ws/a`);
    const b = await openWs(`${ng.wsUrl}/ws/b`);
    const c = await openWs(`${ng.wsUrl}/ws/c`);
    const open = lab.counts().openStreams;
    if ("ws" in a) await closeWs(a.ws);
    await sleep(200);
    const d = await openWs(`${ng.wsUrl}/ws/d`);
    for (const o of [b, d]) if ("ws" in o) await closeWs(o.ws);
    return { statuses: [a.status, b.status, c.status, d.status], retry: "headers" in c ? c.headers["retry-after"] : undefined, open };
  });
  assert.deepEqual(r.statuses, [101, 101, 429, 101]);
  assert.equal(r.retry, "1");
  assert.equal(r.open, 2);
});
