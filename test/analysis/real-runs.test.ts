// result files from real JMeter 5.4.3 runs of plans/screen-recording.plan.ts against the lab's genesys-screen-recording
// profile: the findings must name the limits the profile configures, checked against the profile and the lab's own log
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { analyzeFiles } from "../../src/analysis/index.js";
import { genesysScreenRecording } from "../../src/lab/profiles/genesys-screen-recording.js";

const initiation = genesysScreenRecording.limiters!.find((l) => l.name === "screen-recording.initiation")! as { rate: string; burst: number };
const RATE = Number(initiation.rate.split("/")[0]) / 60;
const BURST = initiation.burst;
const LABELS = ["POST screen-recordings", "WS open stream"];

describe("real runs against the lab", () => {
  it("examples/screen-recording.jtl: the shared initiation limit, delayed rejections, Retry-After not enough", async () => {
    const a = await analyzeFiles(["examples/screen-recording.jtl"]);
    const by = (id: string) => a.findings.filter((f) => f.id === id);
    const [b] = by("rate-limit.secondary.burst");
    assert.deepEqual(b?.labels, LABELS);
    assert.ok(Math.abs(b!.estimate.requestsPerSecond! - RATE) <= 0.25 * RATE, `rate ${b!.estimate.requestsPerSecond} vs ${RATE}`);
    assert.ok(Math.abs(b!.estimate.burst! - BURST) <= 0.25 * BURST, `burst ${b!.estimate.burst} vs ${BURST}`);
    assert.deepEqual(by("rate-limit.shared-quota")[0]?.labels, LABELS);
    assert.equal(by("rate-limit.primary").length, 0, "the 300/min sustained limit was never reached");
    assert.ok(by("retry-after.insufficient").some((f) => f.labels[0] === "POST screen-recordings"));
    // the lab logged which refusals it held before answering: the analysis's slow rejections are those
    const log = readFileSync("examples/screen-recording.lab.jsonl", "utf8").trim().split("\n").map((l) => JSON.parse(l) as { decision: string; heldMs: number });
    const rejected = log.filter((r) => r.decision === "rejected");
    const held = rejected.filter((r) => r.heldMs > 0).length;
    const [d] = by("rejection.delayed");
    assert.ok(d, "rejection.delayed");
    assert.equal(d.evidence[0]!.values.fast! + d.evidence[0]!.values.slow!, rejected.length);
    assert.ok(Math.abs(d.evidence[0]!.values.slow! - held) <= 0.05 * rejected.length, `slow ${d.evidence[0]!.values.slow} vs held ${held}`);
  });

  it("a run whose WebSocket upgrade carried no token: two separate limits, no shared quota", async () => {
    const a = await analyzeFiles(["test/analysis/fixtures/screen-recording-upgrade-without-token.jtl.gz"]);
    const b = a.findings.filter((f) => f.id === "rate-limit.secondary.burst");
    assert.deepEqual(b.map((f) => f.labels), [[LABELS[0]], [LABELS[1]]]);
    for (const f of b) assert.ok(Math.abs(f.estimate.requestsPerSecond! - RATE) <= 0.25 * RATE, `${f.labels[0]}: ${f.estimate.requestsPerSecond}`);
    assert.equal(a.findings.filter((f) => f.id === "rate-limit.shared-quota").length, 0);
  });
});
