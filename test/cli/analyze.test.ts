// spawns the real bin/jmxplan.js analyze for every flag (needs dist: npm run build)
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import { FINDING_IDS } from "../../src/analysis/index.js";
import { toCsv } from "../analysis/sim/jtl.js";
import { scenarios } from "../analysis/sim/scenarios.js";
import { simulate } from "../analysis/sim/sim.js";

const BIN = join(process.cwd(), "bin", "jmxplan.js");
const DIR = join("test-artifacts", `cli-analyze-${process.pid}`);
mkdirSync(DIR, { recursive: true });
after(() => rmSync(DIR, { recursive: true, force: true }));

function jmxplan(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, "analyze", ...args], { encoding: "utf8", env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const file = (name: string, text: string | Uint8Array) => {
  const p = join(DIR, name);
  writeFileSync(p, text);
  return p;
};
const sr = simulate(scenarios.screenRecording.scenario);
const SR = file("screen-recording.jtl", toCsv(sr));
const SR_END = file("screen-recording-end.jtl", toCsv(sr, { timestamps: "end" }));
const SR_RENAMED = file("screen-recording-wait.jtl", toCsv(sr).replace('"retryAfter"', '"wait_s"'));
const UNLIMITED = file("unlimited.jtl", toCsv(simulate(scenarios.unlimited.scenario)));
const two = simulate(scenarios.twoEngines.scenario);
const E0 = file("engine0.jtl.gz", gzipSync(toCsv(two, { engine: 0 })));
const E1 = file("engine1.jtl", toCsv(two, { engine: 1 }));

const json = (r: { out: string }) => JSON.parse(r.out) as { findings: { id: string; labels: string[]; estimate: Record<string, number> }[]; input: { files: unknown[]; timestamps: string }; summary: { plan?: { windows: unknown[]; verdict: string } } };

describe("jmxplan analyze", () => {
  it("text by default, no colour when piped, findings named", () => {
    const r = jmxplan([SR]);
    assert.equal(r.code, 0, r.err);
    assert.ok(!r.out.includes("\u001b["));
    for (const id of ["rate-limit.secondary.burst", "rate-limit.shared-quota", "rejection.delayed", "retry-after.insufficient"]) assert.ok(r.out.includes(id), id);
  });

  it("--format json|md|html|junit", () => {
    const j = json(jmxplan([SR, "--format", "json"]));
    assert.deepEqual(j.findings.find((f) => f.id === "rate-limit.secondary.burst")?.labels, ["POST /screen-recordings", "WS connect"]);
    assert.match(jmxplan([SR, "--format", "md"]).out, /^## jmxplan analyze/);
    assert.match(jmxplan([SR, "--format", "html"]).out, /^<!doctype html>/);
    const junit = jmxplan([SR, "--format", "junit"]).out;
    assert.equal((junit.match(/<testcase /g) ?? []).length, FINDING_IDS.length);
    assert.equal(jmxplan([SR, "--format", "pdf"]).code, 2);
  });

  it("--out writes the file atomically and nothing to stdout", () => {
    const out = join(DIR, "reports", "r.md");
    const r = jmxplan([SR, "--format", "md", "--out", out]);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, "");
    assert.match(readFileSync(out, "utf8"), /^## jmxplan analyze/);
    assert.deepEqual(readdirSync(join(DIR, "reports")), ["r.md"]);
  });

  it("--fail-on: severities, ids and prefixes exit 1 when matched, 0 when not, 2 when unknown", () => {
    assert.equal(jmxplan([SR, "--fail-on", "error"]).code, 1);
    assert.equal(jmxplan([SR, "--fail-on", "rate-limit.shared-quota"]).code, 1);
    assert.equal(jmxplan([SR, "--fail-on", "rate-limit.*"]).code, 1);
    assert.equal(jmxplan([SR, "--fail-on", "client.saturated,rate-limit.primary"]).code, 0);
    assert.equal(jmxplan([UNLIMITED, "--fail-on", "info"]).code, 0);
    const bad = jmxplan([SR, "--fail-on", "rate-limits"]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--fail-on: unknown "rate-limits"/);
    assert.ok(!bad.err.includes("    at "), "stack trace");
  });

  it("--timestamps end reads end-stamped files to the same findings", () => {
    const a = json(jmxplan([SR, "--format", "json"]));
    const b = json(jmxplan([SR_END, "--format", "json", "--timestamps", "end"]));
    assert.equal(b.input.timestamps, "end");
    assert.deepEqual(b.findings.map((f) => [f.id, f.labels]), a.findings.map((f) => [f.id, f.labels]));
    assert.equal(jmxplan([SR, "--timestamps", "middle"]).code, 2);
  });

  it("--retry-after-column names the sample_variables column that holds Retry-After", () => {
    const without = json(jmxplan([SR_RENAMED, "--format", "json"]));
    const withCol = json(jmxplan([SR_RENAMED, "--format", "json", "--retry-after-column", "wait_s"]));
    const ref = json(jmxplan([SR, "--format", "json"]));
    assert.ok(!without.findings.some((f) => f.id.startsWith("retry-after.")), "no Retry-After without the column");
    assert.deepEqual(withCol.findings.map((f) => f.id), ref.findings.map((f) => f.id));
    const missing = jmxplan([SR, "--retry-after-column", "nope"]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /no such column/);
  });

  it("two engines (one gzipped) analysed together", () => {
    const j = json(jmxplan([E0, E1, "--format", "json"]));
    assert.equal(j.input.files.length, 2);
    const p = j.findings.find((f) => f.id === "rate-limit.primary");
    assert.ok(p && Math.abs(p.estimate.requestsPerSecond! - 20) <= 5, JSON.stringify(p?.estimate));
  });

  it("--plan compares the plan's threads and rates with the run", () => {
    const r = jmxplan([SR, "--format", "json", "--plan", "plans/screen-recording.plan.ts"]);
    assert.equal(r.code, 0, r.err);
    const plan = json(r).summary.plan!;
    assert.ok(plan.windows.length >= 3 && plan.verdict.length > 20, JSON.stringify(plan).slice(0, 300));
    assert.match(jmxplan([SR, "--plan", "plans/screen-recording.plan.ts"]).out, /PLAN/);
    assert.equal(jmxplan([SR, "--plan", join(DIR, "missing.plan.ts")]).code, 2);
  });

  it("no progress bar when stderr is piped, --quiet or not (the bar itself: test/jtl/progress.test.ts)", () => {
    for (const extra of [[], ["--quiet"]]) {
      const r = jmxplan([SR, "--format", "json", ...extra]);
      assert.equal(r.code, 0);
      assert.equal(r.err, "");
    }
  });

  it("unusable input or usage: exit 2 with one message", () => {
    const missing = jmxplan([join(DIR, "nope.jtl")]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /no such file/);
    const garbage = jmxplan([file("garbage.jtl", "this is not a JTL\nat all\n")]);
    assert.equal(garbage.code, 2, garbage.err);
    assert.ok(!garbage.err.includes("    at "), garbage.err);
    assert.equal(jmxplan([]).code, 2);
    assert.equal(jmxplan([SR, "--bogus"]).code, 2);
    assert.ok(existsSync(SR));
  });
});
