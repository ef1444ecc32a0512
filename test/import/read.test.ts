import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { isEnabled, JmxReadError, prop, propText, readJmx } from "../../src/jmx/read.js";

const CORPUS = "../shared/corpus/jmx";
const wrap = (inner: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<jmeterTestPlan version="1.2" properties="5.0" jmeter="5.4.3">\n<hashTree>\n<TestPlan guiclass="TestPlanGui" testclass="TestPlan" testname="P">\n<stringProp name="TestPlan.comments"></stringProp>\n</TestPlan>\n<hashTree>\n${inner}\n</hashTree>\n</hashTree>\n</jmeterTestPlan>\n`;

test("every corpus file reads into a tree whose first element is the TestPlan", () => {
  for (const f of readdirSync(CORPUS).filter((f) => f.endsWith(".jmx"))) {
    const r = readJmx(readFileSync(join(CORPUS, f), "utf8"));
    assert.equal(r.elements[0]?.tag, "TestPlan", f);
  }
});

test("elements without enabled= (JMeter 5.6) are enabled; line numbers are kept", () => {
  const r = readJmx(wrap(`<IfController testname="if">\n<stringProp name="IfController.condition">true</stringProp>\n</IfController>\n<hashTree/>`));
  const el = r.elements[0]!.children[0]!;
  assert.equal(isEnabled(el), true);
  assert.equal(el.line, 8);
  assert.equal(propText(prop(el, "IfController.condition")), "true");
});

test("a raw < or & in a condition is read with a warning naming its line", () => {
  const r = readJmx(wrap(`<IfController testname="if">\n<stringProp name="IfController.condition">\${n} < 5 && \${m} > 1</stringProp>\n</IfController>\n<hashTree/>`));
  assert.equal(propText(prop(r.elements[0]!.children[0]!, "IfController.condition")), "${n} < 5 && ${m} > 1");
  assert.deepEqual(r.warnings.map((w) => [w.line, w.code]), [[9, "W_STRAY_CHAR"], [9, "W_STRAY_CHAR"], [9, "W_STRAY_CHAR"]]);
});

test("a DTD or an entity declaration is refused with its line", () => {
  const xml = `<?xml version="1.0"?>\n<!DOCTYPE x [\n<!ENTITY a "aaaa">\n]>\n<jmeterTestPlan/>`;
  assert.throws(() => readJmx(xml), (e: unknown) => e instanceof JmxReadError && e.code === "E_DTD" && e.line === 3);
  assert.throws(() => readJmx(`<?xml version="1.0"?>\n<!DOCTYPE jmeterTestPlan>\n<jmeterTestPlan/>`), (e: unknown) => e instanceof JmxReadError && e.code === "E_DTD");
});

test("XStream back-references are resolved relative to the element that carries them", () => {
  const r = readJmx(readFileSync(join(CORPUS, "Blazemeter__taurus__duration.jmx"), "utf8"));
  assert.deepEqual(r.warnings.map((w) => [w.line, w.code]), [[109, "W_REFERENCE"], [111, "W_REFERENCE"]]);
  const tst = r.elements[0]!.children.flatMap((tg) => tg.children).find((n) => n.attrs.testname === "tg2tst")!;
  const rows = prop(tst, "load_profile")!.children.map((row) => row.children.map((c) => c.text));
  assert.deepEqual(rows, [["10", "10", "30"], ["10", "20", "30"]]);
});

test("a reference to nothing is refused precisely", () => {
  const xml = wrap(`<ConstantTimer testname="t">\n<stringProp reference="../stringProp[7]"/>\n</ConstantTimer>\n<hashTree/>`);
  assert.throws(() => readJmx(xml), (e: unknown) => e instanceof JmxReadError && e.code === "E_REFERENCE" && e.line === 9);
});

test("an element without its hashTree and broken XML are refused with the line", () => {
  assert.throws(() => readJmx(wrap(`<ConstantTimer testname="t"/>`)), (e: unknown) => e instanceof JmxReadError && e.code === "E_HASHTREE" && e.line === 8);
  assert.throws(() => readJmx(wrap(`<ConstantTimer testname="t">\n<hashTree/>`)), (e: unknown) => e instanceof JmxReadError && e.code === "E_XML");
  assert.throws(() => readJmx(`<testResults/>`), (e: unknown) => e instanceof JmxReadError && e.code === "E_ROOT");
});
