import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { groovyLiteral } from "../../src/util/handlebars.js";
import { ensureJmeterHome } from "../../src/jmeter/home.js";

const EVAL = fileURLToPath(new URL("../jmx/fixtures/eval-literals.groovy", import.meta.url));
const tricky = fc.oneof(fc.string({ unit: fc.constantFrom("$", "{", "}", "\\", "'", '"', "\n", "\r", "\t", ",", "a", "é", "😀") }), fc.string({ unit: "grapheme" }));

test("groovyLiteral: JMeter finds no ${ in it to substitute", () => {
  fc.assert(fc.property(tricky, (s) => !/(^|[^\\])\$\{/.test(groovyLiteral(s))));
});

test("groovyLiteral: Groovy reads back exactly the value", { timeout: 600_000 }, async () => {
  const values = fc.sample(tricky, { numRuns: 300, seed: 42 });
  values.push("${__P(x,1)}", "it's", "\\", "a\r\nb", "");
  const lib = join(await ensureJmeterHome(), "lib");
  const jar = readdirSync(lib).find((f) => /^groovy-\d[\d.]*\.jar$/.test(f))!;
  const file = join(mkdtempSync(join(tmpdir(), "jmxplan-lit-")), "lits.json");
  writeFileSync(file, JSON.stringify([...values.map(groovyLiteral), groovyLiteral([1, "x", true, null]), groovyLiteral({ k: "v", n: 2 })]));
  const cp = [join(lib, jar), join(lib, jar.replace("groovy-", "groovy-json-"))].join(":");
  const out = JSON.parse(execFileSync("java", ["-cp", cp, "groovy.ui.GroovyMain", EVAL, file], { encoding: "utf8", timeout: 120_000 })) as unknown[];
  assert.deepEqual(out, [...values, [1, "x", true, null], { k: "v", n: 2 }]);
});
