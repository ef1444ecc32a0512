import { test } from "node:test";
import assert from "node:assert/strict";
import type { Node } from "../../src/dsl/node.js";
import { testPlan } from "../../src/dsl/elements/test-plan.js";
import { threadGroup } from "../../src/dsl/elements/thread-group.js";
import { setUpThreadGroup } from "../../src/dsl/elements/setup-thread-group.js";
import { tearDownThreadGroup } from "../../src/dsl/elements/teardown-thread-group.js";
import { concurrencyThreadGroup, tstFeedback } from "../../src/dsl/elements/concurrency-thread-group.js";
import { arrivalsThreadGroup } from "../../src/dsl/elements/arrivals-thread-group.js";
import { ultimateThreadGroup } from "../../src/dsl/elements/ultimate-thread-group.js";
import { throughputShapingTimer, stage } from "../../src/dsl/elements/throughput-shaping-timer.js";
import { constantThroughputTimer } from "../../src/dsl/elements/constant-throughput-timer.js";
import { jitter } from "../../src/dsl/elements/jitter.js";
import { ifController } from "../../src/dsl/elements/if-controller.js";
import { whileController } from "../../src/dsl/elements/while-controller.js";
import { throughputController } from "../../src/dsl/elements/throughput-controller.js";
import { loopController } from "../../src/dsl/elements/loop-controller.js";
import { userDefinedVariables } from "../../src/dsl/elements/user-defined-variables.js";
import { raw } from "../../src/dsl/elements/raw.js";

const inTg = (...c: Node[]) => testPlan({}, threadGroup({}, ...c));

test("core thread groups: the scheduler needs a positive duration", () => {
  accepts(testPlan({}, setUpThreadGroup({ loops: "forever" }), tearDownThreadGroup({ duration: "1m", delay: 5 })));
  rejects(testPlan({}, setUpThreadGroup({ duration: 0 })), "children[0].duration", /positive duration/);
  rejects(testPlan({}, tearDownThreadGroup({ delay: "10s" })), "children[0].duration", /delay turns the scheduler on/);
  rejects(testPlan({}, threadGroup({ delay: 1 })), "children[0].duration", /needs a duration/);
  rejects(testPlan({}, setUpThreadGroup({ delayedStart: true } as never)), "children[0]", /unknown field "delayedStart"/);
});

test("casutg thread groups take expressions and reject bad numbers", () => {
  accepts(testPlan({}, concurrencyThreadGroup({ target: tstFeedback("tst", 10, 200), rampUp: "5m", steps: 5, hold: prop("hold", 60) })));
  rejects(testPlan({}, concurrencyThreadGroup({ target: 2.5 })), "children[0].target", /expected an integer >= 1/);
  rejects(testPlan({}, concurrencyThreadGroup({ rampUp: "soon" })), "children[0].rampUp", /expected a duration like "30s"/);
  rejects(testPlan({}, ultimateThreadGroup({ rows: [] })), "children[0].rows", /at least one schedule row/);
  rejects(testPlan({}, ultimateThreadGroup({ rows: [{ threads: 0, hold: 10 }] })), "children[0].rows[0].threads", /integer >= 1/);
});

test("arrivals: TargetLevel must be whole per second or per minute, per engine", () => {
  accepts(testPlan({}, arrivalsThreadGroup({ rate: 0.5 })));
  accepts(testPlan({ engines: 3 }, arrivalsThreadGroup({ rate: 10 })));
  rejects(testPlan({}, arrivalsThreadGroup({ rate: 0.01 })), "children[0].rate", /whole number per second or per minute; got 0.01\/s = 0.6\/min/);
  rejects(testPlan({ engines: 7 }, arrivalsThreadGroup({ rate: 1 })), "children[0].rate", /per engine \(1\/s over 7 engines\)/);
  rejects(testPlan({}, arrivalsThreadGroup({ rate: 0.5, unit: "S" })), "children[0].rate", /per second \(unit S\)/);
});

test("timers: shaping stages, throughput modes and jitter bounds", () => {
  accepts(testPlan({}, throughputShapingTimer({ stages: [stage.line(0, 10, "1m"), stage.step(10, 50, 10, "30s"), stage.const(prop("rps", 50), "5m")] })));
  rejects(testPlan({}, throughputShapingTimer({ stages: [] })), "children[0].stages", /at least one stage/);
  rejects(testPlan({}, throughputShapingTimer({ stages: [stage.step(1.5, 5, 1, 10)] })), "children[0].stages[0].from", /whole number/);
  rejects(testPlan({}, throughputShapingTimer({ stages: [stage.const(5, "1.5s")] })), "children[0].stages[0].duration", /whole number of seconds/);
  rejects(testPlan({}, constantThroughputTimer({ perMinute: 60, calcMode: "everyone" as never })), "children[0].calcMode", /thisThread/);
  accepts(testPlan({}, jitter({ min: "100ms", max: "2s" })));
  rejects(testPlan({}, jitter({ min: 500, max: 100 })), "children[0].max", /expected max >= min \(500 ms\), got 100 ms/);
  rejects(testPlan({}, jitter({ min: 1, max: 2, variable: "a b" })), "children[0].variable", /JMeter variable name/);
});

test("controllers: conditions, throughput choice, loops", () => {
  accepts(inTg(ifController({ jexl: 'vars.get("n") < 3' }), whileController({}), whileController({ condition: "${more}" })));
  rejects(inTg(ifController({})), "children[0].children[0].groovy", /expected a condition/);
  rejects(inTg(ifController({ groovy: "a", jexl: "b" })), "children[0].children[0].jexl", /one of groovy, jexl or condition/);
  rejects(inTg(whileController({ groovy: 'vars.get("x") == ")"' })), "children[0].children[0].groovy", /balanced parentheses/);
  rejects(inTg(throughputController({ percent: 10, total: 5 })), "children[0].children[0].percent", /exactly one of percent or total/);
  rejects(inTg(throughputController({ percent: 150 })), "children[0].children[0].percent", /0\.\.100, got 150/);
  rejects(inTg(loopController({ loops: -1 })), "children[0].children[0].loops", /integer >= 0, "forever" or/);
  rejects(testPlan({}, loopController({})), "children[0]", /a controller \(loopController\) cannot be placed inside testPlan/);
});

test("config and raw", () => {
  accepts(testPlan({}, userDefinedVariables({ variables: { a: 1, b: "${__P(b,x)}" } })));
  rejects(testPlan({}, userDefinedVariables({ variables: { "": "x" } })), "children[0].variables", /variable names, got an empty one/);
  const xml = { tag: "DebugSampler", attrs: { testname: "d" }, children: [{ tag: "boolProp", attrs: { name: "x" }, text: "true" }] };
  accepts(inTg(raw({ category: "sampler", xml }, jitter({ min: 1, max: 2 }))));
  rejects(testPlan({}, raw({ category: "sampler", xml })), "children[0]", /a sampler \(raw\) cannot be placed inside testPlan/);
  rejects(inTg(raw({ category: "sampler", xml: { tag: "1bad" } })), "children[0].children[0].xml.tag", /XML element name/);
  rejects(inTg(raw({ category: "sampler", xml: { tag: "a", text: "t", children: [{ tag: "b" }] } })), "children[0].children[0].xml", /text or children/);
});

test("text XML cannot carry is reported with its path", () => {
  rejects(inTg(ifController({ name: "bell\u0007", condition: "${x}" })), "children[0].children[0].name", /control character U\+0007/);
  rejects(testPlan({}, userDefinedVariables({ variables: { a: "x\u0000" } })), "children[0].variables.a", /U\+0000/);
});

test("every problem is reported at once", () => {
  const found = issues(testPlan({ engines: 7 }, arrivalsThreadGroup({ rate: 1, hold: "x" }), ultimateThreadGroup({ rows: [] })));
  assert.deepEqual(found.map((i) => i.path).sort(), ["children[0].hold", "children[1].rows"].sort());
});

import { prop } from "../../src/dsl/expr.js";
import { accepts, issues, rejects } from "./validate-helpers.js";
