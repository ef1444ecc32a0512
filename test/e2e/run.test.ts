// `jmxplan run` end to end: the real binary, a real JMeter 5.4.3, loopback servers
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fromHome } from "../../src/jmeter/launch.js";
import { httpServer, jmeterHome, readJtl, tmp, withSlot, type TestServer } from "./harness.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(ROOT, "bin/jmxplan.js");
const DIST = join(ROOT, "dist/index.js");

let server: TestServer;
before(async () => {
  server = await httpServer(async (_s, res) => {
    await new Promise((r) => setTimeout(r, 20));
    res.end("ok");
  });
});
after(() => server.close());

interface Cli {
  code: number;
  stdout: string;
  stderr: string;
}

/** the real binary; past `timeoutMs` it is interrupted three times, which makes it kill its JMeter */
function jmxplan(args: string[], opts: { env?: NodeJS.ProcessEnv; onStart?: (pid: number) => void; cwd?: string; timeoutMs?: number } = {}): Promise<Cli> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env: opts.env ?? process.env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    if (child.pid) opts.onStart?.(child.pid);
    const timer = setTimeout(() => {
      stderr += `\n(test: no end after ${opts.timeoutMs ?? 120_000} ms; interrupting)\n`;
      for (const ms of [0, 1000, 2000]) setTimeout(() => child.kill("SIGINT"), ms);
    }, opts.timeoutMs ?? 120_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}

/** a plan file importing the built package, as a user's plan would */
function planFile(dir: string, name: string, body: string): string {
  const f = join(dir, `${name}.plan.ts`);
  writeFileSync(f, `import { testPlan, threadGroup, concurrencyThreadGroup, throughputShapingTimer, stage, http, prop } from ${JSON.stringify(DIST)};\nexport default ${body};\n`);
  return f;
}

test("run: builds the plan, passes -J properties (and __P defaults reach requests), writes the JTL and log under --out, prints a summary", { timeout: 1_800_000 }, async (t) => {
  const home = await jmeterHome();
  const dir = tmp("cli-run");
  const plan = planFile(
    dir,
    "props",
    `testPlan({ name: "props" }, threadGroup({ name: "users", threads: prop("users", 1), rampUp: 0, loops: 2 },
      http.get("/props", { host: "127.0.0.1", port: ${server.port}, query: { given: "\${__P(given,unset)}" }, headers: { "X-Default": prop("absent", "the-default"), "X-Given": prop("given", "unset") } })))`,
  );
  const out = join(dir, "out");
  const r = await withSlot(() => jmxplan(["run", plan, "-J", "users=3", "-Jgiven=from-cli", "--jmeter-home", home, "--out", out]));
  t.diagnostic(r.stderr.trim().split("\n").slice(-3).join(" | "));
  assert.equal(r.code, 0, r.stderr);
  const seen = server.seen.filter((s) => s.path === "/props");
  assert.equal(seen.length, 6, "3 threads (-J users=3 over the default 1) x 2 loops");
  for (const s of seen) {
    assert.equal(s.headers["x-default"], "the-default");
    assert.equal(s.headers["x-given"], "from-cli");
    assert.equal(s.query.get("given"), "from-cli");
  }
  const rows = readJtl(join(out, "results.jtl"));
  assert.equal(rows.length, 6);
  assert.match(readFileSync(join(out, "jmeter.log"), "utf8"), /Setting JMeter property: given=from-cli/);
  assert.match(r.stdout, /^6 samples in [\d.]+ s \([\d.]+\/s\), 0 errors \(0\.00%\)$/m);
  assert.match(r.stdout, /response codes: 200 x6/);
  assert.match(r.stderr, /jmxplan: running .*props\.jmx/);
});

test("run: Ctrl-C asks JMeter to shut down; it stops within seconds and the JTL stays readable", { timeout: 1_800_000 }, async (t) => {
  const home = await jmeterHome();
  const dir = tmp("cli-int");
  const plan = planFile(dir, "long", `testPlan({ name: "long" }, threadGroup({ name: "users", threads: 4, rampUp: 0, loops: "forever", duration: 120 }, http.get("/long", { host: "127.0.0.1", port: ${server.port} })))`);
  const out = join(dir, "out");
  const { r, took } = await withSlot(async () => {
    let pid = 0;
    const running = jmxplan(["run", plan, "--jmeter-home", home, "--out", out], { onStart: (p) => (pid = p) });
    // interrupt once the server has seen load for a second
    const interruptedAt = await new Promise<number>((resolve) => {
      const poll = setInterval(() => {
        const xs = server.seen.filter((s) => s.path === "/long");
        if (xs.length && Date.now() - (xs[0] as { t: number }).t > 1000) {
          clearInterval(poll);
          process.kill(pid, "SIGINT");
          resolve(Date.now());
        }
      }, 50);
    });
    const done = await running;
    return { r: done, took: Date.now() - interruptedAt };
  });
  t.diagnostic(`stopped ${took} ms after SIGINT; ${r.stderr.split("\n").filter((l) => /interrupted/.test(l)).join(" ")}`);
  assert.equal(r.code, 130, r.stderr);
  assert.ok(took < 10_000, `JMeter took ${took} ms to stop`);
  assert.match(r.stderr, /asking JMeter to shut down/);
  const text = readFileSync(join(out, "results.jtl"), "utf8");
  assert.ok(text.endsWith("\n"), "the JTL ends with a whole record");
  const rows = readJtl(join(out, "results.jtl"));
  assert.ok(rows.length > 10, `${rows.length} samples`);
  const header = text.split("\n")[0]!.split(",").length;
  for (const line of text.trim().split("\n")) assert.equal(line.split(",").length, header, `a cut record: ${line}`);
  assert.match(readFileSync(join(out, "jmeter.log"), "utf8"), /Command: Shutdown received/);
  assert.match(r.stdout, /samples in/);
});

test("run: a JMeter without the plugins the plan needs is refused, naming jars and Plugins Manager ids", { timeout: 60_000 }, async () => {
  const dir = tmp("cli-noplug");
  const home = join(dir, "jmeter");
  mkdirSync(join(home, "bin"), { recursive: true });
  mkdirSync(join(home, "lib", "ext"), { recursive: true });
  writeFileSync(join(home, "bin", "ApacheJMeter.jar"), "");
  writeFileSync(join(home, "lib", "ext", "ApacheJMeter_core.jar"), "");
  const plan = planFile(dir, "plugins", `testPlan({ name: "p" }, concurrencyThreadGroup({ name: "c", target: 2, hold: 5 }, http.get("/x", { host: "127.0.0.1", port: 1 })))`);
  const r = await jmxplan(["run", plan, "--jmeter-home", home, "--out", join(dir, "out")]);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /lacks plugins the plan needs/);
  assert.match(r.stderr, /jpgc-casutg \(Plugins Manager id; Maven kg\.apc:jmeter-plugins-casutg:2\.10\): missing jmeter-plugins-casutg\*\.jar, jmeter-plugins-cmn-jmeter\*\.jar/);
});

test("run: no JMeter anywhere gives a clear message", { timeout: 60_000 }, async () => {
  const dir = tmp("cli-nojm");
  const plan = planFile(dir, "none", `testPlan({ name: "n" }, threadGroup({ name: "u" }, http.get("/x", { host: "127.0.0.1", port: 1 })))`);
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: "/usr/bin:/bin" };
  delete env.JMETER_HOME;
  const r = await jmxplan(["run", plan, "--out", join(dir, "out")], { env });
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /no JMeter found: pass --jmeter-home DIR, set JMETER_HOME, or put jmeter on PATH/);
});

/** a TCP port free on loopback now */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** a JMeter server engine (jmeter-server) on loopback; resolves once it listens */
async function jmeterServer(port: number, dir: string): Promise<{ stop(): void }> {
  const home = await jmeterHome();
  const j = fromHome(home);
  const child = spawn(
    j.command,
    [...j.args.filter((a) => a !== "-jar" && !a.endsWith("ApacheJMeter.jar")), "-Djava.rmi.server.hostname=127.0.0.1", "-jar", join(home, "bin", "ApacheJMeter.jar"), "-s", "-Jserver.rmi.ssl.disable=true", `-Jserver_port=${port}`, `-Jserver.rmi.localport=${port}`, "-j", join(dir, `server-${port}.log`)],
    { cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`jmeter-server on ${port} did not start:\n${out}`)), 60_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`jmeter-server on ${port} exited (${code}) before it listened:\n${out}`));
    });
    const on = (d: Buffer) => {
      out += d;
      if (/Created remote object/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", on);
    child.stderr.on("data", on);
  });
  return { stop: () => child.kill("SIGKILL") };
}

test("run --remote: a plan for two engines, run on two JMeter server engines, produces its planned total rate", { timeout: 1_800_000 }, async (t) => {
  const dir = tmp("cli-remote");
  await withSlot(async () => {
    // ports the system hands out as free now (fixed ones fell in the ephemeral range, where a connection held one)
    const first = await freePort();
    let second = await freePort();
    while (second === first) second = await freePort();
    const ports = [first, second];
    // one that started is stopped when the other fails, or its process keeps this test file from ending
    const started = await Promise.allSettled(ports.map((p) => jmeterServer(p, dir)));
    const servers = started.flatMap((x) => (x.status === "fulfilled" ? [x.value] : []));
    const failed = started.find((x): x is PromiseRejectedResult => x.status === "rejected");
    if (failed) {
      for (const s of servers) s.stop();
      throw failed.reason;
    }
    try {
      // 20 rps for the whole plan: each engine's shaping timer paces 10 rps with 2 of the 4 threads. (An Arrivals
      // group was the first choice; on one of the engines its pooled threads once never woke after the last arrival,
      // casutg 2.10 waiting in ArrivalsThreadGroup.movedToPool, and the run never ended)
      const plan = planFile(
        dir,
        "two",
        `testPlan({ name: "two engines", engines: 2 }, concurrencyThreadGroup({ name: "c", target: 4, hold: 60 }, http.get("/remote", { host: "127.0.0.1", port: ${server.port}, headers: { "X-Engine": "\${__machineName}-\${__P(server_port,0)}" } }), throughputShapingTimer({ name: "tst", stages: [stage.const(20, 8)] })))`,
      );
      const out = join(dir, "out");
      const r = await jmxplan(["run", plan, "--jmeter-home", await jmeterHome(), "--out", out, "--remote", ports.map((p) => `127.0.0.1:${p}`).join(","), "-J", "server.rmi.ssl.disable=true"]);
      assert.equal(r.code, 0, r.stderr + r.stdout);
      const xs = server.seen.filter((s) => s.path === "/remote");
      const t0 = Math.min(...xs.map((s) => s.t));
      const inside = xs.filter((s) => s.t >= t0 + 1000 && s.t < t0 + 7000);
      const byEngine = new Map<string, number>();
      for (const s of inside) byEngine.set(String(s.headers["x-engine"]), (byEngine.get(String(s.headers["x-engine"])) ?? 0) + 1);
      const rate = inside.length / 6;
      t.diagnostic(`${rate.toFixed(2)}/s in total over [1, 7) s (planned 20/s); per engine ${[...byEngine].map(([k, v]) => `${k}: ${(v / 6).toFixed(2)}/s`).join(", ")}`);
      assert.equal(byEngine.size, 2, "both engines sent requests");
      assert.ok(Math.abs(rate - 20) <= 2, `${rate.toFixed(2)}/s`);
      const rows = readJtl(join(out, "results.jtl"));
      assert.ok(rows.length >= xs.length - 2, `the client's JTL has the samples of both engines (${rows.length} of ${xs.length})`);
    } finally {
      for (const s of servers) s.stop();
    }
  });
});
