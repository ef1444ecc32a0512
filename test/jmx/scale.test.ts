import { test } from "node:test";
import assert from "node:assert/strict";
import { scale } from "../../src/jmx/scale.js";
import { entryOf } from "./fragment.js";
import type { Prop } from "../../src/jmx/tree.js";
import { prop } from "../../src/dsl/expr.js";
import { threadGroup } from "../../src/dsl/elements/thread-group.js";
import { concurrencyThreadGroup, tstFeedback } from "../../src/dsl/elements/concurrency-thread-group.js";
import { arrivalsThreadGroup } from "../../src/dsl/elements/arrivals-thread-group.js";
import { ultimateThreadGroup } from "../../src/dsl/elements/ultimate-thread-group.js";
import { throughputShapingTimer, stage } from "../../src/dsl/elements/throughput-shaping-timer.js";
import { constantThroughputTimer } from "../../src/dsl/elements/constant-throughput-timer.js";
import { preciseThroughputTimer } from "../../src/dsl/elements/precise-throughput-timer.js";
import { throughputController } from "../../src/dsl/elements/throughput-controller.js";

test("numbers are divided here: integers rounded and at least 1, rates to 6 places", () => {
  assert.equal(scale(200, 1, 3, true), 67);
  assert.equal(scale(1, 1, 4, true), 1);
  assert.equal(scale(10, 1, 3, false), 3.333333);
  assert.equal(scale(10, 60, 3, true), 200);
  assert.equal(scale("${x}", 1, 1, true), "${x}");
});

test("expressions become JEXL without Math (absent from __jexl3) and with commas escaped", () => {
  assert.equal(scale("${__P(users,200)}", 1, 3, true), "${__jexl3(var n = ((${__P(users,200)}) * 2 + 3) / 6; n < 1 ? 1 : n.intValue())}");
  assert.equal(scale("${__P(rps,10)}", 1, 4, false), "${__jexl3((${__P(rps,10)}) / 4.0)}");
  assert.equal(scale("${a},${b}", 1, 2, false), "${__jexl3((${a}\\,${b}) / 2.0)}");
  assert.equal(scale("${__P(rps,0.5)}", 60, 1, true), "${__jexl3(var n = ((${__P(rps,0.5)}) * 120 + 1) / 2; n < 1 ? 1 : n.intValue())}");
});

const value = (props: Prop[], name: string): unknown => {
  const p = props.find((x) => "name" in x && x.name === name);
  return p && "value" in p ? p.value : p && "items" in p ? p.items : undefined;
};
const strs = (p: unknown): string[] => (p as Prop[]).map((x) => ("value" in x ? String(x.value) : ""));

test("every thread count and rate is divided by the plan's engines", () => {
  const E = 4;
  assert.equal(value(entryOf(threadGroup({ threads: 100 }), E).element.props, "ThreadGroup.num_threads"), "25");
  assert.equal(value(entryOf(concurrencyThreadGroup({ target: 10 }), E).element.props, "TargetLevel"), "3");
  assert.equal(value(entryOf(concurrencyThreadGroup({ target: tstFeedback("tst", 8, 200, 20) }), E).element.props, "TargetLevel"), "${__tstFeedback(tst,2,50,5)}");
  assert.equal(value(entryOf(concurrencyThreadGroup({ target: tstFeedback("tst", 8, 200, 0.2) }), E).element.props, "TargetLevel"), "${__tstFeedback(tst,2,50,0.2)}");
  const atg = entryOf(arrivalsThreadGroup({ rate: 10, concurrencyLimit: 400 }), E).element.props;
  assert.deepEqual([value(atg, "TargetLevel"), value(atg, "Unit"), value(atg, "ConcurrencyLimit")], ["150", "M", "100"]);
  const rows = value(entryOf(ultimateThreadGroup({ rows: [{ threads: 40, hold: 60 }] }), E).element.props, "ultimatethreadgroupdata") as Prop[];
  assert.equal(strs((rows[0] as { items: Prop[] }).items)[0], "10");
  const tst = value(entryOf(throughputShapingTimer({ stages: [stage.line(4, 40, 60)] }), E).element.props, "load_profile") as Prop[];
  assert.deepEqual(strs((tst[0] as { items: Prop[] }).items), ["1", "10", "60"]);
  const shared = entryOf(constantThroughputTimer({ perMinute: 120, calcMode: "allThreadsShared" }), E).element.props;
  assert.deepEqual(shared.find((p) => p.t === "double"), { t: "double", name: "throughput", value: 30 });
  const perThread = entryOf(constantThroughputTimer({ perMinute: 120 }), E).element.props;
  assert.deepEqual(perThread.find((p) => p.t === "double"), { t: "double", name: "throughput", value: 120 }, "per-thread rates are not divided");
  const precise = entryOf(preciseThroughputTimer({ throughput: prop("tph", 3600) }), E).element.props;
  assert.equal(value(precise, "throughput"), "${__jexl3((${__P(tph,3600)}) / 4.0)}");
  const tc = entryOf(throughputController({ total: 100, perThread: false }), E).element.props;
  assert.equal(value(tc, "ThroughputController.maxThroughput"), 25);
});

test("arrivals: a fractional per-second rate is written per minute, durations in minutes too", () => {
  const a = entryOf(arrivalsThreadGroup({ rate: 0.5, rampUp: "90s", hold: "10m" })).element.props;
  assert.deepEqual(["TargetLevel", "Unit", "RampUp", "Hold"].map((n) => value(a, n)), ["30", "M", "1.5", "10"]);
  const s = entryOf(arrivalsThreadGroup({ rate: 4, rampUp: 90 })).element.props;
  assert.deepEqual(["TargetLevel", "Unit", "RampUp"].map((n) => value(s, n)), ["4", "S", "90"]);
  const c = entryOf(concurrencyThreadGroup({ target: 5, rampUp: "2m", hold: "1h" })).element.props;
  assert.deepEqual(["Unit", "RampUp", "Hold"].map((n) => value(c, n)), ["M", "2", "60"]);
  assert.equal(value(entryOf(concurrencyThreadGroup({ target: 5, rampUp: 90, hold: "1h" })).element.props, "Unit"), "S");
});
