import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validatePlan } from "../../src/dsl/validate.js";
import type { Node } from "../../src/dsl/node.js";
import { parensBalance, prop } from "../../src/dsl/expr.js";
import { testPlan } from "../../src/dsl/elements/test-plan.js";
import { threadGroup } from "../../src/dsl/elements/thread-group.js";
import { http } from "../../src/dsl/elements/http-request.js";
import { wsOpen } from "../../src/dsl/elements/ws-open.js";
import { retryAfter } from "../../src/dsl/elements/retry-after.js";
import { buildTree, buildJmx } from "../../src/jmx/build.js";
import { requiredProperties, propertyFlags } from "../../src/jmx/properties.js";
import { BUILTIN_DIR, renderGroovy } from "../../src/jmx/groovy.js";
import type { Entry } from "../../src/jmx/tree.js";

const valid = (plan: Node) => {
  const v = validatePlan(plan);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return v.plan;
};
const prop1 = (e: Entry, name: string) => e.element.props.find((p) => "name" in p && p.name === name) as { value: string } | undefined;

test("each governed sampler gets its own While Controller, Timer and PostProcessor", () => {
  const tg = buildTree(valid(testPlan({}, threadGroup({}, retryAfter({ maxRetries: prop("retries", 2), variable: "ra" }, http.get("/a"), wsOpen({ server: "h" }))))))
    .tree[0]!;
  assert.deepEqual(tg.tree.map((e) => [e.element.tag, e.element.attrs.testname]), [["WhileController", "Retry-After: GET /a"], ["WhileController", "Retry-After: WebSocket Open Connection"]]);
  tg.tree.forEach((w, i) => {
    const id = i ? "retry_2" : "retry";
    const cond = prop1(w, "WhileController.condition")!.value;
    assert.match(cond, /^\$\{__groovy\(.*\)\}$/);
    assert.ok(cond.includes(`'${id}_state'`) && cond.includes("'ra'") && cond.includes("2 * (${__P(retries,2)}) + 1"), cond);
    assert.ok(parensBalance(cond.slice("${__groovy(".length, -2)), "JMeter's parser needs balanced parentheses");
    assert.ok(!/[^\\],(?!\)\}$)/.test(cond.replace(/\$\{__P\([^)]*\)\}/g, "")), "top-level commas escaped, but the trailing empty argument");
    const [sampler] = w.tree;
    assert.deepEqual(sampler!.tree.slice(0, 2).map((e) => [e.element.tag, e.element.attrs.testname]), [["JSR223Timer", "Retry-After wait"], ["JSR223PostProcessor", "Retry-After check"]]);
    assert.equal(prop1(sampler!.tree[1]!, "parameters")!.value, "429,503 ${__P(retries,2)} 1000 60000 0 0");
    assert.ok(prop1(sampler!.tree[1]!, "script")!.value.includes(`vars.put('${id}_state', 'again')`));
  });
});

test("the same plan builds the same bytes", () => {
  const plan = () => valid(testPlan({}, threadGroup({}, retryAfter({ jitter: { min: 10, max: "1s" } }, http.get("/a")))));
  assert.equal(buildJmx(plan(), "x"), buildJmx(plan(), "x"));
});

test("requiredProperties: one sample_variables column per distinct variable of enabled retryAfter elements", () => {
  assert.deepEqual(requiredProperties(valid(testPlan({}, threadGroup({}, http.get("/a"))))), {});
  const props = requiredProperties(
    valid(testPlan({}, threadGroup({}, retryAfter({}, http.get("/a")), retryAfter({ variable: "wsRetryAfter" }, wsOpen({})), retryAfter({}, http.get("/b")), retryAfter({ variable: "off", enabled: false }, http.get("/c"))))),
  );
  assert.deepEqual(props, { sample_variables: "retryAfter,wsRetryAfter" });
  assert.deepEqual(propertyFlags(props), ["-Jsample_variables=retryAfter,wsRetryAfter"]);
});

test("built-in Groovy templates render without an unescaped ${, which JMeter would substitute before Groovy runs", () => {
  const data = { id: "r", state: "r_s", attempt: "r_a", wait: "r_w", iter: "r_i", checks: "r_c", variable: "v", max: "3", vars: { a: "${x}" } };
  const names = readdirSync(BUILTIN_DIR).map((f) => f.replace(/\.groovy\.hbs$/, ""));
  assert.ok(names.includes("retry-after-check"));
  for (const n of names) assert.ok(!/(^|[^\\])\$\{/.test(renderGroovy(n, data)), n);
  assert.throws(() => renderGroovy("retry-after-timer", {}), /Groovy template "retry-after-timer"/);
  assert.throws(() => renderGroovy("no-such-template", {}), /not found/);
});

test("retryAfter takes jmxplan's own templates; JSR223 elements prefer the project's", () => {
  const dir = mkdtempSync(join(tmpdir(), "jmxplan-tpl-"));
  mkdirSync(join(dir, "templates/groovy"), { recursive: true });
  for (const n of ["set-vars", "retry-after-check"]) writeFileSync(join(dir, `templates/groovy/${n}.groovy.hbs`), "project's {{x}}");
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    assert.equal(renderGroovy("set-vars", { x: 1 }), "project's 1");
    assert.match(renderGroovy("retry-after-check", { id: "r", state: "s", attempt: "a", wait: "w", variable: "v" }, true), /jmxplan retryAfter r/);
  } finally {
    process.chdir(cwd);
  }
});
