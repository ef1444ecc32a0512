import { test } from "node:test";
import assert from "node:assert/strict";
import { loadProfileString, profileRows, Stage, stage } from "../../src/dsl/elements/throughput-shaping-timer.js";

const rows = (...s: ReturnType<typeof stage.const>[]) => profileRows(s.map((x) => Stage.parse(x))).map((r) => [r.from, r.to, r.duration]);

test("step expands as the plugin's parser does: up to and including `to`, down stopping short of it", () => {
  assert.deepEqual(rows(stage.step(10, 30, 10, "1m")), [[10, 10, 60], [20, 20, 60], [30, 30, 60]]);
  assert.deepEqual(rows(stage.step(10, 25, 10, 5)), [[10, 10, 5], [20, 20, 5]]);
  assert.deepEqual(rows(stage.step(30, 10, 10, 5)), [[30, 30, 5], [20, 20, 5]]);
  assert.deepEqual(rows(stage.step(5, 5, 1, 5)), [[5, 5, 5]]);
});

test("const and line are one row each", () => {
  assert.deepEqual(rows(stage.const(7, "30s"), stage.line(1, 9, 10)), [[7, 7, 30], [1, 9, 10]]);
});

test("loadProfileString renders the -Jload_profile value, one engine's share", () => {
  const p = [stage.line(1, 50, "1m"), stage.step(50, 200, 50, "2m"), stage.const(200, "10m")];
  assert.equal(loadProfileString(p), "line(1,50,60s) step(50,200,50,120s) const(200,600s)");
  assert.equal(loadProfileString([stage.const(200, 60), stage.step(20, 40, 10, 5)], 2), "const(100,60s) step(10,20,5,5s)");
  assert.throws(() => loadProfileString([stage.const(5, 60)], 2), /whole rps, got 5 \/ 2 engines/);
  assert.throws(() => loadProfileString([stage.const("${__P(rps,5)}", 60)]), /whole rps/);
});
