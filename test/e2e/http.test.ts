// HTTP samplers, Retry-After handling and the results writer in real JMeter 5.4.3, measured at the server and
// in the JTL: requests arrive as declared, timeouts fire, 429s are waited out as advertised, columns are the analyser's
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { http, resultsWriter, retryAfter, testPlan, threadGroup } from "../../src/index.js";
import { validatePlan } from "../../src/dsl/validate.js";
import { requiredProperties } from "../../src/jmx/properties.js";
import { DEFAULT_COLUMNS, fieldOf } from "../../src/jtl/columns.js";
import { readJtl as readWithJmxplan } from "../../src/jtl/index.js";
import type { Sample } from "../../src/jtl/sample.js";
import { httpServer, readJtl, runJmeter, type RunResult, type Seen, type TestServer } from "./harness.js";

let server: TestServer;
let run: RunResult;
/** attempts per thread on /limited: the first two are refused with Retry-After: 2 */
const limitedAttempts = new Map<string, number>();

const BODY = { name: "screen recording", n: 1, nested: { ok: true, text: "é & <tag> \"q\"" }, list: [1, 2] };

const plan = () => {
  const p = server.port;
  const at = { host: "127.0.0.1", port: p };
  return testPlan(
    { name: "http" },
    threadGroup(
      { name: "declared", threads: 1, loops: 1, rampUp: 0 },
      http.post("/api/v2/items", { ...at, query: { a: "1", b: "two words", c: "${__P(cval,dflt)}" }, headers: { Authorization: "Bearer ${__P(token,t0k3n)}", "X-Custom": "custom value" }, body: { type: "json", value: BODY } }),
      http.put("/api/v2/items/7", { ...at, body: { type: "raw", value: "line one\nline two", contentType: "text/plain" } }),
      http.patch("/api/v2/items/7", { ...at, body: { type: "form", fields: { x: "1", y: "a b&c" } } }),
      http.delete("/api/v2/items/7", at),
      http.get("/slow", { ...at, responseTimeout: 300 }),
    ),
    threadGroup(
      { name: "limited", threads: 2, loops: 1, rampUp: 0 },
      retryAfter({ maxRetries: 3 }, http.get("/limited", { ...at, headers: { "X-Thread": "${__threadNum}" } })),
      retryAfter({ maxRetries: 2, fallback: 300 }, http.get("/always-limited", { ...at, headers: { "X-Thread": "${__threadNum}" } })),
    ),
    resultsWriter({ file: "writer.jtl" }),
  );
};

before(async () => {
  server = await httpServer(async (s, res) => {
    if (s.path === "/slow") {
      await new Promise((r) => setTimeout(r, 2000));
      res.end("late");
    } else if (s.path === "/limited") {
      const thread = String(s.headers["x-thread"]);
      const n = (limitedAttempts.get(thread) ?? 0) + 1;
      limitedAttempts.set(thread, n);
      if (n <= 2) {
        res.writeHead(429, { "Retry-After": "2", "Content-Type": "application/json" });
        res.end('{"errors":[{"code":"too_many_requests"}]}');
      } else res.end("ok");
    } else if (s.path === "/always-limited") {
      res.writeHead(429, { "Retry-After": "1" });
      res.end();
    } else res.end("{}");
  });
  const v = validatePlan(plan());
  assert.ok(v.ok);
  run = await runJmeter(plan(), { props: { ...requiredProperties(v.plan), cval: "from-J" }, timeoutMs: 90_000 });
});
after(() => server.close());

const on = (path: string) => server.seen.filter((s) => s.path === path);

test("the run itself succeeded", () => {
  assert.equal(run.code, 0, run.stdout);
});

test("HTTP: method, path, query, headers and JSON body arrive as declared; __P defaults and -J overrides reach them", () => {
  const [post] = on("/api/v2/items");
  assert.ok(post);
  assert.equal(post.method, "POST");
  assert.equal(post.query.get("a"), "1");
  assert.equal(post.query.get("b"), "two words");
  assert.equal(post.query.get("c"), "from-J");
  assert.equal(post.headers.authorization, "Bearer t0k3n");
  assert.equal(post.headers["x-custom"], "custom value");
  assert.match(String(post.headers["content-type"]), /^application\/json/);
  assert.deepEqual(JSON.parse(post.body), BODY);
  const [put] = on("/api/v2/items/7").filter((s) => s.method === "PUT");
  assert.equal(put?.body.replace(/\r\n/g, "\n"), "line one\nline two");
  assert.match(String(put?.headers["content-type"]), /^text\/plain/);
  const [patch] = on("/api/v2/items/7").filter((s) => s.method === "PATCH");
  assert.deepEqual(Object.fromEntries(new URLSearchParams(patch?.body ?? "")), { x: "1", y: "a b&c" });
  assert.equal(on("/api/v2/items/7").filter((s) => s.method === "DELETE").length, 1);
});

test("HTTP: a response timeout fires", (t) => {
  const row = run.rows.find((r) => r.label === "GET /slow");
  assert.ok(row);
  t.diagnostic(`${row.responseCode} after ${row.elapsed} ms (timeout 300 ms, server answers after 2000 ms)`);
  assert.equal(row.success, "false");
  assert.match(row.responseCode, /SocketTimeoutException/);
  assert.ok(Number(row.elapsed) >= 300 && Number(row.elapsed) < 1000, `${row.elapsed} ms`);
});

test("Retry-After: the next attempt comes no earlier than advertised (server clock), then the answer is taken", (t) => {
  for (const thread of ["1", "2"]) {
    const xs = on("/limited").filter((s) => s.headers["x-thread"] === thread);
    assert.equal(xs.length, 3, `thread ${thread}: two 429s, then 200`);
    const gaps = xs.slice(1).map((s, i) => s.t - (xs[i] as Seen).t);
    t.diagnostic(`thread ${thread}: gaps ${gaps.map((g) => g.toFixed(0)).join(", ")} ms after Retry-After: 2`);
    // never sooner than asked. The first retry also pays for compiling the element's Groovy (the post-processor's
    // and the While condition's __groovy) on the way: +0.3 s here, +3.5 s under a load average of 12; later ones don't
    for (const g of gaps) assert.ok(g >= 2000, `gap ${g.toFixed(0)} ms, sooner than Retry-After: 2`);
    assert.ok((gaps[1] as number) < 2500, `second retry ${gaps[1]?.toFixed(0)} ms after the 429`);
  }
  const rows = run.rows.filter((r) => r.label === "GET /limited");
  assert.deepEqual(rows.map((r) => r.responseCode).sort(), ["200", "200", "429", "429", "429", "429"]);
});

test("Retry-After: retries stop after the configured count and the last answer stays failed", (t) => {
  for (const thread of ["1", "2"]) {
    const xs = on("/always-limited").filter((s) => s.headers["x-thread"] === thread);
    const gaps = xs.slice(1).map((s, i) => s.t - (xs[i] as Seen).t);
    t.diagnostic(`thread ${thread}: ${xs.length} attempts, gaps ${gaps.map((g) => g.toFixed(0)).join(", ")} ms after Retry-After: 1`);
    assert.equal(xs.length, 3, "the first attempt and 2 retries");
    for (const g of gaps) assert.ok(g >= 1000, `gap ${g.toFixed(0)} ms, sooner than Retry-After: 1`);
    assert.ok((gaps[1] as number) < 1500, `second retry ${gaps[1]?.toFixed(0)} ms after the 429`);
  }
  const rows = run.rows.filter((r) => r.label === "GET /always-limited");
  assert.equal(rows.length, 6);
  assert.ok(rows.every((r) => r.success === "false" && r.responseCode === "429"));
});

test("the JTL carries the advertised Retry-After in the retryAfter column", () => {
  const rows = run.rows.filter((r) => r.label.startsWith("GET /") && r.label.includes("limited"));
  for (const r of rows) {
    const want = r.responseCode === "429" ? (r.label === "GET /limited" ? "2" : "1") : "";
    assert.equal(r.retryAfter ?? "(no column)", want, `${r.label} ${r.responseCode}`);
  }
});

test("the results writer writes exactly the analyser's columns, and the analyser reads every sample", async () => {
  const file = join(run.dir, "writer.jtl");
  const header = readFileSync(file, "utf8").split("\n")[0];
  assert.equal(header, [...DEFAULT_COLUMNS, '"retryAfter"'].join(","));
  for (const c of header!.split(",")) assert.notEqual(fieldOf(c.replace(/"/g, "")), undefined, `column ${c} is one the analyser reads`);
  const samples: Sample[] = [];
  const stats = await readWithJmxplan(file, {}, (s) => samples.push(s));
  assert.equal(samples.length, readJtl(file).length);
  assert.equal(stats.samples, samples.length);
  const limited = samples.filter((s) => s.label === "GET /limited" && s.code === "429");
  assert.equal(limited.length, 4);
  assert.ok(limited.every((s) => s.retryAfter === 2), "retryAfter read back as 2 s");
});
