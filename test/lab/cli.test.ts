import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { readLog } from "../../src/lab/index.js";
import { send } from "./helpers.js";

const BIN = join(import.meta.dirname, "../../bin/jmxplan.js");

/** start `jmxplan lab ...`, wait for its address; stop() sends a signal and resolves with exit code and output */
async function runLab(args: string[]) {
  const child = spawn(process.execPath, [BIN, "lab", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no address within 20 s: ${out}${err}`)), 20_000);
    const look = () => {
      const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(t);
        resolve(m[1]!);
      }
    };
    child.stdout.on("data", look);
    void exit.then(() => reject(new Error(`exited early: ${out}${err}`)));
  });
  return {
    url,
    out: () => out,
    async stop(signal: NodeJS.Signals) {
      child.kill(signal);
      const code = await exit;
      return { code, out, err };
    },
  };
}

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  test(`jmxplan lab serves the genesys profile, prints counts lines, and on ${signal} stops cleanly with its log flushed`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "jmxplan-lab-cli-"));
    const log = join(dir, "lab.jsonl");
    try {
      const lab = await runLab(["--profile", "genesys-screen-recording", "--port", "0", "--log", log, "--interval", "0.2"]);
      const replies = await Promise.all(Array.from({ length: 25 }, () => send(`${lab.url}/api/v2/interactions/screen-recordings`, { method: "POST", headers: { authorization: "Bearer t" } })));
      await new Promise((r) => setTimeout(r, 500));
      const { code, out, err } = await lab.stop(signal);
      assert.equal(code, 0, err);
      assert.equal(replies.filter((r) => r.status === 200).length, 20);
      assert.match(out, /limiter screen-recording\.initiation: tokenBucket, routes create, stream/);
      assert.match(out, /^\S+Z accepted 20 \| rejected screen-recording\.initiation 5, screen-recording\.streams 0, token\.rate\.per\.minute 0 \| errors 0 \| open streams 0 \| held \d+$/m);
      assert.match(out, new RegExp(`${signal}: stopped; accepted 20 .*log flushed to`));
      const recs = readLog(log);
      assert.equal(recs.length, 25);
      assert.equal(recs.filter((r) => r.decision === "rejected").length, 5);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test("jmxplan lab reports a bad profile with its path and exit code 2, no stack trace", () => {
  const dir = mkdtempSync(join(tmpdir(), "jmxplan-lab-cli-"));
  try {
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ routes: [{ name: "r", path: "/r" }], limiters: [{ name: "x", kind: "tokenBucket", rate: "lots", burst: 1 }] }));
    const r = spawnSync(process.execPath, [BIN, "lab", "--profile", file], { encoding: "utf8", timeout: 20_000 });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /bad\.json: limiters\[0\]\.rate: expected a rate like "300\/min"/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
    const unknown = spawnSync(process.execPath, [BIN, "lab", "--profile", "nope"], { encoding: "utf8", timeout: 20_000 });
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /built-in profiles are/);
    const port = spawnSync(process.execPath, [BIN, "lab", "--port", "70000"], { encoding: "utf8", timeout: 20_000 });
    assert.equal(port.status, 2);
    assert.match(port.stderr, /--port: expected a port number/);
    const flag = spawnSync(process.execPath, [BIN, "lab", "--no-such-flag"], { encoding: "utf8", timeout: 20_000 });
    assert.equal(flag.status, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("jmxplan lab --port N listens on that port; a port in use is reported", async () => {
  const first = await runLab(["--profile", "unlimited"]);
  const port = new URL(first.url).port;
  const again = spawnSync(process.execPath, [BIN, "lab", "--profile", "unlimited", "--port", port], { encoding: "utf8", timeout: 20_000 });
  assert.equal(again.status, 2);
  assert.match(again.stderr, new RegExp(`--port ${port}: the port is in use`));
  assert.equal((await send(`${first.url}/anything`)).status, 200);
  assert.equal((await first.stop("SIGTERM")).code, 0);
});

test("jmxplan lab --nginx runs nginx in front of the lab and stops it with the lab", async () => {
  const dir = mkdtempSync(join(tmpdir(), "jmxplan-lab-cli-"));
  try {
    const profile = join(dir, "nginx.json");
    writeFileSync(profile, JSON.stringify({ rate: "1r/m", burst: 2, nodelay: true, retryAfter: 7 }));
    const lab = await runLab(["--profile", "unlimited", "--nginx", profile]);
    for (let i = 0; i < 50 && !/nginx in front/.test(lab.out()); i++) await new Promise((r) => setTimeout(r, 20));
    const m = /nginx in front: (http:\/\/127\.0\.0\.1:\d+) \(conf (\S+)\)/.exec(lab.out());
    assert.ok(m, lab.out());
    const replies = await Promise.all(Array.from({ length: 6 }, () => send(`${m[1]}/x`)));
    assert.deepEqual(replies.map((r) => r.status).sort(), [200, 200, 200, 429, 429, 429]);
    assert.equal(replies.find((r) => r.status === 429)!.headers["retry-after"], "7");
    const { code, out } = await lab.stop("SIGTERM");
    assert.equal(code, 0);
    assert.match(out, /stopped; accepted 3 /);
    assert.equal(existsSync(dirname(m[2]!)), false, "nginx's directory is gone");
    const bad = spawnSync(process.execPath, [BIN, "lab", "--nginx", join(dir, "missing.json")], { encoding: "utf8", timeout: 20_000 });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /missing\.json: cannot read the nginx profile/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("on a terminal, jmxplan lab redraws one counts line in place and stops on Ctrl-C", async () => {
  // script(1) gives the lab a pseudo-terminal; a Ctrl-C typed into it reaches the lab as SIGINT.
  // script runs the command through $SHELL: exec, or a shell like dash waits in the foreground
  // group, takes the SIGINT too and exits 130 whatever the lab did.
  const child = spawn("script", ["-qec", `exec ${process.execPath} ${BIN} lab --profile unlimited`, "/dev/null"], { stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  const exit = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  try {
    for (let i = 0; i < 200 && !/\r\x1b\[Kaccepted/.test(out); i++) await new Promise((r) => setTimeout(r, 100));
    const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
    assert.ok(url, out);
    await send(`${url}/x`);
    for (let i = 0; i < 50 && !/\r\x1b\[Kaccepted 1 /.test(out); i++) await new Promise((r) => setTimeout(r, 100));
    assert.match(out, /\r\x1b\[Kaccepted 1 \| rejected 0 \| errors 0 \| open streams 0 \| held 0/);
    assert.doesNotMatch(out, /^\S+Z accepted/m, "no timestamped lines on a terminal");
    child.stdin.write("\x03");
    assert.equal(await exit, 0);
    assert.match(out, /SIGINT: stopped; accepted 1 /);
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
  }
});
