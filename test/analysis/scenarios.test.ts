// every finding against a simulated limiter with known parameters, and the negatives
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeSamples, type Finding } from "../../src/analysis/index.js";
import { Report } from "../../src/analysis/report.js";
import { scenarios, type ScenarioName } from "./sim/scenarios.js";
import { simulate } from "./sim/sim.js";

const cache = new Map<ScenarioName, Promise<Awaited<ReturnType<typeof analyzeSamples>>>>();
const analysis = (name: ScenarioName) => {
  let p = cache.get(name);
  if (!p) cache.set(name, (p = analyzeSamples(simulate(scenarios[name].scenario))));
  return p;
};
const ids = (fs: Finding[]) => [...new Set(fs.map((f) => f.id))].sort();
const only = (fs: Finding[], id: string) => fs.filter((f) => f.id === id);
const LIMIT_IDS = /^(rate-limit|retry-after|rejection)\./;

function within(actual: number | undefined, truth: number, tol: number, what: string) {
  assert.ok(actual !== undefined, `${what}: no estimate`);
  assert.ok(Math.abs(actual - truth) <= tol * truth, `${what}: estimated ${actual}, truth ${truth} (±${tol * 100}%)`);
}

describe("analysis on simulated limiters", () => {
  it("API-wide token bucket: rate-limit.primary at the bucket rate, nothing about concurrency", async () => {
    const a = await analysis("tokenBucket");
    const [p, ...rest] = only(a.findings, "rate-limit.primary");
    assert.equal(rest.length, 0);
    within(p?.estimate.requestsPerSecond, 20, 0.25, "rate");
    assert.deepEqual(p!.labels, ["GET /items", "POST /orders"]);
    for (const id of ["rate-limit.secondary.concurrency", "rate-limit.secondary.burst", "rate-limit.shared-quota", "rejection.delayed", "client.saturated", "errors.http"]) assert.ok(!ids(a.findings).includes(id), id);
    assert.ok(p!.evidence.length >= 3 && p!.evidence.every((e) => e.text && Object.keys(e.values).length));
    assert.match(p!.recommendation, /Throughput Shaping Timer/);
    assert.match(p!.recommendation, /-Jload_profile=/);
  });

  it("two separate limits: one secondary limit per label, no shared quota", async () => {
    const a = await analysis("twoLimits");
    const b = only(a.findings, "rate-limit.secondary.burst");
    assert.deepEqual(b.map((f) => f.labels), [["GET /items"], ["POST /orders"]]);
    for (const f of b) within(f.estimate.requestsPerSecond, 10, 0.25, f.labels[0]!);
    assert.equal(only(a.findings, "rate-limit.shared-quota").length, 0);
    assert.equal(only(a.findings, "rate-limit.primary").length, 0);
  });

  it("fixed window: the rate and the window length", async () => {
    const a = await analysis("fixedWindow");
    const [p] = only(a.findings, "rate-limit.primary");
    within(p?.estimate.requestsPerSecond, 10, 0.25, "rate");
    assert.equal(p!.estimate.windowSeconds, 10);
  });

  it("secondary burst limit on session starts while reads flow faster", async () => {
    const a = await analysis("secondaryBurst");
    const [b, ...rest] = only(a.findings, "rate-limit.secondary.burst");
    assert.equal(rest.length, 0);
    assert.deepEqual(b!.labels, ["POST /sessions"]);
    within(b!.estimate.requestsPerSecond, 4, 0.25, "rate");
    assert.ok(b!.estimate.burst! >= 4 && b!.estimate.burst! <= 12, `burst ${b!.estimate.burst}`);
    assert.equal(only(a.findings, "rate-limit.primary").length, 0);
    assert.match(b!.recommendation, /ramp \d+ threads over ≥ \d+ s/);
  });

  it("concurrency cap on requests: rate-limit.secondary.concurrency within 10%, no rate finding", async () => {
    const a = await analysis("concurrency");
    const [c] = only(a.findings, "rate-limit.secondary.concurrency");
    within(c?.estimate.concurrent, 20, 0.1, "concurrent");
    assert.deepEqual(c!.labels, ["GET /report"]);
    assert.equal(a.findings.filter((f) => f.id === "rate-limit.primary" || f.id === "rate-limit.secondary.burst").length, 0);
  });

  it("concurrency cap on WebSocket sessions (upgrade to close)", async () => {
    const a = await analysis("wsStreams");
    const [c] = only(a.findings, "rate-limit.secondary.concurrency");
    within(c?.estimate.concurrent, 30, 0.1, "concurrent");
    assert.match(c!.title, /open sessions/);
  });

  it("a REST create and a WebSocket upgrade sharing one pool", async () => {
    const a = await analysis("sharedPool");
    const [s] = only(a.findings, "rate-limit.shared-quota");
    assert.deepEqual(s?.labels, ["POST /recordings", "WS connect"]);
    within(s!.estimate.requestsPerSecond, 6, 0.25, "pool rate");
  });

  it("retries sooner than Retry-After", async () => {
    const a = await analysis("retryIgnored");
    const ig = only(a.findings, "retry-after.ignored");
    assert.ok(ig.length >= 1);
    const ev = ig[0]!.evidence[0]!.values;
    assert.ok(ev.ignored! / ev.advised! > 0.5, JSON.stringify(ev));
    within(only(a.findings, "rate-limit.primary")[0]?.estimate.requestsPerSecond, 10, 0.25, "rate");
  });

  it("Retry-After shorter than the real window", async () => {
    const a = await analysis("retryInsufficient");
    const ins = only(a.findings, "retry-after.insufficient");
    assert.ok(ins.length >= 1);
    assert.match(ins[0]!.title, /still closed/);
    for (const f of ins) assert.ok(f.estimate.windowSeconds! >= 9 && f.estimate.windowSeconds! <= 13, `windowSeconds ${f.estimate.windowSeconds}`);
    assert.match(ins[0]!.recommendation, /wait max\(Retry-After, \d+ s\)/);
    const [p] = only(a.findings, "rate-limit.primary");
    within(p?.estimate.requestsPerSecond, 3, 0.25, "rate");
    assert.equal(p!.estimate.windowSeconds, 10);
    assert.equal(only(a.findings, "retry-after.ignored").length, 0);
  });

  it("held rejections: bimodal failure latency", async () => {
    const a = await analysis("heldRejections");
    const [d] = only(a.findings, "rejection.delayed");
    assert.ok(d);
    assert.ok(d.evidence[0]!.values.slowP50Ms! >= 2000 && d.evidence[0]!.values.fastP50Ms! < 100, JSON.stringify(d.evidence[0]!.values));
    within(only(a.findings, "rate-limit.primary")[0]?.estimate.requestsPerSecond, 15, 0.25, "rate");
  });

  it("the user's case: shared initiation pool, delayed rejections, Retry-After not enough", async () => {
    const a = await analysis("screenRecording");
    const [b] = only(a.findings, "rate-limit.secondary.burst");
    assert.deepEqual(b?.labels, ["POST /screen-recordings", "WS connect"]);
    within(b!.estimate.requestsPerSecond, 0.5, 0.25, "initiation rate");
    within(b!.estimate.burst, 20, 0.25, "initiation burst");
    assert.deepEqual(only(a.findings, "rate-limit.shared-quota")[0]?.labels, ["POST /screen-recordings", "WS connect"]);
    assert.ok(only(a.findings, "rejection.delayed").length === 1);
    const ins = only(a.findings, "retry-after.insufficient");
    assert.ok(ins.some((f) => f.labels[0] === "POST /screen-recordings" && /other threads took the capacity/.test(f.title)));
    assert.equal(only(a.findings, "rate-limit.primary").length, 0);
  });

  it("two engines merged: the pool's rate over both", async () => {
    const a = await analysis("twoEngines");
    within(only(a.findings, "rate-limit.primary")[0]?.estimate.requestsPerSecond, 20, 0.25, "rate");
    assert.equal(a.summary.engines, 2);
    assert.match(only(a.findings, "rate-limit.primary")[0]!.recommendation, /2 engines/);
  });

  for (const [name, expect] of [
    ["unlimited", []],
    ["flaky", ["errors.http"]],
    ["saturatedGenerator", ["client.saturated"]],
  ] as const) {
    it(`negative: ${name} has no rate-limit, retry-after or rejection finding`, async () => {
      const a = await analysis(name);
      assert.deepEqual(a.findings.filter((f) => LIMIT_IDS.test(f.id)).map((f) => f.id), []);
      assert.deepEqual(ids(a.findings), [...expect]);
    });
  }

  it("every report matches the JSON contract", async () => {
    for (const name of Object.keys(scenarios) as ScenarioName[]) {
      const a = await analysis(name);
      const { timeline: _t, ...json } = a;
      Report.parse(JSON.parse(JSON.stringify(json)));
      for (const f of a.findings) {
        assert.ok(f.recommendation.length > 20, `${name} ${f.id}: recommendation`);
        assert.ok(f.window.endMs >= f.window.startMs);
      }
    }
  });
});
