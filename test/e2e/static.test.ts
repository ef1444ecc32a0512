// Static fidelity in real JMeter 5.4.3: every plan and element golden loads, resolves its classes, and sets only
// properties that the element's own GUI writes (jmeter-check/check.groovy does the work on JMeter's classpath)
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { jmeterHome, spawnCollect, tmp } from "./harness.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CHECK = join(ROOT, "test/e2e/jmeter-check/check.groovy");
const GOLDEN = join(ROOT, "test/golden/elements");

interface ElementReport {
  path: string;
  testclass: string;
  guiclass: string;
  unknown: string[];
  missing: string[];
  values: [string, string, string][];
  error?: string;
}
interface FileReport {
  file: string;
  elements: ElementReport[];
  loadError?: string;
}

/** Run the checker on files in one JVM; GUIs need a display: Xvfb when there is one, else headless AWT. */
export async function check(files: string[]): Promise<FileReport[]> {
  const home = await jmeterHome();
  const cp = [join(home, "lib", "*"), join(home, "lib", "ext", "*")].join(":");
  const xvfb = ["/usr/bin/xvfb-run", "/usr/local/bin/xvfb-run"].find(existsSync);
  const java = ["-Xms64m", "-Xmx512m", ...(xvfb ? [] : ["-Djava.awt.headless=true"]), "-cp", cp, "groovy.ui.GroovyMain", CHECK, home, ...files];
  const [cmd, args] = xvfb ? [xvfb, ["-a", "java", ...java]] : ["java", java];
  const { code, stdout } = await spawnCollect(cmd, args as string[], ROOT, 120_000);
  const reports = stdout.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as FileReport);
  assert.equal(reports.length, files.length, `the checker exited ${code} and reported ${reports.length} of ${files.length} files:\n${stdout.slice(-3000)}`);
  return reports;
}

function problems(r: FileReport): string[] {
  if (r.loadError) return [`${r.file}: JMeter could not load it: ${r.loadError}`];
  return r.elements.flatMap((e) => [
    ...(e.error ? [`${r.file}: ${e.path}: ${e.error}`] : []),
    ...e.unknown.map((p) => `${r.file}: ${e.path}: property ${p} is not one that ${e.guiclass.split(".").pop()} writes`),
  ]);
}

const walk = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir).sort().flatMap((f) => {
        const p = join(dir, f);
        return statSync(p).isDirectory() ? walk(p) : /\.(xml|jmx)$/.test(f) ? [p] : [];
      })
    : [];

const TEST_PLAN = `<TestPlan guiclass="TestPlanGui" testclass="TestPlan" testname="golden" enabled="true">
      <stringProp name="TestPlan.comments"></stringProp>
      <boolProp name="TestPlan.functional_mode">false</boolProp>
      <boolProp name="TestPlan.tearDown_on_shutdown">true</boolProp>
      <boolProp name="TestPlan.serialize_threadgroups">false</boolProp>
      <elementProp name="TestPlan.user_defined_variables" elementType="Arguments" guiclass="ArgumentsPanel" testclass="Arguments" testname="User Defined Variables" enabled="true">
        <collectionProp name="Arguments.arguments"/>
      </elementProp>
      <stringProp name="TestPlan.user_define_classpath"></stringProp>
    </TestPlan>`;

/** a golden fragment (elements with their hashTrees) as a loadable plan */
export function wrapFragment(xml: string): string {
  const body = xml.replace(/^<!--[\s\S]*?-->\s*/, "").replace(/<\?xml[^>]*>\s*/, "");
  if (body.includes("<jmeterTestPlan")) return body;
  const inner = /<hashTree/.test(body) ? body : `${body}\n<hashTree/>`;
  const tree = /^\s*<TestPlan[\s>]/.test(inner) ? inner : `${TEST_PLAN}\n    <hashTree>\n${inner}\n    </hashTree>`;
  return `<jmeterTestPlan version="1.2" properties="5.0" jmeter="5.4.3">\n  <hashTree>\n    ${tree}\n  </hashTree>\n</jmeterTestPlan>\n`;
}

test("every example plan and element golden loads in JMeter 5.4.3 and sets only properties its GUI writes", { timeout: 300_000 }, async (t) => {
  const plans = readdirSync(join(ROOT, "plans")).filter((f) => f.endsWith(".jmx")).sort().map((f) => join(ROOT, "plans", f));
  const dir = tmp("static");
  const goldens = walk(GOLDEN).map((g, i) => {
    const out = join(dir, `${i}-${relative(GOLDEN, g).replace(/[\\/]/g, "_")}.jmx`);
    writeFileSync(out, wrapFragment(readFileSync(g, "utf8")));
    return out;
  });
  assert.ok(plans.length > 0, "no plans/*.jmx to check");
  const reports = await check([...plans, ...goldens]);
  const found = reports.flatMap(problems);
  const elements = reports.reduce((n, r) => n + r.elements.length, 0);
  for (const r of reports) {
    for (const e of r.elements) {
      if (e.values.length) t.diagnostic(`${relative(ROOT, r.file)}: ${e.path}: GUI rewrites ${e.values.map(([p, a, b]) => `${p} ${JSON.stringify(a)} -> ${JSON.stringify(b)}`).join(", ")}`);
    }
  }
  t.diagnostic(`checked ${plans.length} plans and ${goldens.length} goldens: ${elements} elements`);
  assert.deepEqual(found, []);
});

test("a misspelt property fails the check", { timeout: 120_000 }, async () => {
  const plan = readdirSync(join(ROOT, "plans")).filter((f) => f.endsWith(".jmx")).sort().map((f) => join(ROOT, "plans", f)).find((f) => readFileSync(f, "utf8").includes("ThreadGroup.num_threads"));
  assert.ok(plan, "a plan with a core Thread Group");
  const bad = join(tmp("misspelt"), "misspelt.jmx");
  writeFileSync(bad, readFileSync(plan, "utf8").replace("ThreadGroup.num_threads", "ThreadGroup.num_thread"));
  const [orig, r] = await check([plan, bad]);
  assert.ok(orig && r);
  const before = new Set(problems(orig).map((s) => s.slice(s.indexOf(": ") + 2)));
  const found = problems(r).filter((s) => !before.has(s.slice(s.indexOf(": ") + 2)));
  assert.equal(found.length, 1, found.join("\n"));
  assert.match(found[0] ?? "", /property ThreadGroup\.num_thread is not one that \w*ThreadGroupGui writes/);
});

test("a plugin class that is not installed fails to load", { timeout: 120_000 }, async () => {
  const bad = join(tmp("noclass"), "noclass.jmx");
  writeFileSync(bad, wrapFragment(`<com.example.NoSuchThreadGroup guiclass="com.example.NoSuchThreadGroupGui" testclass="com.example.NoSuchThreadGroup" testname="x" enabled="true"/>\n<hashTree/>`));
  const [r] = await check([bad]);
  assert.ok(r?.loadError, "expected a load error");
  assert.match(r.loadError, /NoSuchThreadGroup/);
});
