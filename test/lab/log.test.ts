import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { logRecord, startLab, type LogRecord, type ProfileInput } from "../../src/lab/index.js";
import { closeWs, openWs, send, sleep } from "./helpers.js";

const profile: ProfileInput = {
  name: "log",
  routes: [
    { name: "r", method: "*", path: "/r/{x}" },
    { name: "s", kind: "websocket", path: "/s" },
  ],
  limiters: [{ name: "b", kind: "fixedWindow", limit: 3, window: "1h", routes: ["r"] }],
};

const KEYS = ["v", "event", "id", "t0", "t1", "method", "route", "path", "tenant", "decision", "limiter", "status", "retryAfter", "heldMs", "aborted", "framesIn", "framesOut", "error"];

test("every line is one record with every key, in a fixed order, and times with sub-ms precision", async () => {
  const dir = mkdtempSync(join(tmpdir(), "jmxplan-lab-log-"));
  const file = join(dir, "lab.jsonl");
  const seen: LogRecord[] = [];
  const lab = await startLab({ profile, log: file, onRecord: (r) => seen.push(r) });
  try {
    for (let i = 0; i < 5; i++) await send(`${lab.url}/r/${i}?q=1`, { method: i % 2 ? "POST" : "GET", headers: { authorization: "Bearer x" } });
    const o = await openWs(`${lab.wsUrl}/s`);
    if ("ws" in o) {
      o.ws.send("a");
      o.ws.send("b");
      await new Promise((r) => o.ws.once("message", r));
      await sleep(20);
      await closeWs(o.ws);
    }
    for (let i = 0; i < 50 && seen.length < 7; i++) await sleep(20);
    await send(`${lab.url}/nope`);
    lab.flush();
    const mid = readFileSync(file, "utf8").split("\n").filter(Boolean).length;
    assert.ok(mid >= 8, "flush writes what is buffered");
  } finally {
    await lab.stop();
  }
  const lines = readFileSync(file, "utf8").split("\n");
  assert.equal(lines.pop(), "", "ends with a newline");
  const recs = lines.map((l) => JSON.parse(l) as LogRecord);
  for (const r of recs) {
    assert.deepEqual(Object.keys(r), KEYS);
    logRecord.parse(r);
    assert.ok(r.t1 >= r.t0);
    assert.ok(Math.abs(r.t0 - Date.now()) < 60_000, "epoch milliseconds");
  }
  assert.ok(recs.some((r) => !Number.isInteger(r.t0)), "sub-millisecond precision");
  assert.deepEqual(recs, seen, "onRecord sees what the file holds");
  assert.deepEqual(
    recs.map((r) => [r.event, r.decision, r.status, r.route, r.path]),
    [
      ["request", "accepted", 200, "r", "/r/0"],
      ["request", "accepted", 200, "r", "/r/1"],
      ["request", "accepted", 200, "r", "/r/2"],
      ["request", "rejected", 429, "r", "/r/3"],
      ["request", "rejected", 429, "r", "/r/4"],
      ["upgrade", "accepted", 101, "s", "/s"],
      ["close", "accepted", 1000, "s", "/s"],
      ["request", "error", 404, null, "/nope"],
    ],
  );
  const close = recs[6]!;
  assert.deepEqual([close.id, close.framesIn, close.framesOut], [recs[5]!.id, 2, 2]);
  assert.equal(close.t0, recs[5]!.t1, "a session runs from its 101 to its close");
  assert.deepEqual(recs.slice(0, 5).map((r) => r.method), ["GET", "POST", "GET", "POST", "GET"]);
  assert.equal(recs[0]!.tenant, "Bearer x");
  rmSync(dir, { recursive: true, force: true });
});

test("the log keeps up with a burst: nothing lost, ids contiguous", async () => {
  const dir = mkdtempSync(join(tmpdir(), "jmxplan-lab-log-"));
  const file = join(dir, "lab.jsonl");
  const lab = await startLab({ profile: "unlimited", log: file });
  try {
    for (let i = 0; i < 10; i++) await Promise.all(Array.from({ length: 50 }, () => send(`${lab.url}/x`)));
  } finally {
    await lab.stop();
  }
  const ids = readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => (JSON.parse(l) as LogRecord).id).sort((a, b) => a - b);
  assert.equal(ids.length, 500);
  assert.deepEqual(ids, Array.from({ length: 500 }, (_, i) => i + 1));
  rmSync(dir, { recursive: true, force: true });
});
