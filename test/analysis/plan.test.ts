// --plan: a shortfall against the plan's target rate is blamed on rejections or on the generator (Little's law)
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeSamples } from "../../src/analysis/index.js";
import type { PlanProfile } from "../../src/profile/index.js";
import { scenarios } from "./sim/scenarios.js";
import { simulate, type Group } from "./sim/sim.js";

const flat = (v: number, s: number) => [{ t: 0, v }, { t: s, v }];
const profile = (threads: number, rate: number, duration: number, engines = 1): PlanProfile => ({
  engines,
  groups: [],
  total: { threads: flat(threads, duration), rate: flat(rate, duration) },
  perEngine: { threads: flat(threads / engines, duration), rate: flat(rate / engines, duration) },
  duration,
  knobs: [],
  notes: [],
});

describe("plan against run", () => {
  it("too few threads for the target rate: the generator's shortfall, with the threads Little's law needs", async () => {
    const g: Group = { name: "few", threads: 5, rampUpS: 1, durationS: 120, steps: [{ label: "GET /slow", serviceMs: [450, 550] }], thinkMs: [0, 0], pauseMs: [0, 0], retry: { mode: "none" } };
    const a = await analyzeSamples(simulate({ seed: 21, groups: [g], limiters: () => [] }), { plan: { file: "p.plan.ts", profile: profile(5, 40, 120) } });
    const p = a.summary.plan!;
    const mid = p.windows.slice(1, -1);
    assert.ok(mid.every((w) => w.shortfall === "generator"), JSON.stringify(mid.map((w) => w.shortfall)));
    for (const w of mid) assert.ok(w.threadsNeeded! >= 16 && w.threadsNeeded! <= 24, `needed ${w.threadsNeeded}`);
    assert.match(p.verdict, /Little's law .*needs 2\d(\.\d)? threads, 5 ran/);
  });

  it("enough offered but rejected: the server's shortfall", async () => {
    const a = await analyzeSamples(simulate(scenarios.retryIgnored.scenario), { plan: { file: "p.plan.ts", profile: profile(30, 30, 180) } });
    const p = a.summary.plan!;
    const late = p.windows.filter((w) => w.startMs >= a.input.startMs! + 30_000);
    assert.ok(late.length && late.every((w) => w.shortfall === "rejections"), JSON.stringify(late.map((w) => [w.observedRequestsPerSecond, w.acceptedRequestsPerSecond, w.shortfall])));
    assert.match(p.verdict, /because the server rejected requests/);
  });

  it("per engine: planned threads and rates divided by the engine count", async () => {
    const a = await analyzeSamples(simulate(scenarios.twoEngines.scenario), { plan: { file: "p.plan.ts", profile: profile(50, 20, 180, 2) } });
    const p = a.summary.plan!;
    assert.equal(p.perEngine.length, 2);
    for (const e of p.perEngine) {
      assert.equal(e.plannedThreads, 25);
      assert.equal(e.observedThreads, 25);
      assert.equal(e.plannedRequestsPerSecond, 10);
      assert.ok(Math.abs(e.acceptedRequestsPerSecond - 10) < 2.5, String(e.acceptedRequestsPerSecond));
    }
  });
});
