// the per-engine __jexl3 scripts, run by the commons-jexl3 jar of the JMeter 5.4.3 home
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { scale } from "../../src/jmx/scale.js";
import { jmeterHome } from "./harness.js";

/** what JMeter hands __jexl3: nested ${__P(name,default)} replaced by the default, \, unescaped */
function jexlArgument(expr: string): string {
  const m = /^\$\{__jexl3\((.*)\)\}$/s.exec(expr);
  assert.ok(m, `not a __jexl3 call: ${expr}`);
  return m[1]!.replace(/\$\{__P\([^,]+,([^)]*)\)\}/g, "$1").replace(/\\,/g, ",");
}

const cases: [value: string, mul: number, div: number, integer: boolean, expected: string][] = [
  ["${__P(users,200)}", 1, 3, true, "67"],
  ["${__P(users,1)}", 1, 4, true, "1"],
  ["${__P(users,10.5)}", 1, 2, true, "5"],
  ["${__P(users,7)}", 1, 2, true, "4"],
  ["${__P(rps,7)}", 1, 2, false, "3.5"],
  ["${__P(rps,100)}", 1, 4, false, "25.0"],
  ["${__P(rps,0.5)}", 60, 1, true, "30"],
  ["${__P(rps,10)}", 60, 3, true, "200"],
  ["${__P(hold,90)}", 1, 60, false, "1.5"],
];

test("per-engine scripts are valid JEXL 3.1 and compute what the build computes for numbers", { timeout: 600_000 }, async () => {
  const lib = join(await jmeterHome(), "lib");
  const jars = readdirSync(lib).filter((f) => /^commons-(jexl3|logging)-.*\.jar$/.test(f)).map((f) => join(lib, f));
  const scripts = cases.map(([v, mul, div, integer]) => jexlArgument(String(scale(v, mul, div, integer))));
  const r = spawnSync("java", ["-cp", jars.join(":"), join("test", "e2e", "jexl", "Eval.java"), ...scripts], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const got = r.stdout.trim().split("\n");
  cases.forEach(([v, mul, div, integer, expected], i) => {
    assert.equal(got[i], expected, `${v} * ${mul} / ${div}: ${scripts[i]}`);
    const n = Number(/,([^)]*)\)/.exec(v)![1]);
    const here = scale(n, mul, div, integer);
    assert.equal(Number(got[i]), typeof here === "number" && integer ? here : Number((n * mul) / div), `differs from the build's own ${here}`);
  });
});
