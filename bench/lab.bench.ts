// npm run bench:lab [-- --soak SECONDS] [-- --quick]: the lab driven from a separate process.
// Reports sustained requests/s, concurrent WebSocket sessions, limiter exactness against what the
// configured limiter allows, and peak RSS of the lab's process. The load generator is this file run as
// a child (`--child http|ws`): raw keep-alive HTTP/1.1 connections, one request in flight each, and
// `ws` clients.
import { spawn } from "node:child_process";
import { cpus, tmpdir } from "node:os";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { connect } from "node:net";
import { fileURLToPath } from "node:url";
import WebSocket from "ws";
import { readLog, startLab, type LabHandle, type ProfileInput } from "../src/lab/index.js";

const SELF = fileURLToPath(import.meta.url);
const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};

// ---- the child: load generators ----

interface HttpJob {
  port: number;
  path: string;
  connections: number;
  ms: number;
  /** tenants rotate over this many values (one per connection when 0) */
  tenants: number;
}

async function httpLoad(job: HttpJob) {
  const byStatus: Record<string, number> = {};
  let responses = 0;
  let seq = 0;
  const end = performance.now() + job.ms;
  const reqFor = (c: number) => {
    const t = job.tenants > 0 ? `t${seq++ % job.tenants}` : `c${c}`;
    return Buffer.from(`GET ${job.path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${t}\r\n\r\n`);
  };
  const one = (c: number) =>
    new Promise<void>((resolve) => {
      const s = connect({ port: job.port, host: "127.0.0.1", noDelay: true });
      let buf: Buffer = Buffer.alloc(0);
      const next = () => (performance.now() < end ? s.write(reqFor(c)) : s.end());
      s.on("connect", next);
      s.on("data", (d: Buffer) => {
        buf = buf.length ? Buffer.concat([buf, d]) : d;
        for (;;) {
          const h = buf.indexOf("\r\n\r\n");
          if (h < 0) return;
          const head = buf.subarray(0, h).toString("latin1");
          const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
          const total = h + 4 + (m ? Number(m[1]) : 0);
          if (buf.length < total) return;
          const status = head.slice(9, 12);
          byStatus[status] = (byStatus[status] ?? 0) + 1;
          responses++;
          buf = buf.subarray(total);
          next();
        }
      });
      s.on("error", () => {});
      s.on("close", () => resolve());
    });
  const t0 = performance.now();
  await Promise.all(Array.from({ length: job.connections }, (_, c) => one(c)));
  return { responses, byStatus, ms: performance.now() - t0 };
}

interface WsJob {
  port: number;
  path: string;
  sessions: number;
  holdMs: number;
}

async function wsLoad(job: WsJob) {
  const open: WebSocket[] = [];
  let failed = 0;
  let messages = 0;
  const t0 = performance.now();
  const openOne = () =>
    new Promise<void>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${job.port}${job.path}`, { perMessageDeflate: false });
      ws.on("message", () => messages++);
      ws.once("open", () => (open.push(ws), resolve()));
      ws.once("error", () => (failed++, resolve()));
    });
  for (let i = 0; i < job.sessions; i += 100) await Promise.all(Array.from({ length: Math.min(100, job.sessions - i) }, openOne));
  const openMs = performance.now() - t0;
  const held = open.length;
  process.stdout.write(`${JSON.stringify({ phase: "open", held })}\n`);
  await new Promise((r) => setTimeout(r, job.holdMs));
  const stillOpen = open.filter((w) => w.readyState === w.OPEN).length;
  await Promise.all(open.map((w) => new Promise<void>((r) => (w.readyState === w.OPEN ? (w.once("close", () => r()), w.close(1000)) : r()))));
  return { held, stillOpen, failed, messages, openMs };
}

// ---- the parent: the lab and the report ----

function child<T>(kind: "http" | "ws", job: object, onLine?: (l: Record<string, unknown>) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ["--import", "tsx", SELF, "--child", kind, JSON.stringify(job)], { stdio: ["ignore", "pipe", "inherit"] });
    const kill = () => p.kill("SIGKILL");
    process.once("exit", kill);
    p.once("exit", () => process.removeListener("exit", kill));
    let out = "";
    p.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      for (let i = out.indexOf("\n"); i >= 0; i = out.indexOf("\n")) {
        const line = JSON.parse(out.slice(0, i)) as Record<string, unknown>;
        out = out.slice(i + 1);
        if ("result" in line) resolve(line.result as T);
        else onLine?.(line);
      }
    });
    p.once("exit", (code) => (code ? reject(new Error(`load generator exited ${code}`)) : undefined));
  });
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;

async function withLab<T>(profile: ProfileInput, fn: (lab: LabHandle, log: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "jmxplan-bench-lab-"));
  const log = join(dir, "lab.jsonl");
  const lab = await startLab({ profile, log });
  try {
    return await fn(lab, log);
  } finally {
    await lab.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const routeProfile = (limiters: ProfileInput["limiters"], extra: Partial<ProfileInput> = {}): ProfileInput => ({
  name: "bench",
  routes: [
    { name: "b", path: "/b", body: { ok: true } },
    { name: "s", kind: "websocket", path: "/s", pushEvery: "1s" },
  ],
  limiters,
  ...extra,
});

async function throughput(seconds: number) {
  // every request passes a per-tenant token bucket generous enough to accept all: the limiter runs, and logs
  const profile = routeProfile([{ name: "roomy", kind: "tokenBucket", rate: 1e6, burst: 1e6, routes: ["b"] }]);
  return withLab(profile, async (lab) => {
    const r = await child<{ responses: number; byStatus: Record<string, number>; ms: number }>("http", { port: lab.port, path: "/b", connections: 64, ms: seconds * 1000, tenants: 0 });
    return { rps: r.responses / (r.ms / 1000), ...r, logged: lab.counts().requests };
  });
}

async function exactness(seconds: number) {
  const out: Array<{ limiter: string; accepted: number; allowed: number; offered: number; errorPct: number }> = [];
  const bucket = { rate: 1000, burst: 200 };
  await withLab(routeProfile([{ name: "bucket", kind: "tokenBucket", rate: bucket.rate, burst: bucket.burst, key: "global" }]), async (lab, log) => {
    await child("http", { port: lab.port, path: "/b", connections: 32, ms: seconds * 1000, tenants: 0 });
    lab.flush();
    await lab.stop();
    const recs = readLog(log).filter((r) => r.event === "request");
    const span = (recs.at(-1)!.t0 - recs[0]!.t0) / 1000;
    // the arrival-curve bound of a (rate, burst) bucket over the run, reached when offered load exceeds it throughout
    const allowed = Math.min(recs.length, bucket.burst + bucket.rate * span);
    const accepted = recs.filter((r) => r.decision === "accepted").length;
    out.push({ limiter: `tokenBucket ${bucket.rate}/s burst ${bucket.burst}`, accepted, allowed: Math.round(allowed), offered: recs.length, errorPct: (100 * (accepted - allowed)) / allowed });
  });
  const win = { limit: 500, window: 1000 };
  await withLab(routeProfile([{ name: "window", kind: "fixedWindow", limit: win.limit, window: win.window, key: "global" }]), async (lab, log) => {
    await child("http", { port: lab.port, path: "/b", connections: 32, ms: seconds * 1000, tenants: 0 });
    await lab.stop();
    const recs = readLog(log).filter((r) => r.event === "request");
    const perWindow = new Map<number, number>();
    for (const r of recs) perWindow.set(Math.floor(r.t0 / win.window), (perWindow.get(Math.floor(r.t0 / win.window)) ?? 0) + 1);
    const allowed = [...perWindow.values()].reduce((a, n) => a + Math.min(n, win.limit), 0);
    const accepted = recs.filter((r) => r.decision === "accepted").length;
    out.push({ limiter: `fixedWindow ${win.limit} per ${win.window} ms`, accepted, allowed, offered: recs.length, errorPct: (100 * (accepted - allowed)) / allowed });
  });
  const slide = { limit: 300, window: 1000 };
  await withLab(routeProfile([{ name: "slide", kind: "slidingLog", limit: slide.limit, window: slide.window, key: "global" }]), async (lab, log) => {
    await child("http", { port: lab.port, path: "/b", connections: 32, ms: seconds * 1000, tenants: 0 });
    await lab.stop();
    const recs = readLog(log).filter((r) => r.event === "request");
    // the most accepted in any window: a sliding log never lets more than `limit` through
    const acc = recs.filter((r) => r.decision === "accepted").map((r) => r.t0);
    let worst = 0;
    for (let i = 0, j = 0; i < acc.length; i++) {
      while (acc[i]! - acc[j]! >= slide.window) j++;
      worst = Math.max(worst, i - j + 1);
    }
    const span = (recs.at(-1)!.t0 - recs[0]!.t0) / slide.window;
    const allowed = Math.round(slide.limit * Math.ceil(span));
    out.push({ limiter: `slidingLog ${slide.limit} per ${slide.window} ms (max in any window ${worst})`, accepted: acc.length, allowed, offered: recs.length, errorPct: (100 * (acc.length - allowed)) / allowed });
  });
  return out;
}

async function sessions(n: number, holdMs: number) {
  return withLab(routeProfile([]), async (lab) => {
    let maxOpen = 0;
    const watch = setInterval(() => (maxOpen = Math.max(maxOpen, lab.counts().openStreams)), 50);
    const r = await child<{ held: number; stillOpen: number; failed: number; messages: number; openMs: number }>("ws", { port: lab.port, path: "/s", sessions: n, holdMs });
    clearInterval(watch);
    return { ...r, maxOpen };
  });
}

async function soak(seconds: number) {
  const profile = routeProfile([{ name: "bucket", kind: "tokenBucket", rate: 5, burst: 10, routes: ["b"] }], { maxTenants: 10_000 });
  return withLab(profile, async (lab) => {
    const samples: Array<{ t: number; rss: number; keys: number }> = [];
    const t0 = performance.now();
    const watch = setInterval(() => {
      samples.push({ t: (performance.now() - t0) / 1000, rss: process.memoryUsage().rss, keys: lab.keysHeld() });
      const s = samples.at(-1)!;
      process.stdout.write(`soak ${s.t.toFixed(0)} s: rss ${mb(s.rss)}, limiter keys ${s.keys}, requests ${lab.counts().requests}\n`);
    }, 10_000);
    const ws = child("ws", { port: lab.port, path: "/s", sessions: 500, holdMs: seconds * 1000 });
    const http = child<{ responses: number; ms: number }>("http", { port: lab.port, path: "/b", connections: 8, ms: seconds * 1000, tenants: 1_000_000 });
    const [h] = await Promise.all([http, ws]);
    clearInterval(watch);
    return { rps: h.responses / (h.ms / 1000), samples };
  });
}

async function main() {
  if (argv[0] === "--child") {
    const job = JSON.parse(argv[2]!);
    const result = argv[1] === "http" ? await httpLoad(job) : await wsLoad(job);
    process.stdout.write(`${JSON.stringify({ result })}\n`);
    return;
  }
  const quick = argv.includes("--quick");
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? "unknown";
  console.log(`machine: ${cpus().length} CPUs (nproc), ${cpu}, node ${process.version}`);
  const soakS = opt("soak");
  if (soakS) {
    const r = await soak(Number(soakS));
    const first = r.samples[0];
    const last = r.samples.at(-1);
    console.log(`soak ${soakS} s: ${r.rps.toFixed(0)} req/s (8 connections) over 1,000,000 rotating tenants + 500 open sessions pushed a frame a second; rss first ${first ? mb(first.rss) : "?"}, last ${last ? mb(last.rss) : "?"}, peak ${mb(peakRss)}; limiter keys held ${last?.keys ?? "?"} (bound 10000)`);
  } else {
    const t = await throughput(quick ? 3 : 12);
    console.log(`throughput: ${t.rps.toFixed(0)} req/s sustained over ${(t.ms / 1000).toFixed(1)} s (64 keep-alive connections, every request through a token bucket and logged; ${t.responses} responses, statuses ${JSON.stringify(t.byStatus)}) [target >= 5000]`);
    const s = await sessions(quick ? 500 : 2500, quick ? 2000 : 4000);
    console.log(`websocket: ${s.maxOpen} sessions open at once (${s.held} opened in ${(s.openMs / 1000).toFixed(1)} s, ${s.stillOpen} still open after the hold, ${s.failed} failed, ${s.messages} pushed frames received) [target >= 2000]`);
    for (const e of await exactness(quick ? 2 : 4)) {
      console.log(`exactness: ${e.limiter}: accepted ${e.accepted} of ${e.offered} offered, allowed ${e.allowed}: ${e.errorPct >= 0 ? "+" : ""}${e.errorPct.toFixed(2)}% [target within 1%]`);
    }
  }
  clearInterval(sampler);
  const maxRss = process.resourceUsage().maxRSS * 1024;
  console.log(`peak RSS of the lab's process: ${mb(Math.max(peakRss, maxRss))}`);
}

await main();
// a benchmark ends when it has reported: stray keep-alive handles must not hold it open
process.exit(0);
