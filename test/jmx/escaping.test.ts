import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { SaxesParser } from "saxes";
import { validatePlan } from "../../src/dsl/validate.js";
import { buildJmx } from "../../src/jmx/build.js";
import { testPlan } from "../../src/dsl/elements/test-plan.js";
import { threadGroup } from "../../src/dsl/elements/thread-group.js";
import { userDefinedVariables } from "../../src/dsl/elements/user-defined-variables.js";
import { jsr223Timer } from "../../src/dsl/elements/jsr223-timer.js";
import { transactionController } from "../../src/dsl/elements/transaction-controller.js";
import { raw } from "../../src/dsl/elements/raw.js";

// text JMeter users write: markup characters, ${...}, line ends, tabs, unicode (astral too); no XML-forbidden controls
const piece = fc.constantFrom("&", "<", ">", '"', "'", "${x}", "${__P(a,b)}", "\n", "\r", "\r\n", "\t", " ", "é", "ü", "日本", "🙂", "]]>", "&amp;", "--", "a", "Z", "0");
const text = fc.array(fc.oneof(piece, fc.string({ maxLength: 3 })), { maxLength: 12 }).map((a) => a.join("")).filter((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/u.test(s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, "")));

interface Parsed {
  testnames: string[];
  strings: Map<string, string[]>;
}

function parse(xml: string): Parsed {
  const out: Parsed = { testnames: [], strings: new Map() };
  const p = new SaxesParser();
  let prop: string | undefined;
  let buf = "";
  p.on("opentag", (t) => {
    const a = t.attributes as Record<string, string>;
    if (a.testname !== undefined) out.testnames.push(a.testname);
    if (t.name === "stringProp") {
      prop = a.name;
      buf = "";
    }
  });
  p.on("text", (s) => (buf += s));
  p.on("closetag", (t) => {
    if (t.name === "stringProp" && prop !== undefined) out.strings.set(prop, [...(out.strings.get(prop) ?? []), buf]);
    prop = undefined;
  });
  p.write(xml).close();
  return out;
}

function build(name: string, value: string, key: string): string {
  const plan = testPlan(
    { name, comment: value },
    userDefinedVariables({ name: value, variables: { [key]: value } }),
    threadGroup({ name: key }, transactionController({ name: `${name}|${value}` }), jsr223Timer({ name, script: value, parameters: key })),
    raw({ category: "config", xml: { tag: "Custom", attrs: { testname: value, v: name }, children: [{ tag: "stringProp", attrs: { name: "raw.text" }, text: value }] } }),
  );
  const v = validatePlan(plan);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return buildJmx(v.plan, "plans/escape.plan.ts");
}

test("names and values survive build -> parse unchanged", () => {
  fc.assert(
    fc.property(text, text, text.filter((k) => k !== "" && k !== "__proto__"), (name, value, key) => {
      const got = parse(build(name, value, key));
      assert.deepEqual(got.testnames.filter((_, i) => i !== 1 && i !== 4), [name, value, key, `${name}|${value}`, name, value]);
      assert.deepEqual(got.strings.get("TestPlan.comments"), [value]);
      assert.deepEqual(got.strings.get("Argument.name"), [key]);
      assert.deepEqual(got.strings.get("Argument.value"), [value]);
      assert.deepEqual(got.strings.get("script"), [value]);
      assert.deepEqual(got.strings.get("parameters"), [key]);
      assert.deepEqual(got.strings.get("raw.text"), [value]);
    }),
    { numRuns: 300 },
  );
});

test("building twice gives the same bytes", () => {
  fc.assert(fc.property(text, text, (name, value) => build(name, value, "k") === build(name, value, "k")), { numRuns: 50 });
});
