// Thread groups in real JMeter 5.4.3, measured at the server: core ramp-up and duration, Concurrency steps,
// Ultimate rows, Arrivals rate. One JMeter run drives four groups, each on its own path.
import { before, after, test } from "node:test";
import assert from "node:assert/strict";
import { arrivalsThreadGroup, concurrencyThreadGroup, http, setUpThreadGroup, testPlan, threadGroup, ultimateThreadGroup } from "../../src/index.js";
import { httpServer, runJmeter, type RunResult, type Seen, type TestServer } from "./harness.js";

let server: TestServer;
let run: RunResult;

const get = (path: string, port: number) => http.get(path, { host: "127.0.0.1", port, headers: { "X-Thread": "${__threadNum}" } });

before(async () => {
  // 100 ms answers keep each thread to ~10 requests/s so windows see every live thread
  server = await httpServer(async (_s, res) => {
    await new Promise((r) => setTimeout(r, 100));
    res.end("ok");
  });
  const p = server.port;
  run = await runJmeter(
    testPlan(
      { name: "thread groups" },
      // the JVM's first HTTP request loads the sampler's classes (0.4-1.6 s); a setUp request pays that
      // before the measured groups start, so their first requests mark when they really began
      setUpThreadGroup({ name: "warm-up", threads: 1, loops: 1 }, get("/warm-up", p)),
      threadGroup({ name: "core", threads: 5, rampUp: "4s", loops: "forever", duration: "8s" }, get("/core", p)),
      concurrencyThreadGroup({ name: "concurrency", target: 6, rampUp: "6s", steps: 3, hold: "3s" }, get("/concurrency", p)),
      ultimateThreadGroup(
        { name: "ultimate", rows: [{ threads: 2, initialDelay: 0, startup: 0, hold: "7s", shutdown: 0 }, { threads: 3, initialDelay: "2s", startup: 0, hold: "2s", shutdown: 0 }] },
        get("/ultimate", p),
      ),
      arrivalsThreadGroup({ name: "arrivals", rate: 10, rampUp: 0, hold: "7s" }, http.get("/arrivals", { host: "127.0.0.1", port: p })),
    ),
    { timeoutMs: 60_000 },
  );
});
after(() => server.close());

const on = (path: string) => server.seen.filter((s) => s.path === path);
/** distinct threads seen in [from, to) s after t0 */
const threadsIn = (xs: Seen[], t0: number, from: number, to: number) => new Set(xs.filter((s) => s.t >= t0 + from * 1000 && s.t < t0 + to * 1000).map((s) => s.headers["x-thread"])).size;

test("the run itself succeeded", () => {
  assert.equal(run.code, 0, run.stdout);
  assert.ok(run.rows.length > 100, `only ${run.rows.length} samples`);
  assert.ok(run.rows.every((r) => r.success === "true"), "every sample succeeded");
});

test("Thread Group: threads start rampUp/threads apart and stop at the duration", (t) => {
  const xs = on("/core");
  const first = new Map<string, number>();
  for (const s of xs) if (!first.has(String(s.headers["x-thread"]))) first.set(String(s.headers["x-thread"]), s.t);
  const starts = [...first.values()].sort((a, b) => a - b);
  assert.equal(starts.length, 5);
  // thread 1's first request also pays for class loading and the first connection (~0.4 s here), so the
  // ramp is measured from thread 2 on, and the group's start is taken as thread 2's minus one slot
  const gaps = starts.slice(2).map((t1, i) => t1 - (starts[i + 1] as number));
  t.diagnostic(`start gaps ms from thread 2 on: ${gaps.map((g) => g.toFixed(0)).join(" ")} (planned 800)`);
  for (const [i, g] of gaps.entries()) assert.ok(Math.abs(g - 800) < 100, `gap ${i + 2}: ${g.toFixed(0)} ms`);
  const t0 = (starts[1] as number) - 800;
  assert.ok((starts[0] as number) < t0 + 800, "thread 1 starts first");
  const last = Math.max(...xs.map((s) => s.t));
  t.diagnostic(`last request ${((last - t0) / 1000).toFixed(2)} s after the group started (planned 8 s)`);
  // the scheduler stops threads 8 s after the group starts; the last request arrives at most one response time earlier
  assert.ok(last - t0 > 7700 && last - t0 < 8100, `last request ${(last - t0).toFixed(0)} ms after the start`);
});

test("Concurrency Thread Group: 6 threads in 3 steps of 2 s, then held", (t) => {
  const xs = on("/concurrency");
  const t0 = Math.min(...xs.map((s) => s.t));
  const levels = [[0.8, 1.6], [2.8, 3.6], [4.8, 5.6], [6.5, 8.5]].map(([a, b]) => threadsIn(xs, t0, a as number, b as number));
  t.diagnostic(`threads seen per step: ${levels.join(" ")} (planned 2 4 6 6)`);
  assert.deepEqual(levels, [2, 4, 6, 6]);
  const last = Math.max(...xs.map((s) => s.t));
  t.diagnostic(`first to last request: ${((last - t0) / 1000).toFixed(2)} s (planned 9 s)`);
  assert.ok(last - t0 > 8500 && last - t0 < 9600, `last request ${(last - t0).toFixed(0)} ms after the first`);
});

test("Ultimate Thread Group: rows add their threads for their hold time", (t) => {
  const xs = on("/ultimate");
  const t0 = Math.min(...xs.map((s) => s.t));
  const levels = [[0.5, 1.5], [2.5, 3.5], [4.6, 6.4]].map(([a, b]) => threadsIn(xs, t0, a as number, b as number));
  t.diagnostic(`threads seen: ${levels.join(" ")} (planned 2 5 2)`);
  assert.deepEqual(levels, [2, 5, 2]);
  const last = Math.max(...xs.map((s) => s.t));
  assert.ok(last - t0 > 6500 && last - t0 < 7600, `last request ${(last - t0).toFixed(0)} ms after the first (planned 7 s)`);
});

test("Arrivals Thread Group: 10 arrivals per second", (t) => {
  const xs = on("/arrivals").map((s) => s.t);
  const t0 = Math.min(...xs);
  const perSecond = [1, 2, 3, 4, 5].map((s) => xs.filter((x) => x >= t0 + s * 1000 && x < t0 + (s + 1) * 1000).length);
  const rate = xs.filter((x) => x >= t0 + 1000 && x < t0 + 6000).length / 5;
  t.diagnostic(`arrivals per second: ${perSecond.join(" ")}; mean ${rate.toFixed(2)}/s over 5 s (planned 10/s)`);
  assert.ok(Math.abs(rate - 10) <= 1, `mean rate ${rate}/s`);
});
