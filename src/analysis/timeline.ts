// per-second series for charts: requests by code, active threads, accepted rate against each limit, fast vs slow failures
import type { Facts } from "./facts.js";
import { pools } from "./limits.js";
import type { Finding } from "./report.js";
import { SLOW_MS } from "./fold.js";

export interface Timeline {
  t0: number;
  /** seconds per point (1, or more for long runs so charts stay small) */
  step: number;
  codes: { code: string; values: number[] }[];
  threads: { engine: number; values: number[] }[];
  limits: { labels: string[]; accepted: number[]; limit: number; kind: string }[];
  failures: { fast: number[]; slow: number[]; thresholdMs: number };
}

const MAX_POINTS = 600;

function coarse(a: ArrayLike<number>, step: number, mode: "mean" | "max" = "mean"): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.length; i += step) {
    let s = 0;
    let m = 0;
    const end = Math.min(a.length, i + step);
    for (let j = i; j < end; j++) {
      s += a[j]!;
      m = Math.max(m, a[j]!);
    }
    out.push(mode === "max" ? m : Number((s / (end - i)).toFixed(2)));
  }
  return out;
}

export function timelineOf(f: Facts, findings: Finding[]): Timeline {
  const step = Math.max(1, Math.ceil(f.n / MAX_POINTS));
  const byCode = new Map<string, Float64Array>();
  for (const l of f.labels)
    for (const [code, { second: bins }] of l.state.codes) {
      const key = /^\d{3,4}$/.test(code) ? code : "non-HTTP";
      const a = byCode.get(key) ?? new Float64Array(f.n);
      const s = bins.slice(f.t0, f.n);
      for (let i = 0; i < f.n; i++) a[i]! += s[i]!;
      byCode.set(key, a);
    }
  const codes = [...byCode.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([code, a]) => ({ code, values: coarse(a, step) }));
  const threads = [...f.threads.perEngine.entries()].map(([engine, a]) => ({ engine, values: coarse(a, step, "max") }));
  const limitOf = (labels: string[]) => findings.find((x) => x.id.startsWith("rate-limit.") && x.labels.join("\u0000") === labels.join("\u0000") && x.estimate.requestsPerSecond !== undefined)?.estimate.requestsPerSecond;
  const limits = pools(f).map((p) => ({ labels: p.labels, accepted: coarse(f.sum(p.labels, "accepted"), step), limit: limitOf(p.labels) ?? p.rate.requestsPerSecond, kind: p.kind }));
  const rej = f.sum(f.labels.map((l) => l.label), "rejected");
  const slow = new Float64Array(f.n);
  for (const l of f.labels) {
    const s = l.state.slowRejected.slice(f.t0, f.n);
    for (let i = 0; i < f.n; i++) slow[i]! += s[i]!;
  }
  const fast = rej.map((v, i) => v - slow[i]!);
  const failures = { fast: coarse(fast, step), slow: coarse(slow, step), thresholdMs: SLOW_MS };
  return { t0: f.t0, step, codes, threads, limits, failures };
}
