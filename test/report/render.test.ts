// every report format on one simulated run of the user's case
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SaxesParser } from "saxes";
import { analyzeSamples, FINDING_IDS } from "../../src/analysis/index.js";
import { Report } from "../../src/analysis/report.js";
import { render } from "../../src/report/render.js";
import { scenarios } from "../analysis/sim/scenarios.js";
import { simulate } from "../analysis/sim/sim.js";

const analysis = analyzeSamples(simulate(scenarios.screenRecording.scenario));
const ESC = "\u001b[";

function xmlEvents(xml: string) {
  const p = new SaxesParser();
  const tags: { name: string; attrs: Record<string, string> }[] = [];
  p.on("opentag", (t) => tags.push({ name: t.name, attrs: t.attributes as Record<string, string> }));
  p.write(xml).close();
  return tags;
}

describe("reports", () => {
  it("text: one screen, colour only when asked", async () => {
    const a = await analysis;
    const plain = render(a, "text", { color: false, width: 100 });
    assert.ok(!plain.includes(ESC));
    const lines = plain.trimEnd().split("\n");
    assert.ok(lines.length <= 40, `${lines.length} lines`);
    assert.ok(lines.every((l) => l.length <= 100), "a line wider than the terminal");
    for (const f of a.findings) assert.ok(plain.includes(f.id), f.id);
    assert.ok(render(a, "text", { color: true }).includes(`${ESC}31m`));
  });

  it("markdown: summary table, findings with evidence and recommendations", async () => {
    const a = await analysis;
    const md = render(a, "md");
    assert.match(md, /^## jmxplan analyze: \d+ findings/);
    assert.match(md, /\| \| finding \| labels \| estimate \| window \(UTC\) \|/);
    for (const f of a.findings) {
      assert.ok(md.includes(`### `) && md.includes(`\`${f.id}\``));
      assert.ok(md.includes(f.evidence[0]!.text), `${f.id} evidence`);
      assert.ok(md.includes(f.recommendation), `${f.id} recommendation`);
    }
    assert.match(md, /<details><summary>Per label<\/summary>/);
  });

  it("json: exactly schemaVersion, input, summary, findings; the contract's shape", async () => {
    const a = await analysis;
    const j = JSON.parse(render(a, "json"));
    assert.deepEqual(Object.keys(j), ["schemaVersion", "input", "summary", "findings"]);
    assert.equal(j.schemaVersion, 1);
    Report.parse(j);
    const keys = Object.keys(j.findings[0]);
    assert.deepEqual(keys, ["id", "severity", "title", "labels", "window", "estimate", "evidence", "recommendation"]);
  });

  it("junit: well-formed, one test case per finding kind, failures for warnings and errors", async () => {
    const a = await analysis;
    const xml = render(a, "junit");
    const tags = xmlEvents(xml);
    const cases = tags.filter((t) => t.name === "testcase").map((t) => t.attrs.name);
    assert.deepEqual(cases, FINDING_IDS);
    const failing = new Set(a.findings.filter((f) => f.severity !== "info").map((f) => f.id));
    assert.equal(tags.filter((t) => t.name === "failure").length, failing.size);
    assert.equal(tags.find((t) => t.name === "testsuites")!.attrs.failures, String(failing.size));
  });

  it("html: self-contained, four charts and the per-label table", async () => {
    const a = await analysis;
    const html = render(a, "html");
    assert.ok(!/<script[^>]*\ssrc=/i.test(html) && !/<link[^>]+href=/i.test(html) && !/url\(\s*['"]?https?:/i.test(html), "refers to something outside the file");
    assert.equal((html.match(/<svg /g) ?? []).length, 4);
    for (const id of ["codes", "threads", "limits", "failures"]) assert.ok(html.includes(`data-chart="${id}"`), id);
    assert.match(html, /<table id="labels-table">/);
    for (const f of a.findings) assert.ok(html.includes(`data-id="${f.id}"`));
  });

  it("an empty-handed run still renders every format", async () => {
    const a = await analyzeSamples(simulate(scenarios.unlimited.scenario));
    for (const f of ["text", "md", "json", "html", "junit"] as const) assert.ok(render(a, f).length > 100, f);
    assert.match(render(a, "text"), /no findings/);
  });
});
