import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { area, peak, profilePlan, rampSeries, resolve, rowsSeries, stageRows, sum, valueAt, type Series } from "../../src/profile/index.js";
import { Resolver } from "../../src/profile/values.js";

const plan = (children: object[], engines = 1) => ({ kind: "testPlan", name: "P", engines, children }) as never;
const http = { kind: "httpRequest", name: "GET /", children: [] };

test("valueAt interpolates, and picks a side at a jump", () => {
  const s: Series = [{ t: 0, v: 0 }, { t: 10, v: 10 }, { t: 10, v: 20 }, { t: 20, v: 20 }, { t: 20, v: 0 }];
  assert.equal(valueAt(s, 5), 5);
  assert.equal(valueAt(s, 10, "before"), 10);
  assert.equal(valueAt(s, 10, "after"), 20);
  assert.equal(valueAt(s, 25), 0);
});

test("sum is exact at every time (property)", () => {
  const series = fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 100 })), { minLength: 1, maxLength: 4 });
  fc.assert(
    fc.property(series, fc.integer({ min: 0, max: 120 }), (rows, t) => {
      const list = rows.map(([start, len, v]) => rampSeries(start, v, len).concat([{ t: start + len + 5, v }, { t: start + len + 5, v: 0 }]));
      const expected = list.reduce((a, s) => a + valueAt(s, t + 0.5), 0);
      assert.ok(Math.abs(valueAt(sum(list), t + 0.5) - expected) < 1e-9);
    }),
  );
});

test("a stepped ramp jumps at the start of each step", () => {
  assert.deepEqual(rampSeries(0, 200, 60, 4), [
    { t: 0, v: 0 }, { t: 0, v: 50 }, { t: 15, v: 50 }, { t: 15, v: 100 }, { t: 30, v: 100 }, { t: 30, v: 150 }, { t: 45, v: 150 }, { t: 45, v: 200 },
  ]);
});

test("__P defaults are used and reported as knobs", () => {
  assert.deepEqual(resolve("${__P(agents,200)}"), { value: 200, knob: "agents" });
  assert.deepEqual(resolve("${__P(agents)}", 1), { value: 1, knob: "agents", unknown: "${__P(agents)}" });
  assert.deepEqual(resolve("${x}", 3), { value: 3, unknown: "${x}" });
  assert.equal(resolve("30").value, 30);
});

test("a core thread group with a duration: ramp, hold, stop; divided per engine", () => {
  const p = profilePlan(plan([{ kind: "threadGroup", name: "Users", threads: "${__P(users,10)}", rampUp: 10, duration: 60, loops: "forever", children: [http] }], 2));
  const g = p.groups[0]!;
  assert.equal(valueAt(g.threads, 5), 5);
  assert.equal(valueAt(g.threads, 30), 10);
  assert.equal(valueAt(g.threads, 61), 0);
  assert.equal(g.ends, 60);
  assert.deepEqual(p.knobs, ["users"]);
  assert.equal(peak(p.perEngine.threads), 5);
  assert.equal(p.total.rate, undefined);
});

test("a concurrency group paced by a shaping timer: steps, stages and totals", () => {
  const tst = { kind: "throughputShapingTimer", name: "starts", stages: [{ type: "line", from: 0, to: 10, duration: 20 }, { type: "const", rps: 10, duration: 40 }], children: [] };
  const p = profilePlan(plan([{ kind: "concurrencyThreadGroup", name: "Agents", target: 200, rampUp: 120, steps: 3, hold: 60, children: [tst, http] }], 4));
  const g = p.groups[0]!;
  assert.equal(valueAt(g.threads, 10), 67);
  assert.equal(valueAt(g.threads, 130), 200);
  assert.equal(valueAt(g.rate!, 10), 5);
  assert.equal(valueAt(g.rate!, 30), 10);
  assert.equal(area(g.rate!), 100 + 400);
  assert.equal(valueAt(p.perEngine.rate!, 30), 2.5);
  assert.equal(g.rateFrom, "starts");
});

test("shaping-timer step stages expand to one row per level", () => {
  assert.deepEqual(stageRows([{ type: "step", from: 10, to: 30, by: 10, duration: 5 }], new Resolver()), [[10, 10, 5], [20, 20, 5], [30, 30, 5]]);
  assert.deepEqual(rowsSeries([[1, 10, 10]]), [{ t: 0, v: 0 }, { t: 0, v: 1 }, { t: 10, v: 10 }, { t: 10, v: 0 }]);
});

test("ultimate rows add up; arrivals give a rate per sampler", () => {
  const utg = { kind: "ultimateThreadGroup", name: "U", rows: [{ threads: 10, delay: 0, rampUp: 10, hold: 20, shutdown: 0 }, { threads: 5, delay: 10, rampUp: 0, hold: 10, shutdown: 10 }], children: [http] };
  const arr = { kind: "arrivalsThreadGroup", name: "A", rate: 2, rampUp: 0, hold: 30, concurrencyLimit: 50, children: [http, http] };
  const p = profilePlan(plan([utg, arr]));
  assert.equal(valueAt(p.groups[0]!.threads, 15), 15);
  assert.equal(valueAt(p.groups[0]!.threads, 25), 12.5);
  assert.equal(valueAt(p.groups[1]!.rate!, 10), 4);
  assert.equal(valueAt(p.total.rate!, 10), 4);
  assert.equal(p.duration, 30);
});

test("a constant throughput timer for this thread only scales with threads", () => {
  const ctt = { kind: "constantThroughputTimer", name: "ctt", perMinute: 60, basedOn: "thisThread", children: [] };
  const p = profilePlan(plan([{ kind: "threadGroup", name: "T", threads: 4, rampUp: 0, duration: 10, loops: "forever", children: [ctt, http] }]));
  assert.equal(valueAt(p.groups[0]!.rate!, 5), 4);
});

test("a group's rate adds its paced samplers: arrivals for some, a timer for another; setUp groups are named, not drawn", () => {
  const ptt = { kind: "preciseThroughputTimer", name: "ptt", throughput: 60, period: 60, duration: 600, children: [] };
  const arr = { kind: "arrivalsThreadGroup", name: "A", rate: 2, rampUp: 0, hold: 30, concurrencyLimit: 50, children: [http, { ...http, name: "POST /o", children: [ptt] }] };
  const setup = { kind: "setUpThreadGroup", name: "warm", threads: 1, rampUp: 1, loops: 1, children: [http] };
  const p = profilePlan(plan([setup, arr]));
  assert.deepEqual(p.groups.map((g) => g.name), ["A"]);
  assert.match(p.notes[0]!, /warm \(setUpThreadGroup\) runs before/);
  assert.equal(valueAt(p.groups[0]!.rate!, 10), 2 + 1);
  assert.equal(p.groups[0]!.adaptive, true);
});
