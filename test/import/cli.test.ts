// spawns the real bin/jmxplan.js (needs dist: npm run build)
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";

const BIN = join(process.cwd(), "bin", "jmxplan.js");
const DIR = join("test-artifacts", `cli-import-${process.pid}`);
mkdirSync(DIR, { recursive: true });
after(() => rmSync(DIR, { recursive: true, force: true }));
const CORPUS = "../shared/corpus/jmx";

function jmxplan(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test("import -o writes a plan that builds back to the same elements (build --check of the rebuilt file)", () => {
  const src = join(CORPUS, "apache__jmeter__SimpleGraphQLTestPlan.jmx");
  const out = join(DIR, "graphql.plan.ts");
  const r = jmxplan("import", src, "-o", out);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /wrote .*graphql\.plan\.ts from .*: \d+ elements through factories, \d+ kept verbatim with raw\(\)/);
  assert.equal(r.out, "");
  assert.match(readFileSync(out, "utf8"), /from "jmxplan";/);
  const b = jmxplan("build", out);
  assert.equal(b.code, 0, b.err);
  assert.ok(existsSync(join(DIR, "graphql.jmx")));
  assert.deepEqual(readdirSync(DIR).filter((f) => f.endsWith(".tmp")), []);
});

test("import without -o prints the source; warnings name the line", () => {
  const r = jmxplan("import", join(CORPUS, "Blazemeter__taurus__duration.jmx"));
  assert.equal(r.code, 0);
  assert.match(r.out, /^\/\/ Imported by jmxplan/);
  assert.match(r.err, /duration\.jmx:109: warning: XStream back-reference/);
});

test("a broken or DTD-laden file is refused with exit 2, a precise message, and nothing written", () => {
  const bad = join(DIR, "dtd.jmx");
  writeFileSync(bad, `<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY boom "boom">]>\n<jmeterTestPlan/>\n`);
  const out = join(DIR, "dtd.plan.ts");
  const r = jmxplan("import", bad, "-o", out);
  assert.equal(r.code, 2);
  assert.match(r.err, /dtd\.jmx: line 2: an <!ENTITY> declaration; .*nothing was written/);
  assert.ok(!existsSync(out));
  assert.equal(jmxplan("import", join(DIR, "missing.jmx")).code, 2);
  assert.equal(jmxplan("import").code, 2);
});
