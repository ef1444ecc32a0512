// shared by the e2e tests: a real JMeter 5.4.3, plans built from the DSL, JTL rows, and loopback servers
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { cacheDir, ensureJmeterHome } from "../../src/jmeter/home.js";
import { fromHome } from "../../src/jmeter/launch.js";
import { validatePlan } from "../../src/dsl/validate.js";
import { buildJmx } from "../../src/jmx/build.js";
import type { Node } from "../../src/dsl/node.js";

let homeP: Promise<string> | undefined;
/** the cached JMeter home, assembled once per process */
export const jmeterHome = () => (homeP ??= ensureJmeterHome());

export const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), `jmxplan-e2e-${prefix}-`));

/** Validate and build a DSL plan; throws listing every problem. */
export function jmxOf(plan: Node, source = "test/e2e"): string {
  const v = validatePlan(plan);
  if (!v.ok) throw new Error(v.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
  return buildJmx(v.plan, source);
}

/** a JTL row: JMeter's columns are always there */
export type Row = Record<"timeStamp" | "elapsed" | "label" | "responseCode" | "responseMessage" | "threadName" | "success", string> & Record<string, string | undefined>;

export function readJtl(path: string): Row[] {
  return parse(readFileSync(path, "utf8"), { columns: true, skip_empty_lines: true, relax_column_count: true }) as Row[];
}

export interface RunResult {
  dir: string;
  jtl: string;
  rows: Row[];
  log: string;
  code: number;
  stdout: string;
}

// Timing runs take a machine-wide slot, so that several `npm test`s on one machine (or this suite's own files
// running side by side) do not starve each other's JMeter and servers of CPU; runs inside one process share it.
// The wait is capped (JMXPLAN_SLOT_WAIT_MS, default 60 s) so that it fits in the tests' timeouts; past it the run
// goes ahead unslotted.
const SLOT = join(cacheDir(), "e2e-timing.lock");
const SLOT_WAIT_MS = Number(process.env.JMXPLAN_SLOT_WAIT_MS ?? 60_000);
let holders = 0;
let acquiring: Promise<boolean> | undefined;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** true once this process owns the slot; false when the wait ran out */
async function acquire(): Promise<boolean> {
  mkdirSync(cacheDir(), { recursive: true });
  const until = Date.now() + SLOT_WAIT_MS;
  for (;;) {
    try {
      mkdirSync(SLOT);
      writeFileSync(join(SLOT, "pid"), String(process.pid));
      return true;
    } catch {
      let owner = NaN;
      try {
        owner = Number(readFileSync(join(SLOT, "pid"), "utf8"));
      } catch {
        // being created or removed: look again
      }
      if (owner && !alive(owner)) rmSync(SLOT, { recursive: true, force: true });
      if (Date.now() > until) return false;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** Run `fn` holding the machine-wide timing slot (or without it once the capped wait is over). */
export async function withSlot<T>(fn: () => Promise<T>): Promise<T> {
  acquiring ??= acquire();
  const owned = await acquiring;
  holders++;
  try {
    return await fn();
  } finally {
    holders--;
    if (holders === 0) {
      acquiring = undefined;
      if (owned) rmSync(SLOT, { recursive: true, force: true });
    }
  }
}

/** Run a plan (DSL node or .jmx text) non-GUI; `-l` writes the CSV JTL with JMeter's default columns. */
export async function runJmeter(plan: Node | string, opts: { props?: Record<string, string | number>; timeoutMs?: number; extra?: string[] } = {}): Promise<RunResult> {
  const home = await jmeterHome();
  const dir = tmp("run");
  const jmx = join(dir, "plan.jmx");
  writeFileSync(jmx, typeof plan === "string" ? plan : jmxOf(plan));
  const jtl = join(dir, "out.jtl");
  const log = join(dir, "jmeter.log");
  const j = fromHome(home);
  const props = Object.entries(opts.props ?? {}).map(([k, v]) => `-J${k}=${v}`);
  const args = [...j.args, "-n", "-t", jmx, "-l", jtl, "-j", log, ...props, ...(opts.extra ?? [])];
  const { code, stdout } = await withSlot(() => spawnCollect(j.command, args, dir, opts.timeoutMs ?? 60_000));
  let rows: Row[] = [];
  try {
    rows = readJtl(jtl);
  } catch {
    // no JTL: the assertion that follows names the log
  }
  return { dir, jtl, rows, log: readFileSync(log, "utf8"), code, stdout };
}

export function spawnCollect(cmd: string, args: string[], cwd: string, timeoutMs: number): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${cmd} did not finish in ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    child.on("exit", (c) => {
      clearTimeout(timer);
      resolve({ code: c ?? 1, stdout: out });
    });
  });
}

/** one request as the server saw it; `t` is the server's clock in ms (fractional, monotonic) */
export interface Seen {
  t: number;
  method: string;
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: string;
}

export interface TestServer {
  port: number;
  seen: Seen[];
  server: Server;
  close(): Promise<void>;
}

export const now = () => performance.timeOrigin + performance.now();

/** A loopback HTTP server that records every request, then answers with `handler` (default 200 "ok"). */
export async function httpServer(handler?: (req: Seen, res: ServerResponse) => void | Promise<void>): Promise<TestServer> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const t = now();
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", async () => {
      const u = new URL(req.url ?? "/", "http://127.0.0.1");
      const s: Seen = { t, method: req.method ?? "", url: req.url ?? "", path: u.pathname, query: u.searchParams, headers: req.headers, body };
      seen.push(s);
      if (handler) await handler(s, res);
      else res.end("ok");
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    seen,
    server,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** requests per second in [from, to) s after `t0` (server clock) */
export function rateIn(times: number[], t0: number, from: number, to: number): number {
  return times.filter((t) => t >= t0 + from * 1000 && t < t0 + to * 1000).length / (to - from);
}

export const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))] ?? NaN;
};
