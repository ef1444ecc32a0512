// spawns the real bin/jmxplan.js (needs dist: npm run build)
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const BIN = join(process.cwd(), "bin", "jmxplan.js");
const DIR = join("test-artifacts", `cli-build-${process.pid}`);
mkdirSync(DIR, { recursive: true });
after(() => rmSync(DIR, { recursive: true, force: true }));

function jmxplan(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const GOOD = `import { testPlan, concurrencyThreadGroup, uniformRandomTimer, http } from "jmxplan";
export default testPlan({ name: "ok" }, concurrencyThreadGroup({ target: 2, hold: "10s" }, uniformRandomTimer({}), http.get("/x")));
`;
const BAD = `import { testPlan, arrivalsThreadGroup, concurrencyThreadGroup, ultimateThreadGroup, jitter } from "jmxplan";
export default testPlan(
  { name: "bad", engines: 7 },
  arrivalsThreadGroup({ rate: 1 }, jitter({ min: 9, max: 1 })),
  concurrencyThreadGroup({ hold: "soon" }),
  ultimateThreadGroup({ rows: [] }),
);
`;

test("build writes every plan given into --out-dir and says what it wrote", () => {
  const out = join(DIR, "out");
  const r = jmxplan("build", "plans/checkout-arrivals.plan.ts", "plans/soak-ultimate.plan.ts", "--out-dir", out);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /wrote test-artifacts\/.*\/out\/checkout-arrivals\.jmx \(\d+ bytes\) from plans\/checkout-arrivals\.plan\.ts/);
  assert.equal(readFileSync(join(out, "soak-ultimate.jmx"), "utf8"), readFileSync("plans/soak-ultimate.jmx", "utf8"));
});

test("build --check passes on the committed plans", () => {
  const r = jmxplan("build", "--check");
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /\.jmx files? up to date/);
});

test("build --check exits 1 naming an edited .jmx and a missing one, and writes nothing", () => {
  const plan = join(DIR, "edited.plan.ts");
  writeFileSync(plan, GOOD);
  assert.equal(jmxplan("build", plan).code, 0);
  const jmx = join(DIR, "edited.jmx");
  writeFileSync(jmx, readFileSync(jmx, "utf8").replace("<stringProp name=\"TargetLevel\">2<", "<stringProp name=\"TargetLevel\">3<"));
  const edited = readFileSync(jmx, "utf8");
  const missing = join(DIR, "missing.plan.ts");
  writeFileSync(missing, GOOD);
  const r = jmxplan("build", "--check", plan, missing);
  assert.equal(r.code, 1);
  assert.match(r.err, /edited\.jmx: differs from what .*edited\.plan\.ts builds/);
  assert.match(r.err, /missing\.jmx: missing/);
  assert.equal(readFileSync(jmx, "utf8"), edited, "--check rewrote the file");
  assert.ok(!existsSync(join(DIR, "missing.jmx")));
});

test("an invalid plan exits 2 with the file and every path, and leaves no file, old or half-written", () => {
  const plan = join(DIR, "bad.plan.ts");
  writeFileSync(plan, BAD);
  const out = join(DIR, "bad-out");
  mkdirSync(out, { recursive: true });
  const r = jmxplan("build", plan, "--out-dir", out);
  assert.equal(r.code, 2);
  for (const p of ["children[0].rate", "children[0].children[0].max", "children[1].hold", "children[2].rows"]) {
    assert.ok(r.err.includes(`${plan}: ${p}: `), `stderr lacks ${p}:\n${r.err}`);
  }
  assert.match(r.err, /4 problems; nothing was written/);
  assert.deepEqual(readdirSync(out), []);

  // an existing .jmx stays as it was when its plan turns invalid
  const good = join(DIR, "turns-bad.plan.ts");
  writeFileSync(good, GOOD);
  assert.equal(jmxplan("build", good).code, 0);
  const before = readFileSync(join(DIR, "turns-bad.jmx"), "utf8");
  copyFileSync(plan, good);
  assert.equal(jmxplan("build", good).code, 2);
  assert.equal(readFileSync(join(DIR, "turns-bad.jmx"), "utf8"), before);
  assert.deepEqual(readdirSync(DIR).filter((f) => f.endsWith(".tmp")), [], "a temporary file was left behind");
});

test("a write that fails leaves neither a half-written .jmx nor a temporary file", () => {
  const plan = join(DIR, "blocked.plan.ts");
  writeFileSync(plan, GOOD);
  mkdirSync(join(DIR, "blocked.jmx", "inside"), { recursive: true });
  const r = jmxplan("build", plan);
  assert.notEqual(r.code, 0);
  assert.deepEqual(readdirSync(join(DIR, "blocked.jmx")), ["inside"]);
  assert.deepEqual(readdirSync(DIR).filter((f) => f.includes("blocked.jmx.")), [], "a temporary file was left behind");
});
