// spawns the real bin/jmxplan.js (needs dist: npm run build)
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { rules } from "../../src/lint/index.js";
import { examples, http, jmx } from "./fixtures.js";

const BIN = join(process.cwd(), "bin", "jmxplan.js");
// inside the package, so example plans resolve "jmxplan"
const DIR = join("test-artifacts", `cli-lint-${process.pid}`);
mkdirSync(DIR, { recursive: true });
after(() => rmSync(DIR, { recursive: true, force: true }));

function jmxplan(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const ids = (out: string) => (JSON.parse(out) as { findings: { rule: string; severity: string }[] }[]).flatMap((f) => f.findings);

test("every rule has a CLI example", () => assert.deepEqual(Object.keys(examples).sort(), rules.map((r) => r.id).sort()));

for (const [rule, { fail, pass }] of Object.entries(examples)) {
  test(`lint flags ${rule}'s failing example and passes its passing one (exit 1 only on errors)`, () => {
    const severity = rules.find((r) => r.id === rule)!.severity;
    for (const [which, ex] of [["fail", fail], ["pass", pass]] as const) {
      const file = join(DIR, `${rule}.${which}${ex.ext}`);
      writeFileSync(file, ex.text);
      const r = jmxplan("lint", file, "--format", "json", ...(ex.engines ? ["--engines", String(ex.engines)] : []));
      const found = ids(r.out);
      if (which === "fail") {
        assert.ok(found.some((f) => f.rule === rule), `${rule} not flagged: ${r.out}${r.err}`);
        if (severity === "error") assert.equal(r.code, 1);
      } else {
        assert.ok(!found.some((f) => f.rule === rule), `${rule} flagged the passing example: ${r.out}`);
        assert.equal(found.some((f) => f.severity === "error") ? 1 : 0, r.code);
      }
    }
  });
}

test("text output names the file, line, severity, rule, path and fix; the summary counts", () => {
  const file = join(DIR, "timeouts.jmx");
  writeFileSync(file, jmx(http("GET /", false)));
  const r = jmxplan("lint", file);
  assert.equal(r.code, 0);
  assert.match(r.out, new RegExp(`${file.replace(/[.\\/]/g, "\\$&")}:8: warning http-timeouts: `));
  assert.match(r.out, /\n  at Plan > Users > GET \/\n  fix: /);
  assert.match(r.out, /1 file: 0 errors, 1 warning\n$/);
});

test("the example plans pass lint", () => {
  const plans = readdirSync("plans").filter((f) => f.endsWith(".plan.ts")).map((f) => join("plans", f));
  assert.ok(plans.includes(join("plans", "screen-recording.plan.ts")));
  const r = jmxplan("lint", ...plans);
  assert.equal(r.code, 0, r.out + r.err);
  assert.match(r.out, new RegExp(`${plans.length} files: 0 errors`));
});

test("usage errors and unreadable input exit 2 without a stack trace", () => {
  assert.equal(jmxplan("lint").code, 2);
  const broken = join(DIR, "broken.jmx");
  writeFileSync(broken, "<jmeterTestPlan><hashTree><TestPlan></hashTree>");
  const r = jmxplan("lint", broken);
  assert.equal(r.code, 2);
  assert.match(r.err, /broken\.jmx: line 1: not well-formed XML/);
  assert.doesNotMatch(r.err, /at .*\.js:\d+/);
  assert.equal(jmxplan("lint", join(DIR, "missing.jmx")).code, 2);
  assert.equal(jmxplan("lint", broken, "--engines", "0").code, 2);
});

test("--response-time sets what Little's law assumes a request takes", () => {
  const file = join(DIR, "little.plan.ts");
  writeFileSync(file, examples["shaping-timer-threads"]!.fail.text);
  const slow = jmxplan("lint", file, "--format", "json");
  assert.equal(slow.code, 1);
  assert.ok(ids(slow.out).some((f) => f.rule === "shaping-timer-threads"));
  const fast = jmxplan("lint", file, "--format", "json", "--response-time", "0.1");
  assert.ok(!ids(fast.out).some((f) => f.rule === "shaping-timer-threads"), fast.out);
  assert.equal(jmxplan("lint", file, "--response-time", "0").code, 2);
});
