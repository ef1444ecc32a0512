import { test } from "node:test";
import assert from "node:assert/strict";
import { count, openWs, send, withLab } from "./helpers.js";

const recordings = "/api/v2/interactions/screen-recordings";

test("genesys-screen-recording: create returns an id, its stream echoes and pushes frames", async () => {
  const { result } = await withLab("genesys-screen-recording", async (lab) => {
    const h = { authorization: "Bearer agent-token" };
    const created = await send(`${lab.url}${recordings}`, { method: "POST", headers: h, body: "{}" });
    const { id } = JSON.parse(created.body) as { id: string };
    const o = await openWs(`${lab.wsUrl}${recordings}/${id}/stream`, h);
    if (!("ws" in o)) throw new Error(`upgrade refused: ${o.status}`);
    const frames: string[] = [];
    o.ws.on("message", (d) => frames.push(String(d)));
    o.ws.send("chunk-1");
    await new Promise<void>((r) => {
      const t = setInterval(() => frames.length >= 2 && (clearInterval(t), r()), 20);
    });
    o.ws.terminate();
    return { status: created.status, id, type: created.headers["content-type"], frames };
  });
  assert.equal(result.status, 200);
  assert.match(result.id, /^[0-9a-f-]{36}$/);
  assert.equal(result.type, "application/json");
  assert.ok(result.frames.includes("chunk-1"));
  assert.ok(result.frames.some((f) => f === JSON.stringify({ recordingId: result.id, seq: 1 })));
});

test("genesys-screen-recording: the initiation limit (shared by create and stream) refuses the 21st initiation, some after 2-5 s", async () => {
  const { log } = await withLab("genesys-screen-recording", async (lab) => {
    const h = { authorization: "Bearer one-token" };
    // 15 agents each create then upgrade: 30 initiations against a bucket of 20
    await Promise.all(
      Array.from({ length: 15 }, async () => {
        const c = await send(`${lab.url}${recordings}`, { method: "POST", headers: h });
        const id = c.status === 200 ? (JSON.parse(c.body) as { id: string }).id : "none";
        const o = await openWs(`${lab.wsUrl}${recordings}/${id}/stream`, h);
        if ("ws" in o) o.ws.terminate();
      }),
    );
  });
  const initiations = log.filter((r) => r.event !== "close");
  assert.equal(initiations.length, 30);
  const accepted = count(initiations, (r) => r.decision === "accepted");
  assert.ok(accepted >= 20 && accepted <= 22, `about the burst of 20 accepted, got ${accepted}`);
  const refused = initiations.filter((r) => r.decision === "rejected");
  for (const r of refused) {
    assert.equal(r.limiter, "screen-recording.initiation");
    assert.equal(r.status, 429);
    assert.ok(r.retryAfter === 1 || r.retryAfter === 2, `Retry-After ${r.retryAfter}`);
  }
  assert.ok(refused.some((r) => r.event === "upgrade") || refused.some((r) => r.event === "request"));
  const held = refused.filter((r) => r.heldMs > 0);
  for (const r of held) assert.ok(r.heldMs >= 2000 && r.heldMs <= 5000);
  assert.ok(held.length >= 1 && held.length < refused.length, `some but not all held: ${held.length} of ${refused.length}`);
});
