import assert from "node:assert/strict";
import { test } from "node:test";
import { readJmx } from "../../src/jmx/read.js";
import { lint, rules } from "../../src/lint/index.js";
import { profilePlan } from "../../src/profile/index.js";

import { constant, FOREVER, http, jitterTimer, jmx, loops, retryAfterHandler, SCHEDULED } from "./fixtures.js";

function run(rule: string, xml: string, extra: { engines?: number } = {}) {
  return lint({ file: "t.jmx", tree: readJmx(xml).elements, fromJmx: true, ...extra }).filter((f) => f.rule === rule);
}
function runPlan(rule: string, plan: Record<string, unknown>) {
  return lint({ file: "t.plan.ts", tree: [], plan: plan as never, profile: profilePlan(plan as never), fromJmx: false }).filter((f) => f.rule === rule);
}

const tested = new Set<string>();
function cases(rule: string, failing: () => unknown[], passing: () => unknown[]) {
  tested.add(rule);
  test(`${rule}: flags the failing example`, () => assert.ok(failing().length > 0));
  test(`${rule}: passes the passing example`, () => assert.deepEqual(passing(), []));
}

cases("constant-timer-backoff",
  () => run("constant-timer-backoff", jmx(http("POST /x", true, constant("Respect Retry-After", "2000")))),
  () => run("constant-timer-backoff", jmx(http("POST /x", true, constant("think time", "2000")))));

cases("retry-after-missing",
  () => run("retry-after-missing", jmx(http("POST /x", true, constant("wait on 429", "2000")))),
  () => run("retry-after-missing", jmx(http("POST /x", true, constant("wait on 429", "2000") + retryAfterHandler('def s = prev.getResponseHeaders() =~ /Retry-After: (\\d+)/; jitter = 0.3')))));

cases("retry-without-jitter",
  () => run("retry-without-jitter", jmx(`<WhileController guiclass="WhileControllerGui" testclass="WhileController" testname="retry while 429" enabled="true"><stringProp name="WhileController.condition">\${__jexl3("\${code}" == "429")}</stringProp></WhileController><hashTree>${http()}${constant("pause", "1000")}</hashTree>`)),
  () => run("retry-without-jitter", jmx(`<WhileController guiclass="WhileControllerGui" testclass="WhileController" testname="retry while 429" enabled="true"><stringProp name="WhileController.condition">\${__jexl3("\${code}" == "429")}</stringProp></WhileController><hashTree>${http()}${jitterTimer}</hashTree>`)));

const limitPlan = (rps: number) => ({
  kind: "testPlan", name: "P", engines: 1, declaredLimits: [{ labels: ["POST /recordings"], requestsPerSecond: 5, source: "vendor docs" }],
  children: [{ kind: "concurrencyThreadGroup", name: "Agents", target: 200, rampUp: 60, steps: 0, hold: 60, children: [
    { kind: "httpRequest", name: "POST /recordings", children: [{ kind: "throughputShapingTimer", name: "starts", stages: [{ type: "const", rps, duration: 120 }], children: [] }] },
  ] }],
});
cases("declared-limit", () => runPlan("declared-limit", limitPlan(10)), () => runPlan("declared-limit", limitPlan(4)));

const tstPlan = (target: number | string) => ({
  kind: "testPlan", name: "P", engines: 1, children: [{ kind: "concurrencyThreadGroup", name: "Agents", target, rampUp: 0, steps: 0, hold: 60, children: [
    { kind: "throughputShapingTimer", name: "tst", stages: [{ type: "const", rps: 50, duration: 60 }], children: [] }, { kind: "httpRequest", name: "GET /", children: [] },
  ] }],
});
cases("shaping-timer-threads", () => runPlan("shaping-timer-threads", tstPlan(10)), () => runPlan("shaping-timer-threads", tstPlan("${__tstFeedback(tst,10,100,0.1)}")));
cases("shaping-timer-feedback", () => runPlan("shaping-timer-feedback", tstPlan(100)), () => runPlan("shaping-timer-feedback", tstPlan("${__tstFeedback(tst,10,100,0.1)}")));

const wsOpen = `<eu.luminis.jmeter.wssampler.OpenWebSocketSampler guiclass="eu.luminis.jmeter.wssampler.OpenWebSocketSamplerGui" testclass="eu.luminis.jmeter.wssampler.OpenWebSocketSampler" testname="open" enabled="true"><stringProp name="server">h</stringProp></eu.luminis.jmeter.wssampler.OpenWebSocketSampler><hashTree/>`;
const wsWrite = `<eu.luminis.jmeter.wssampler.SingleWriteWebSocketSampler guiclass="x" testclass="eu.luminis.jmeter.wssampler.SingleWriteWebSocketSampler" testname="write" enabled="true"><boolProp name="createNewConnection">false</boolProp></eu.luminis.jmeter.wssampler.SingleWriteWebSocketSampler><hashTree/>`;
const once = (inner: string) => `<OnceOnlyController guiclass="OnceOnlyControllerGui" testclass="OnceOnlyController" testname="once" enabled="true"/><hashTree>${inner}</hashTree>`;
cases("websocket-reopen", () => run("websocket-reopen", jmx(wsOpen + wsWrite, loops(10))), () => run("websocket-reopen", jmx(once(wsOpen) + wsWrite, loops(10))));

cases("random-bounds", () => run("random-bounds", jmx(constant("t", "${__Random(900,100)}") + constant("u", "${__Random(a,5)}"))), () => run("random-bounds", jmx(jitterTimer)));
cases("random-once-per-iteration", () => run("random-once-per-iteration", jmx(constant("t", "${__Random(100,900)}"))), () => run("random-once-per-iteration", jmx(jitterTimer + constant("t", "500"))));

const writer = (fields: string) => `<ResultCollector guiclass="SimpleDataWriter" testclass="ResultCollector" testname="writer" enabled="true"><objProp><name>saveConfig</name><value class="SampleSaveConfiguration">${fields}</value></objProp><stringProp name="filename">out.jtl</stringProp></ResultCollector><hashTree/>`;
const ALL = ["timestamp", "time", "label", "code", "success", "threadName", "threadCounts", "latency", "connectTime", "idleTime"].map((f) => `<${f}>true</${f}>`).join("");
cases("results-columns", () => run("results-columns", jmx(writer("<time>true</time><label>true</label>"))), () => run("results-columns", jmx(writer(ALL))));

const tst = (start: string) => `<kg.apc.jmeter.timers.VariableThroughputTimer guiclass="kg.apc.jmeter.timers.VariableThroughputTimerGui" testclass="kg.apc.jmeter.timers.VariableThroughputTimer" testname="tst" enabled="true"><collectionProp name="load_profile"><collectionProp name="1"><stringProp name="1">${start}</stringProp><stringProp name="2">${start}</stringProp><stringProp name="3">60</stringProp></collectionProp></collectionProp></kg.apc.jmeter.timers.VariableThroughputTimer><hashTree/>`;
cases("engines-not-divided", () => run("engines-not-divided", jmx(tst("100")), { engines: 4 }), () => run("engines-not-divided", jmx(tst("${__jexl3(${__P(rps,100)} / 4.0)}")), { engines: 4 }));

cases("numeric-expression",
  () => run("numeric-expression", jmx(`<ConstantThroughputTimer guiclass="TestBeanGUI" testclass="ConstantThroughputTimer" testname="ctt" enabled="true"><intProp name="calcMode">0</intProp><doubleProp><name>throughput</name><value>\${__P(tpm,60)}</value><savedValue>0.0</savedValue></doubleProp></ConstantThroughputTimer><hashTree/>`)),
  () => run("numeric-expression", jmx(`<ConstantThroughputTimer guiclass="TestBeanGUI" testclass="ConstantThroughputTimer" testname="ctt" enabled="true"><intProp name="calcMode">0</intProp><stringProp name="throughput">\${__P(tpm,60)}</stringProp></ConstantThroughputTimer><hashTree/>`)));

cases("http-timeouts", () => run("http-timeouts", jmx(http("GET /", false))), () => run("http-timeouts", jmx(http("GET /", true))));
cases("endless-loop", () => run("endless-loop", jmx(http(), FOREVER)), () => run("endless-loop", jmx(http(), FOREVER + SCHEDULED)));

test("every rule has a failing and a passing example, and a unique id", () => {
  assert.deepEqual([...tested].sort(), rules.map((r) => r.id).sort());
  assert.equal(new Set(rules.map((r) => r.id)).size, rules.length);
});

test("findings carry the rule, severity, path, line and fix", () => {
  const [f] = run("http-timeouts", jmx(http("GET /", false)));
  assert.deepEqual({ ...f, message: undefined, fix: typeof f?.fix }, { rule: "http-timeouts", severity: "warning", path: "Plan > Users > GET /", line: 8, message: undefined, fix: "string" });
});

test("websocket-reopen counts the frame a request-response opener sends itself", () => {
  const rr = `<eu.luminis.jmeter.wssampler.RequestResponseWebSocketSampler guiclass="x" testclass="eu.luminis.jmeter.wssampler.RequestResponseWebSocketSampler" testname="hello" enabled="true"><boolProp name="createNewConnection">true</boolProp></eu.luminis.jmeter.wssampler.RequestResponseWebSocketSampler><hashTree/>`;
  const ping = `<eu.luminis.jmeter.wssampler.PingPongSampler guiclass="x" testclass="eu.luminis.jmeter.wssampler.PingPongSampler" testname="ping" enabled="true"></eu.luminis.jmeter.wssampler.PingPongSampler><hashTree/>`;
  assert.equal(run("websocket-reopen", jmx(rr, loops(3))).length, 1);
  assert.deepEqual(run("websocket-reopen", jmx(rr + ping, loops(3))), []);
});
