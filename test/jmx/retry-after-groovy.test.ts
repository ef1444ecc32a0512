// retryAfter's Groovy run in JMeter's own Groovy, called as WhileController and JMeterThread call it:
// the condition on entry, then Timer, sample, PostProcessor, and the condition twice between attempts
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { validatePlan } from "../../src/dsl/validate.js";
import { testPlan } from "../../src/dsl/elements/test-plan.js";
import { threadGroup } from "../../src/dsl/elements/thread-group.js";
import { http } from "../../src/dsl/elements/http-request.js";
import { retryAfter } from "../../src/dsl/elements/retry-after.js";
import { buildTree } from "../../src/jmx/build.js";
import { ensureJmeterHome } from "../../src/jmeter/home.js";
import type { Entry } from "../../src/jmx/tree.js";

const SIM = fileURLToPath(new URL("./fixtures/retry-after-sim.groovy", import.meta.url));
const text = (e: Entry, name: string) => (e.element.props.find((p) => "name" in p && p.name === name) as { value: string }).value;

function scripts(jitter = { min: 0, max: 0 }) {
  const v = validatePlan(testPlan({}, threadGroup({}, retryAfter({ maxRetries: 3, fallback: "1500ms", cap: "60s", jitter }, http.get("/x")))));
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  const loop = buildTree(v.plan).tree[0]!.tree[0]!;
  const [timer, check] = loop.tree[0]!.tree;
  const cond = text(loop, "WhileController.condition");
  // undo the function-call wrapping and escapes, as JMeter's FunctionParser does
  const condition = cond.slice("${__groovy(".length, -",)}".length).replace(/\\([,\\$])/g, "$1");
  return { timer: text(timer!, "script"), check: text(check!, "script"), parameters: text(check!, "parameters"), condition, variable: "retryAfter", state: "retry_state" };
}

const r429 = (h: string) => ({ code: "429", headers: `HTTP/1.1 429 Too Many Requests\nContent-Type: application/json\n${h}` });
const ok = { code: "200", headers: "HTTP/1.1 200 OK\n" };
const date = "Wed, 21 Oct 2015 07:28:00 GMT";
const plus = (s: number) => new Date(Date.parse(date) + s * 1000).toUTCString();

interface Sim {
  name: string;
  samples: { code: string; wait: number; recorded: string }[];
  checks: number;
  state: string;
  recordedAfter: string;
}

async function simulate(spec: object): Promise<Record<string, Sim>> {
  const lib = join(await ensureJmeterHome(), "lib");
  const jar = readdirSync(lib).find((f) => /^groovy-\d[\d.]*\.jar$/.test(f));
  assert.ok(jar, `no groovy jar in ${lib}`);
  const file = join(mkdtempSync(join(tmpdir(), "jmxplan-retry-")), "spec.json");
  writeFileSync(file, JSON.stringify(spec));
  const out = execFileSync("java", ["-cp", [join(lib, jar), join(lib, jar.replace("groovy-", "groovy-json-"))].join(":"), "groovy.ui.GroovyMain", SIM, file], { encoding: "utf8", timeout: 120_000 });
  return Object.fromEntries((JSON.parse(out) as Sim[]).map((s) => [s.name, s]));
}

test("retryAfter's state machine under JMeter's evaluation order", { timeout: 600_000 }, async () => {
  const r = await simulate({
    ...scripts(),
    scenarios: [
      { name: "twice then ok", responses: [r429("Retry-After: 2"), r429("retry-after: 1"), ok] },
      { name: "always 429", responses: [r429("Retry-After: 2"), r429("Retry-After: 2"), r429("Retry-After: 2"), r429("Retry-After: 2"), r429("Retry-After: 2")] },
      { name: "http date", responses: [r429(`Date: ${date}\nRetry-After: ${plus(5)}`), ok] },
      { name: "capped", responses: [r429("Retry-After: 120"), ok] },
      { name: "no header", responses: [{ code: "503", headers: "HTTP/1.1 503 Service Unavailable\n" }, r429("Retry-After: soon"), ok] },
      { name: "two rounds", rounds: 2, responses: [r429("Retry-After: 1"), ok, r429("Retry-After: 3"), ok] },
      { name: "next thread loop", mode: "startNextLoop", rounds: 2, responses: [r429("Retry-After: 2"), ok] },
      { name: "check broken", mode: "noCheck", responses: [r429("Retry-After: 2"), ok] },
      { name: "scripts broken", mode: "noScripts", responses: [] },
    ],
  });
  const waits = (n: string) => r[n]!.samples.map((s) => s.wait);
  assert.deepEqual(waits("twice then ok"), [0, 2000, 1000]);
  assert.deepEqual(r["twice then ok"]!.samples.map((s) => s.recorded), ["2", "1", ""]);
  assert.equal(r["twice then ok"]!.checks, 1 + 2 + 2 + 1, "entry, two per retry, one on the way out");
  assert.equal(r["twice then ok"]!.state, "", "the way out resets the state");
  assert.equal(r["twice then ok"]!.recordedAfter, "", "later samples do not repeat the value");
  assert.deepEqual(waits("always 429"), [0, 2000, 2000, 2000], "1 + maxRetries attempts, the last left failed");
  assert.deepEqual(waits("http date"), [0, 5000], "an HTTP date counts from the response's Date header");
  assert.deepEqual(waits("capped"), [0, 60000]);
  assert.deepEqual(waits("no header"), [0, 1500, 1500], "absent or unreadable: the fallback");
  assert.deepEqual(waits("two rounds"), [0, 1000, 0, 3000], "each entry starts afresh");
  assert.deepEqual(waits("next thread loop"), [0, 0], "a retry left pending by 'start next thread loop' is not carried into the next iteration");
  assert.equal(r["check broken"]!.samples.length, 1, "no decision: stop after one attempt");
  assert.equal(r["scripts broken"]!.samples.length, 4, "neither script ran: counting checks still stops after 1 + maxRetries attempts");
});

test("jitter is added on top of the wait, within its bounds", { timeout: 600_000 }, async () => {
  const r = await simulate({ ...scripts({ min: 100, max: 300 }), scenarios: [{ name: "j", responses: Array(4).fill(r429("Retry-After: 1")) }] });
  const [first, ...rest] = r["j"]!.samples.map((s) => s.wait);
  assert.equal(first, 0);
  for (const w of rest) assert.ok(w >= 1100 && w <= 1300, String(w));
});
