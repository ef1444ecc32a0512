// a JMeter-like closed-model load generator against limiters with known parameters; deterministic per seed
import type { Sample } from "../../../src/jtl/sample.js";
import { applies, type Limiter } from "./limiters.js";
import { rng, type Rng } from "./rng.js";

export type StepKind = "http" | "ws-open" | "ws-frame" | "ws-close";

export interface Step {
  label: string;
  kind?: StepKind;
  /** service time when admitted, ms */
  serviceMs: [number, number];
  /** how many times the step runs in a row (WebSocket frames) @default [1, 1] */
  repeat?: [number, number];
}

export interface RetryPolicy {
  /** respect: wait Retry-After (else waitMs); constant: always waitMs; immediate: no wait; none: give up */
  mode: "respect" | "constant" | "immediate" | "none";
  waitMs?: number;
  jitterMs?: number;
  /** @default 5 */
  maxRetries?: number;
}

export interface Group {
  name: string;
  threads: number;
  rampUpS: number;
  durationS: number;
  delayS?: number;
  steps: Step[];
  /** pause between steps, ms @default [0, 20] */
  pauseMs?: [number, number];
  /** think time after an iteration, ms */
  thinkMs: [number, number];
  retry: RetryPolicy;
}

export interface Scenario {
  seed: number;
  /** epoch ms of the test start @default 1764640800000 (2025-12-02T02:00:00Z) */
  startMs?: number;
  /** engines that each run every group (distributed mode) @default 1 */
  engines?: number;
  groups: Group[];
  /** fresh limiters for a run (they hold state) */
  limiters: () => Limiter[];
  /** share of admitted requests the backend answers 500 @default 0 */
  errorRate?: number;
  /** the generator fails requests itself when more than `socketLimit` threads are active on an engine */
  client?: { socketLimit: number; timeoutMs: number };
}

/** one simulated sample before it is written: the Sample contract plus the engine it ran on */
export type SimSample = Sample;

interface Thread {
  engine: number;
  group: Group;
  gi: number;
  name: string;
  startAt: number;
  stopAt: number;
  stoppedAt: number;
  t: number;
  step: number;
  left: number;
  retries: number;
  connected: boolean;
  /** session slots held from the WebSocket upgrade until the close */
  held: { end: number }[];
}

const OK: Record<StepKind, [string, string]> = {
  http: ["200", "OK"],
  "ws-open": ["101", "Switching Protocols"],
  "ws-frame": ["200", "OK"],
  "ws-close": ["1000", "Normal closure"],
};

function pick(r: Rng, [a, b]: [number, number]) {
  return a === b ? a : Math.round(r.between(a, b));
}

/** Run a scenario; samples come back in completion order, as JMeter writes them. */
export function simulate(sc: Scenario): Sample[] {
  const r = rng(sc.seed);
  const t0 = sc.startMs ?? 1764640800000;
  const limiters = sc.limiters();
  const engines = sc.engines ?? 1;
  const threads: Thread[] = [];
  for (let e = 0; e < engines; e++) {
    sc.groups.forEach((g, gi) => {
      for (let i = 0; i < g.threads; i++) {
        const startAt = t0 + (g.delayS ?? 0) * 1000 + Math.round((g.rampUpS * 1000 * i) / g.threads) + e * 7;
        threads.push({ engine: e, group: g, gi, name: `${g.name} ${gi + 1}-${i + 1}`, startAt, stopAt: t0 + ((g.delayS ?? 0) + g.durationS) * 1000, stoppedAt: Infinity, t: startAt, step: 0, left: -1, retries: 0, connected: false, held: [] });
      }
    });
  }
  const out: Sample[] = [];
  const owner = new Map<Sample, Thread>();
  const heap = new Heap<Thread>((a, b) => a.t - b.t);
  for (const th of threads) heap.push(th);
  const activeAt = (engine: number, t: number) => threads.filter((x) => x.engine === engine && x.startAt <= t && x.stoppedAt > t).length;
  while (heap.size) {
    const th = heap.pop()!;
    const t = th.t;
    const steps = th.group.steps;
    // the scheduler's duration stops a thread wherever it is
    if (t >= th.stopAt) {
      th.stoppedAt = t;
      for (const h of th.held.splice(0)) h.end = t;
      continue;
    }
    const step = steps[th.step]!;
    if (th.left < 0) th.left = pick(r, step.repeat ?? [1, 1]);
    const kind = step.kind ?? "http";
    let code = OK[kind][0];
    let message = OK[kind][1];
    let elapsed = pick(r, step.serviceMs);
    let connect = 0;
    let retryAfter = NaN;
    let outcome: "ok" | "rejected" | "error" = "ok";
    if (kind === "ws-open" || (kind === "http" && !th.connected)) connect = r.int(1, 4);
    const active = sc.client ? activeAt(th.engine, t) : 0;
    if (sc.client && active > sc.client.socketLimit && r.next() < (active - sc.client.socketLimit) / active) {
      const connectFail = r.next() < 0.5;
      code = connectFail ? "Non HTTP response code: org.apache.http.conn.ConnectTimeoutException" : "Non HTTP response code: java.net.SocketTimeoutException";
      message = connectFail ? "Non HTTP response message: Connect to api.test:443 failed: connect timed out" : "Non HTTP response message: Read timed out";
      elapsed = sc.client.timeoutMs + r.int(0, 30);
      connect = connectFail ? elapsed : connect;
      outcome = "error";
    } else {
      for (const l of limiters) {
        if (!applies(l, step.label)) continue;
        const v = l.admit(t, step.label);
        if (v.ok) continue;
        outcome = "rejected";
        code = "429";
        message = kind === "ws-open" ? "Got unexpected status 429 with statusLine: HTTP/1.1 429 Too Many Requests" : "Too Many Requests";
        const held = l.holdMs && r.next() < (l.holdShare ?? 1);
        elapsed = held ? pick(r, l.holdMs!) : r.int(3, 25);
        if (kind !== "ws-open" && !l.noRetryAfterFor?.includes(step.label) && v.retryAfter !== undefined) retryAfter = v.retryAfter;
        break;
      }
      if (outcome === "ok") {
        for (const l of limiters) {
          if (!l.occupy || !applies(l, step.label)) continue;
          const slot = l.occupy(l.sessions ? Infinity : t + elapsed);
          if (l.sessions) th.held.push(slot);
        }
        if (kind === "ws-close") for (const h of th.held.splice(0)) h.end = t + elapsed;
        if (sc.errorRate && r.next() < sc.errorRate) {
          code = "500";
          message = "Internal Server Error";
          outcome = "error";
        }
      }
    }
    if (kind === "http") th.connected = true;
    const made = sample(th, step, kind, t, elapsed, code, message, outcome !== "ok", connect, retryAfter, out.length);
    out.push(made);
    owner.set(made, th);
    const end = t + elapsed;
    const pol = th.group.retry;
    if (outcome === "rejected" && pol.mode !== "none" && th.retries < (pol.maxRetries ?? 5)) {
      th.retries++;
      const wait = pol.mode === "immediate" ? 0 : pol.mode === "respect" && !Number.isNaN(retryAfter) ? retryAfter * 1000 : (pol.waitMs ?? 1000);
      th.t = end + wait + (pol.jitterMs ? r.int(0, pol.jitterMs) : 0);
    } else if (outcome !== "ok") {
      th.step = 0;
      th.left = -1;
      th.retries = 0;
      for (const h of th.held.splice(0)) h.end = end;
      // a thread that respects Retry-After does not come back before it, even on its next iteration
      const honour = outcome === "rejected" && pol.mode === "respect" && !Number.isNaN(retryAfter) ? retryAfter * 1000 : 0;
      th.t = end + Math.max(honour, pick(r, th.group.thinkMs));
    } else {
      th.retries = 0;
      th.left--;
      if (th.left <= 0) {
        th.left = -1;
        th.step++;
      }
      if (th.step >= steps.length) {
        th.step = 0;
        th.t = end + pick(r, th.group.thinkMs);
      } else th.t = end + pick(r, th.group.pauseMs ?? [0, 20]);
    }
    heap.push(th);
  }
  for (const s of out) {
    const th = owner.get(s)!;
    const end = s.start + s.elapsed;
    s.allThreads = activeAt(th.engine, end);
    s.grpThreads = threads.filter((x) => x.engine === th.engine && x.gi === th.gi && x.startAt <= end && x.stoppedAt > end).length;
  }
  return out.sort((a, b) => a.start + a.elapsed - (b.start + b.elapsed) || a.line - b.line);
}

function sample(th: Thread, step: Step, kind: StepKind, t: number, elapsed: number, code: string, message: string, failed: boolean, connect: number, retryAfter: number, n: number): Sample {
  const ws = kind !== "http";
  return {
    start: t,
    elapsed,
    label: step.label,
    code,
    message,
    thread: th.name,
    success: !failed,
    failureMessage: failed && ws ? message : "",
    dataType: ws ? "text" : "text",
    bytes: failed ? 180 : 1200,
    sentBytes: 300,
    grpThreads: 0,
    allThreads: 0,
    url: ws ? "null" : `https://api.test/${step.label.replace(/\s+/g, "-").toLowerCase()}`,
    latency: ws ? 0 : Math.max(0, elapsed - 2),
    idle: 0,
    connect,
    retryAfter,
    kind: "sample",
    engine: th.engine,
    line: n + 2,
  };
}

class Heap<T> {
  private a: T[] = [];
  constructor(private cmp: (x: T, y: T) => number) {}
  get size() {
    return this.a.length;
  }
  push(x: T) {
    const a = this.a;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.cmp(a[i]!, a[p]!) >= 0) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  pop(): T | undefined {
    const a = this.a;
    const top = a[0];
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const rr = l + 1;
        let m = i;
        if (l < a.length && this.cmp(a[l]!, a[m]!) < 0) m = l;
        if (rr < a.length && this.cmp(a[rr]!, a[m]!) < 0) m = rr;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}
