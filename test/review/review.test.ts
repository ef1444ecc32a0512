// spawns the real bin/jmxplan.js (needs dist: npm run build)
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { sparkline, svgChart } from "../../src/review/chart.js";
import { knobsOf } from "../../src/review/knobs.js";
import { readJmx } from "../../src/jmx/read.js";

const BIN = join(process.cwd(), "bin", "jmxplan.js");
const DIR = join("test-artifacts", `review-${process.pid}`);
mkdirSync(DIR, { recursive: true });
after(() => rmSync(DIR, { recursive: true, force: true }));

function jmxplan(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test("review of the screen-recording plan: outline, profile, knobs, plugins, lint as Markdown", () => {
  const r = jmxplan("review", "plans/screen-recording.plan.ts");
  assert.equal(r.code, 0, r.err);
  const md = r.out;
  for (const h of ["### Outline", "### Load profile", "### Knobs (`__P` properties)", "### Plugins", "### Lint"]) assert.ok(md.includes(h), h);
  assert.match(md, /└─ Agents · concurrencyThreadGroup/);
  assert.match(md, /\| time \| Agents threads \| Agents req\/s \|/);
  assert.match(md, /Agents threads +[▁▂▃▄▅▆▇█ ]+ +peak 200/);
  assert.match(md, /\| `agents` \| `200` \| concurrent agents at the top of the ramp \| `-Jagents=200` \|/);
  assert.match(md, /jmeter -n -t plans\/screen-recording\.jmx -Jsample_variables=retryAfter .*-Jagents=200/);
  assert.match(md, /\| `jpgc-casutg` \| `jmeter-plugins-casutg-2\.10\.jar` \|/);
  assert.match(md, /\| `jpgc-tst` \| `jmeter-plugins-tst-2\.5\.jar` \|/);
  assert.match(md, /\| `websocket-samplers` \| `jmeter-websocket-samplers-1\.2\.8\.jar` \|/);
  assert.match(md, /No findings\./);
});

test("--engines splits threads and rates per engine; --format html has the same content with SVG charts", () => {
  const md = jmxplan("review", "plans/screen-recording.plan.ts", "--engines", "4").out;
  assert.match(md, /· 4 engines ·/);
  assert.match(md, /\| Agents threads \| 200 \| 50 \|/);
  const html = jmxplan("review", "plans/screen-recording.plan.ts", "--format", "html");
  assert.equal(html.code, 0);
  assert.match(html.out, /^<!doctype html>/);
  assert.match(html.out, /<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*aria-label="threads over time \(overall\)"/);
  assert.match(html.out, /<code>jpgc-tst<\/code>/);
  assert.match(html.out, /<h3>Knobs/);
});

test("review of a .jmx: per-engine values as written, profile through import, lint findings", () => {
  const r = jmxplan("review", "../shared/corpus/jmx/undera__jmeter-plugins__demo.jmx", "--engines", "2");
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /a \.jmx file: the values are per engine/);
  assert.match(r.out, /\| bzm - Concurrency Thread Group req\/s \| 1400 \| 700 \|/);
  assert.match(r.out, /`engines-not-divided`/);
});

test("--base REF shows what changed in the load profile and knobs", () => {
  const repo = join(DIR, "repo");
  mkdirSync(repo, { recursive: true });
  const git = (...a: string[]) => execFileSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", ...a], { cwd: repo, stdio: "pipe" });
  git("init", "-q");
  const plan = (agents: number, extra = "") => `import { concurrencyThreadGroup, http, prop, testPlan } from "jmxplan";
export default testPlan({ name: "p", knobs: { agents: "agents" } },
  concurrencyThreadGroup({ name: "Agents", target: prop("agents", ${agents}), rampUp: 60, hold: 60 },
    http.get("/x", { connectTimeout: "5s", responseTimeout: ${extra || '"30s"'} }),
  ),
);
`;
  writeFileSync(join(repo, "p.plan.ts"), plan(200));
  git("add", "p.plan.ts");
  git("commit", "-q", "-m", "v1");
  writeFileSync(join(repo, "p.plan.ts"), plan(300, 'prop("timeout_ms", 30000)'));
  const r = jmxplan("review", join(repo, "p.plan.ts"), "--base", "HEAD");
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /### What changed since `HEAD`/);
  assert.match(r.out, /\| peak Agents threads \| 200 \| 300 \|/);
  assert.match(r.out, /\| knob agents default \| 200 \| 300 \|/);
  assert.match(r.out, /\| knob timeout_ms \| — \| added, default 30000 \|/);
  assert.deepEqual(readdirSync(repo).filter((f) => f.startsWith(".")), [".git"], "the base copy is removed");
  const same = jmxplan("review", join(repo, "p.plan.ts"), "--base", "HEAD", "--format", "html");
  assert.equal(same.code, 0);
  const bad = jmxplan("review", join(repo, "p.plan.ts"), "--base", "no-such-ref");
  assert.equal(bad.code, 2, bad.err + bad.out);
  assert.match(bad.err, /--base no-such-ref: cannot read/);
});

test("knobs: every __P with its default, descriptions from the plan, conflicting defaults noted", () => {
  const xml = `<?xml version="1.0"?>\n<jmeterTestPlan version="1.2"><hashTree><TestPlan testname="p"><stringProp name="a">\${__P(users,10)}-\${__P(host,h\\,x)}</stringProp><stringProp name="b">\${__P(users,20)}</stringProp></TestPlan><hashTree/></hashTree></jmeterTestPlan>`;
  const k = knobsOf(readJmx(xml).elements, { users: "how many", extra: "documented only" });
  assert.deepEqual(k.map((x) => [x.name, x.default, x.flag, x.uses]), [["extra", "", "-Jextra=<value>", 0], ["host", "h,x", "-Jhost=h,x", 1], ["users", "10", "-Jusers=10", 2]]);
  assert.deepEqual(k[2]!.conflicting, ["10", "20"]);
});

test("charts: sparkline scaled to the peak, SVG polylines", () => {
  assert.equal(sparkline([{ t: 0, v: 0 }, { t: 10, v: 10 }, { t: 10, v: 0 }], 10, 3), "▂▅▇");
  assert.match(svgChart("x", "req/s", [{ label: "a", color: "#000", series: [{ t: 0, v: 1 }, { t: 5, v: 1 }] }]), /<polyline [^>]*points="48\.0,24\.0 628\.0,24\.0"/);
});
