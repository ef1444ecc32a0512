import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { validatePlan } from "../../src/dsl/validate.js";
import { importJmx, ImportError, treeDiff } from "../../src/import/index.js";
import { buildJmx } from "../../src/jmx/build.js";
import { readJmx } from "../../src/jmx/read.js";
import { loadPlan } from "../../src/plan/load.js";

const CORPUS = "../shared/corpus/jmx";
// inside the package, so the generated plans resolve "jmxplan" as users' plans do
const tmp = mkdtempSync(join("test", "import", ".tmp-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** import, write the source, load it as a plan file, build it, read the result back */
async function roundTrip(xml: string, name: string) {
  const imported = importJmx(xml, name);
  const file = join(tmp, `${name.replace(/[^\w-]/g, "_")}.plan.ts`);
  writeFileSync(file, imported.source);
  const plan = await loadPlan(file);
  const rebuilt = readJmx(buildJmx(plan, file));
  return { imported, rebuilt };
}

// files whose extra top-level element (an empty JMeter 3 WorkBench) is left out, with a warning
const WORKBENCH = new Set(["apache__jmeter__CSVSample.jmx", "undera__jmeter-plugins__demo.jmx"]);

for (const f of readdirSync(CORPUS).filter((f) => f.endsWith(".jmx")).sort()) {
  test(`corpus ${f}: importing and building gives back the same elements, tree and property values`, async () => {
    const xml = readFileSync(join(CORPUS, f), "utf8");
    const { imported, rebuilt } = await roundTrip(xml, f);
    const original = readJmx(xml).elements;
    assert.equal(treeDiff(original.slice(0, 1), rebuilt.elements), undefined);
    if (WORKBENCH.has(f)) {
      assert.equal(original.length, 2);
      assert.ok(imported.warnings.some((w) => w.code === "W_WORKBENCH"));
    } else assert.equal(original.length, 1);
    assert.ok(imported.stats.modelled >= 1);
  });
}

test("example plans: build, import the .jmx, build the import: the same tree", async () => {
  const plans = readdirSync("plans").filter((f) => f.endsWith(".plan.ts"));
  assert.ok(plans.length >= 1);
  for (const p of plans) {
    const built = buildJmx(await loadPlan(join("plans", p)), p);
    const { rebuilt } = await roundTrip(built, `example-${p}`);
    assert.equal(treeDiff(readJmx(built).elements, rebuilt.elements), undefined, p);
  }
});

test("modelled elements come back through their factories, with prop() for __P and defaults left out", () => {
  const xml = readFileSync(join(CORPUS, "apache__jmeter__simple-http-request-test-plan.jmx"), "utf8");
  const { source } = importJmx(xml, "x.jmx");
  assert.match(source, /^\/\/ Imported by jmxplan from x\.jmx/);
  assert.match(source, /import \{ [^}]*httpRequest[^}]* \} from "jmxplan";/);
  assert.match(source, /threadGroup\(\s*\{/);
  const demo = importJmx(readFileSync(join(CORPUS, "Blazemeter__taurus__threadgroups.jmx"), "utf8"), "t.jmx").source;
  assert.match(demo, /concurrencyThreadGroup\(|ultimateThreadGroup\(|arrivalsThreadGroup\(/);
  const p = importJmx(xml.replace("<stringProp name=\"ThreadGroup.num_threads\">1</stringProp>", "<stringProp name=\"ThreadGroup.num_threads\">${__P(users,10)}</stringProp>"), "x.jmx").source;
  assert.match(p, /threads: prop\("users", 10\)/);
});

test("an element a factory would change is kept verbatim with raw(), with a warning naming its line", () => {
  const xml = readFileSync(join(CORPUS, "aurora-is-near__aurora-relayer-jmeter-tests-public__json_rpc_test2.jmx"), "utf8");
  const { warnings, source } = importJmx(xml, "a.jmx");
  const tg = warnings.find((w) => w.code === "W_RAW" && /<ThreadGroup>/.test(w.message));
  assert.ok(tg, "the hand-edited ThreadGroup is raw");
  assert.match(tg.message, /ThreadGroup\.num_of_threads/);
  assert.ok(tg.line > 1);
  assert.match(source, /raw\(\{/);
  const v = validatePlan(importJmx(xml, "a.jmx").plan);
  assert.ok(v.ok);
});

test("a second top-level element that is not an empty WorkBench is refused precisely", () => {
  const xml = `<?xml version="1.0"?>\n<jmeterTestPlan version="1.2">\n<hashTree>\n<TestPlan testname="p"/>\n<hashTree/>\n<ThreadGroup testname="stray"/>\n<hashTree/>\n</hashTree>\n</jmeterTestPlan>\n`;
  assert.throws(() => importJmx(xml, "x.jmx"), (e: unknown) => e instanceof ImportError && e.code === "E_SECOND_ROOT" && e.line === 6);
});
