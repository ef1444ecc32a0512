import { test } from "node:test";
import assert from "node:assert/strict";
import type { ProfileInput } from "../../src/lab/index.js";
import { openWs, send, withLab } from "./helpers.js";

const profile: ProfileInput = {
  name: "routes",
  routes: [
    { name: "item", method: "GET", path: "/items/{id}", body: { id: "{{param.id}}", n: "{{seq}}" } },
    { name: "make", method: "POST", path: "/items", status: 201, headers: { Location: "/items/x" }, body: "made {{uuid}}" },
    { name: "slow", method: "GET", path: "/slow", latency: { kind: "uniform", min: 200, max: 250 } },
    { name: "files", method: "*", path: "/files/*" },
    { name: "feed", kind: "websocket", path: "/feed/{topic}", echo: false, pushEvery: "50ms", push: "{{param.topic}}#{{seq}}", closeAfter: "300ms" },
  ],
};

test("routes: path parameters, methods, status, headers, body templates and latency", async () => {
  const { result, log } = await withLab(profile, async (lab) => ({
    item: await send(`${lab.url}/items/a%20b?x=1`),
    make: await send(`${lab.url}/items`, { method: "POST" }),
    wrongMethod: await send(`${lab.url}/items`, { method: "PUT" }),
    slow: await send(`${lab.url}/slow`),
    file: await send(`${lab.url}/files/deep/er/path.txt`, { method: "DELETE" }),
    filesRoot: await send(`${lab.url}/files`),
  }));
  assert.deepEqual(JSON.parse(result.item.body), { id: "a b", n: "1" });
  assert.equal(result.make.status, 201);
  assert.equal(result.make.headers.location, "/items/x");
  assert.match(result.make.body, /^made [0-9a-f-]{36}$/);
  assert.equal(result.make.headers["content-type"], "text/plain; charset=utf-8");
  assert.equal(result.wrongMethod.status, 404);
  assert.ok(result.slow.ms >= 195, `latency ${result.slow.ms}`);
  const slow = log.find((r) => r.route === "slow")!;
  assert.ok(slow.t1 - slow.t0 >= 199 && slow.t1 - slow.t0 < 2000);
  assert.equal(result.file.status, 200);
  assert.equal(result.filesRoot.status, 200);
  assert.deepEqual(
    log.map((r) => r.route),
    ["item", "make", null, "slow", "files", "files"],
  );
});

test("WebSocket routes: pushed frames every N ms, no echo when off, closed with 1000 after T", async () => {
  const { result, log } = await withLab(profile, async (lab) => {
    const o = await openWs(`${lab.wsUrl}/feed/news`);
    if (!("ws" in o)) throw new Error("should open");
    const frames: string[] = [];
    const t = performance.now();
    o.ws.on("message", (d) => frames.push(String(d)));
    o.ws.send("not echoed");
    const code = await new Promise<number>((r) => o.ws.once("close", (c) => r(c)));
    return { frames, code, ms: performance.now() - t };
  });
  assert.equal(result.code, 1000);
  assert.ok(result.ms >= 280 && result.ms < 3000, `closed after ${result.ms} ms`);
  assert.ok(result.frames.length >= 2 && result.frames.length <= 6, `frames ${result.frames.join(",")}`);
  assert.deepEqual(result.frames.slice(0, 2), ["news#1", "news#2"]);
  assert.ok(!result.frames.includes("not echoed"));
  const close = log.find((r) => r.event === "close")!;
  assert.deepEqual([close.status, close.framesIn, close.framesOut], [1000, 1, result.frames.length]);
});
