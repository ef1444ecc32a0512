// shared by the lab tests: a lab per test with its log in a temp file, and small real clients
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import WebSocket from "ws";
import { readLog, startLab, type LabHandle, type LogRecord, type ProfileInput } from "../../src/lab/index.js";

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  ms: number;
}

/** one request on a fresh connection */
export function send(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: opts.method ?? "GET", headers: opts.headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body, ms: performance.now() - t }));
    });
    req.on("error", reject);
    req.end(opts.body);
  });
}

export type Opened = { ws: WebSocket; status: 101 } | { status: number; headers: IncomingHttpHeaders; body: string };

/** a WebSocket upgrade: the open socket, or the refusal's status, headers and body */
export function openWs(url: string, headers: Record<string, string> = {}): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once("open", () => resolve({ ws, status: 101 }));
    ws.once("unexpected-response", (_req, res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    ws.once("error", (e) => reject(e));
  });
}

export const closeWs = (ws: WebSocket) =>
  new Promise<void>((r) => {
    if (ws.readyState === ws.CLOSED) return r();
    ws.once("close", () => r());
    ws.close(1000);
  });

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** run `fn` against a lab on a free port; returns what fn returned and the lab's log, read after stop */
export async function withLab<T>(profile: ProfileInput | string, fn: (lab: LabHandle) => Promise<T>): Promise<{ result: T; log: LogRecord[]; lab: LabHandle }> {
  const dir = mkdtempSync(join(tmpdir(), "jmxplan-lab-test-"));
  const file = join(dir, "lab.jsonl");
  const lab = await startLab({ profile, port: 0, log: file });
  try {
    const result = await fn(lab);
    await lab.stop();
    return { result, log: readLog(file), lab };
  } finally {
    await lab.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** a profile with one GET route "/r" and the given limiters */
export function oneRoute(limiters: ProfileInput["limiters"], extra: Partial<ProfileInput> = {}): ProfileInput {
  return { name: "test", routes: [{ name: "r", path: "/r" }], limiters, ...extra };
}

export const statuses = (rs: Array<{ status: number }>) => rs.map((r) => r.status);
export const count = <T>(xs: T[], pred: (x: T) => boolean) => xs.filter(pred).length;
