import { test } from "node:test";
import assert from "node:assert/strict";
import { createConnection } from "node:net";
import WebSocket from "ws";
import type { ProfileInput } from "../../src/lab/index.js";
import { openWs, send, sleep, withLab } from "./helpers.js";

/** write raw bytes on a fresh connection; resolves with everything the server sent before closing */
function raw(port: number, chunks: Array<string | Buffer>, opts: { gapMs?: number; timeoutMs?: number } = {}): Promise<string> {
  return new Promise((resolve) => {
    const c = createConnection({ port, host: "127.0.0.1" });
    let got = "";
    const t = setTimeout(() => c.destroy(), opts.timeoutMs ?? 5000);
    c.on("data", (d) => (got += d.toString("latin1")));
    c.on("error", () => {});
    c.on("close", () => {
      clearTimeout(t);
      resolve(got);
    });
    c.on("connect", async () => {
      for (const ch of chunks) {
        if (c.destroyed) break;
        c.write(ch);
        if (opts.gapMs) await sleep(opts.gapMs);
      }
    });
  });
}

const profile: ProfileInput = {
  name: "robust",
  routes: [
    { name: "r", method: "*", path: "/r" },
    { name: "s", kind: "websocket", path: "/s" },
  ],
  limiters: [{ name: "b", kind: "tokenBucket", rate: "100/s", burst: 100 }],
  server: { maxHeaderBytes: 2048, maxBodyBytes: 1000, maxMessageBytes: 1000, headersTimeout: "400ms" },
};

test("garbage bytes get 400 and a closed socket; the lab keeps serving", async () => {
  const { result, log } = await withLab(profile, async (lab) => {
    const a = await raw(lab.port, [Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00, 0x00, 0xa1, 0x03, 0x03])]);
    const b = await raw(lab.port, ["GET /r HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n"]);
    const c = await raw(lab.port, ["\x00\x01\x02 garbage \r\n\r\n"]);
    const after = await send(`${lab.url}/r`);
    return { a, b, c, after: after.status };
  });
  for (const r of [result.a, result.b, result.c]) assert.match(r, /^HTTP\/1\.1 400 /);
  assert.equal(result.after, 200);
  assert.equal(log.filter((r) => r.event === "error" && r.error === "E_PARSE").length, 3);
});

test("oversized headers get 431", async () => {
  const { result, log } = await withLab(profile, async (lab) => raw(lab.port, [`GET /r HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(4096)}\r\n\r\n`]));
  assert.match(result, /^HTTP\/1\.1 431 /);
  assert.equal(log[0]!.error, "E_HEADERS_TOO_LARGE");
});

test("a slow client that never finishes its headers is answered 408 and cut off", async () => {
  const { result, log } = await withLab(profile, async (lab) => {
    const t = performance.now();
    const got = await raw(lab.port, ["GET /r HTTP/1.1\r\n", "Host: x\r\n", "X-Slow: 1\r\n", "X-Slow: 2\r\n", "X-Slow: 3\r\n"], { gapMs: 200, timeoutMs: 8000 });
    return { got, ms: performance.now() - t, next: (await send(`${lab.url}/r`)).status };
  });
  assert.ok(result.ms < 5000, `closed after ${result.ms} ms`);
  assert.ok(result.got === "" || /^HTTP\/1\.1 408 /.test(result.got), result.got);
  assert.equal(result.next, 200);
  assert.ok(log.some((r) => r.error === "E_TIMEOUT") || result.got === "");
});

test("bodies over the limit get 413, by Content-Length or while streaming", async () => {
  const { result, log } = await withLab(profile, async (lab) => {
    const declared = await send(`${lab.url}/r`, { method: "POST", body: "x".repeat(2000) });
    const chunked = await raw(lab.port, ["POST /r HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", `7d0\r\n${"y".repeat(2000)}\r\n`, "0\r\n\r\n"]);
    return { declared: declared.status, chunked };
  });
  assert.equal(result.declared, 413);
  assert.match(result.chunked, /^HTTP\/1\.1 413 /);
  assert.equal(log.filter((r) => r.error === "E_BODY_TOO_LARGE").length, 2);
});

test("bad upgrade requests get 400 without spending the limiter; unknown paths 404; plain GET on a WebSocket route 426", async () => {
  const { result, log } = await withLab(profile, async (lab) => {
    const noKey = await raw(lab.port, ["GET /s HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n\r\n"]);
    const badVersion = await raw(lab.port, ["GET /s HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 7\r\n\r\n"]);
    const notWs = await raw(lab.port, ["GET /s HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n"]);
    // passes the lab's own checks, refused by ws: an invalid subprotocol list
    const badProtocol = await raw(lab.port, ["GET /s HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: a,,b\r\n\r\n"]);
    const unknown = await openWs(`${lab.wsUrl}/nowhere`);
    const plain = await send(`${lab.url}/s`);
    return { noKey, badVersion, notWs, badProtocol, unknown: unknown.status, plain: plain.status, counts: lab.counts() };
  });
  for (const r of [result.noKey, result.badVersion, result.notWs, result.badProtocol]) assert.match(r, /^HTTP\/1\.1 400 /);
  assert.equal(result.unknown, 404);
  assert.equal(result.plain, 426);
  assert.equal(result.counts.accepted, 0);
  assert.deepEqual(
    log.map((r) => r.error),
    ["E_BAD_UPGRADE", "E_BAD_UPGRADE", "E_BAD_UPGRADE", "E_BAD_UPGRADE", "E_NO_ROUTE", "E_UPGRADE_REQUIRED"],
  );
});

test("a WebSocket message over the limit closes the session with 1009; the lab keeps serving", async () => {
  const { result, log } = await withLab(profile, async (lab) => {
    const o = await openWs(`${lab.wsUrl}/s`);
    if (!("ws" in o)) throw new Error("should open");
    const code = await new Promise<number>((r) => {
      o.ws.once("close", (c) => r(c));
      o.ws.send("z".repeat(5000));
    });
    return { code, next: (await send(`${lab.url}/r`)).status };
  });
  assert.ok([1009, 1006].includes(result.code), `client saw ${result.code}`);
  assert.equal(result.next, 200);
  assert.equal(log.find((r) => r.event === "close")!.status, 1009);
});

test("clients that leave early are logged as aborted and free their slots", async () => {
  const p: ProfileInput = {
    name: "a",
    routes: [{ name: "slow", path: "/slow", latency: 2000 }],
    limiters: [
      { name: "cap", kind: "concurrency", max: 1, routes: ["slow"] },
      { name: "held", kind: "fixedWindow", limit: 1000, window: "1h" },
    ],
  };
  const { result, log } = await withLab(p, async (lab) => {
    await raw(lab.port, ["GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"], { timeoutMs: 200 });
    for (let i = 0; i < 50 && lab.counts().requests < 1; i++) await sleep(20);
    await sleep(50);
    return lab.counts();
  });
  assert.equal(result.requests, 1);
  assert.deepEqual([log[0]!.aborted, log[0]!.status, log[0]!.decision], [true, 0, "accepted"]);
});

test("memory stays bounded by maxTenants however many tenants appear", async () => {
  const p: ProfileInput = { name: "m", maxTenants: 20, routes: [{ name: "r", path: "/r" }], limiters: [{ name: "b", kind: "tokenBucket", rate: 1, burst: 1 }] };
  const { result } = await withLab(p, async (lab) => {
    for (let i = 0; i < 200; i += 20) await Promise.all(Array.from({ length: 20 }, (_, j) => send(`${lab.url}/r`, { headers: { authorization: `t${i + j}` } })));
    return lab.keysHeld();
  });
  assert.equal(result, 20);
});

test("stop closes open sessions with 1001 and ends held refusals", async () => {
  const p: ProfileInput = {
    name: "s",
    routes: [
      { name: "r", path: "/r" },
      { name: "s", kind: "websocket", path: "/s" },
    ],
    limiters: [{ name: "b", kind: "fixedWindow", limit: 1, window: "1h", routes: ["r"], reject: { hold: { share: 1, delay: "30s" } } }],
  };
  let code = 0;
  const t = performance.now();
  const { log } = await withLab(p, async (lab) => {
    const o = await openWs(`${lab.wsUrl}/s`);
    if (!("ws" in o)) throw new Error("should open");
    o.ws.once("close", (c) => (code = c));
    await send(`${lab.url}/r`);
    void send(`${lab.url}/r`).catch(() => {});
    for (let i = 0; i < 50 && lab.counts().held < 1; i++) await sleep(20);
  });
  assert.ok(performance.now() - t < 5000);
  await sleep(50);
  assert.equal(code, 1001);
  assert.ok(log.some((r) => r.decision === "rejected" && r.aborted));
  assert.ok(log.some((r) => r.event === "close" && r.status === 1001));
});

test("a WebSocket client that never reads does not grow the server's memory without bound", async () => {
  const p: ProfileInput = { name: "p", routes: [{ name: "s", kind: "websocket", path: "/s", pushEvery: 1, push: "x".repeat(100_000) }] };
  const { result } = await withLab(p, async (lab) => {
    const ws = new WebSocket(`${lab.wsUrl}/s`);
    await new Promise((r) => ws.once("open", r));
    (ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const before = process.memoryUsage().rss;
    await sleep(1000);
    const grown = process.memoryUsage().rss - before;
    ws.terminate();
    return grown;
  });
  assert.ok(result < 200 * 1024 * 1024, `rss grew ${Math.round(result / 1e6)} MB`);
});
