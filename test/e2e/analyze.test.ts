// real JMeter 5.4.3 against nginx limit_req / limit_conn with known settings, and against the unlimited lab:
// the analysis must name the configured limits, within the tolerances, and nothing on the unlimited run
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { analyzeFiles } from "../../src/analysis/index.js";
import { constantTimer, http, ifController, loopController, testPlan, threadGroup, uniformRandomTimer, wsClose, wsOpen, wsRead, wsWrite } from "../../src/index.js";
import { startLab, type LabHandle } from "../../src/lab/index.js";
import { startNginx, type NginxHandle } from "../../src/lab/nginx.js";
import { jmeterHome, runJmeter } from "./harness.js";

let lab: LabHandle;
let nginx: NginxHandle;
const RATE = 10;
const CONNS = 8;

// assembling JMeter's home (first run, or a new jmeter/pom.xml) downloads from Maven Central: setup, not the tests' time
before(() => jmeterHome(), { timeout: 900_000 });

before(async () => {
  lab = await startLab({ profile: "unlimited", port: 0 });
  nginx = await startNginx({ upstreamPort: lab.port, profile: { rate: `${RATE}r/s`, burst: 5, nodelay: true, wsPath: "/ws", wsConnections: CONNS, retryAfter: 1 } });
});
after(async () => {
  await nginx?.stop();
  await lab?.stop();
});

const within = (actual: number | undefined, truth: number, tol: number, what: string) =>
  assert.ok(actual !== undefined && Math.abs(actual - truth) <= tol * truth, `${what}: estimated ${actual}, configured ${truth} (±${tol * 100}%)`);

/** run the plan in JMeter, which must end cleanly, and analyse the JTL it wrote */
async function runAndAnalyze(plan: Parameters<typeof runJmeter>[0], timeoutMs: number) {
  const r = await runJmeter(plan, { timeoutMs });
  assert.equal(r.code, 0, r.log.slice(-2000));
  return analyzeFiles([r.jtl]);
}

describe("analysis of real JMeter runs", () => {
  it(`nginx limit_req ${RATE}r/s burst 5: rate-limit.primary at ${RATE}/s`, { timeout: 150_000 }, async (t) => {
    const plan = testPlan(
      { name: "limit_req" },
      threadGroup({ name: "readers", threads: 20, rampUp: 2, loops: "forever", duration: 30 }, http.get("/api/items", { name: "GET items", host: "127.0.0.1", port: nginx.port }), uniformRandomTimer({ name: "pause", offset: 30, range: 40 })),
    );
    const a = await runAndAnalyze(plan, 90_000);
    const p = a.findings.filter((f) => f.id === "rate-limit.primary");
    assert.equal(p.length, 1, JSON.stringify(a.findings.map((f) => [f.id, f.estimate])));
    t.diagnostic(`limit_req ${RATE}r/s: estimated ${JSON.stringify(p[0]!.estimate)} from ${a.input.samples} samples`);
    within(p[0]!.estimate.requestsPerSecond, RATE, 0.25, "limit_req rate");
    assert.ok(!a.findings.some((f) => f.id === "rate-limit.secondary.concurrency" || f.id === "client.saturated"));
  });

  it(`nginx limit_conn ${CONNS} on WebSocket upgrades: rate-limit.secondary.concurrency at ${CONNS}`, { timeout: 150_000 }, async (t) => {
    const ws = { server: "127.0.0.1", port: nginx.port, connectTimeout: "5s" };
    const plan = testPlan(
      { name: "limit_conn" },
      threadGroup(
        { name: "streamers", threads: 16, rampUp: 4, loops: "forever", duration: 40 },
        wsOpen({ name: "WS open", ...ws, path: "/ws/stream", readTimeout: "5s" }, constantTimer({ name: "before open", delay: 200 })),
        ifController(
          { name: "if open", condition: "${JMeterThread.last_sample_ok}" },
          loopController({ name: "frames", loops: 12 }, wsWrite({ name: "WS write", data: "frame ${__counter(TRUE,)}" }, constantTimer({ name: "frame interval", delay: 300 })), wsRead({ name: "WS read", readTimeout: "5s" })),
          wsClose({ name: "WS close", statusCode: 1000 }),
        ),
      ),
    );
    const a = await runAndAnalyze(plan, 100_000);
    const c = a.findings.filter((f) => f.id === "rate-limit.secondary.concurrency");
    assert.equal(c.length, 1, JSON.stringify(a.findings.map((f) => [f.id, f.labels, f.estimate])));
    assert.deepEqual(c[0]!.labels, ["WS open"]);
    t.diagnostic(`limit_conn ${CONNS}: estimated ${JSON.stringify(c[0]!.estimate)} from ${a.input.samples} samples`);
    within(c[0]!.estimate.concurrent, CONNS, 0.1, "limit_conn");
    assert.ok(!a.findings.some((f) => f.id === "rate-limit.primary" || f.id === "rate-limit.secondary.burst"), JSON.stringify(a.findings.map((f) => f.id)));
  });

  it("the unlimited lab: no rate-limit, retry-after or rejection finding", { timeout: 120_000 }, async () => {
    const plan = testPlan(
      { name: "unlimited" },
      threadGroup({ name: "readers", threads: 10, rampUp: 2, loops: "forever", duration: 20 }, http.get("/api/items", { name: "GET items", host: "127.0.0.1", port: lab.port }), uniformRandomTimer({ name: "pause", offset: 20, range: 20 })),
    );
    const a = await runAndAnalyze(plan, 60_000);
    assert.ok(a.input.samples > 1000, String(a.input.samples));
    assert.deepEqual(a.findings.map((f) => f.id), []);
  });
});
