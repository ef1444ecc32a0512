// what the plan intended against what happened: threads and rates per window, and why a shortfall happened
import type { PlanProfile, SamplerRate } from "../profile/index.js";
import { valueAt, type Series } from "../profile/series.js";
import { num, pct, round } from "./detector.js";
import { total, type Facts } from "./facts.js";
import type { PlanComparison } from "./report.js";

/** a window counts as short of the plan below this share of the planned rate */
export const SHORT = 0.9;

const mean = (s: Series, a: number, b: number) => {
  let acc = 0;
  const n = Math.max(1, Math.round(b - a));
  for (let i = 0; i < n; i++) acc += valueAt(s, a + i + 0.5);
  return acc / n;
};

/**
 * Compare a plan's load profile with the facts; t = 0 of the plan is the first sample's second. When the plan
 * paces named samplers found in the file, their target rates are compared with those labels; else the total.
 */
export function comparePlan(f: Facts, profile: PlanProfile, file: string, samplers: SamplerRate[] = []): PlanComparison {
  const duration = Math.min(f.n, Math.max(1, Math.ceil(profile.duration || f.n)));
  const w = Math.max(10, Math.ceil(duration / 12 / 10) * 10);
  const paced = samplers.filter((x) => x.rate && f.byLabel.has(x.label));
  const all = paced.length ? [...new Set(paced.map((x) => x.label))] : f.labels.map((l) => l.label);
  const targetRate = paced.length ? paced.map((x) => x.rate!) : profile.total.rate ? [profile.total.rate] : [];
  const attempts = f.sum(all, "attempts");
  const accepted = f.sum(all, "accepted");
  const rejected = f.sum(all, "rejected");
  // thread time spent in samples that were not refused (every label): the least time an iteration takes
  const busy = new Float64Array(f.n);
  for (const l of f.labels) {
    const e = l.state.elapsedSum.slice(f.t0, f.n);
    const r = l.state.rejectedElapsed.slice(f.t0, f.n);
    for (let i = 0; i < f.n; i++) busy[i]! += e[i]! - r[i]!;
  }
  const windows: PlanComparison["windows"] = [];
  for (let a = 0; a < duration; a += w) {
    const b = Math.min(duration, a + w);
    if (b - a < w / 2 && windows.length) break;
    const secs = b - a;
    const plannedThreads = mean(profile.total.threads, a, b);
    const plannedRate = targetRate.length ? targetRate.reduce((acc, r) => acc + mean(r, a, b), 0) : null;
    const n = total(attempts, a, b);
    const observedRate = n / secs;
    const acceptedRate = total(accepted, a, b) / secs;
    const observedThreads = total(f.threads.total, a, b) / secs;
    // Little's law with the response times alone (no timers, think time or retry waits): a lower bound
    const wBusy = n ? total(busy, a, b) / 1000 / n : NaN;
    const threadsNeeded = plannedRate !== null && Number.isFinite(wBusy) ? plannedRate * wBusy : null;
    let shortfall: PlanComparison["windows"][number]["shortfall"] = "none";
    if (plannedRate !== null && plannedRate > 0 && acceptedRate < SHORT * plannedRate) {
      const offeredShort = observedRate < SHORT * plannedRate;
      const tooFewThreads = threadsNeeded !== null && threadsNeeded > observedThreads;
      const rejections = total(rejected, a, b) > 0.05 * n;
      // offered enough: the server refused; offered too little: too few threads, or threads held by the limits
      shortfall = !offeredShort ? "rejections" : tooFewThreads ? (rejections ? "both" : "generator") : rejections ? "rejections" : "generator";
    }
    windows.push({
      startMs: f.t0 + a * 1000,
      endMs: f.t0 + b * 1000,
      plannedThreads: round(plannedThreads, 1),
      observedThreads: round(observedThreads, 1),
      plannedRequestsPerSecond: plannedRate === null ? null : round(plannedRate),
      observedRequestsPerSecond: round(observedRate),
      acceptedRequestsPerSecond: round(acceptedRate),
      threadsNeeded: threadsNeeded === null ? null : round(threadsNeeded, 1),
      shortfall,
    });
  }
  const perEngine = [...f.threads.perEngine.keys()].sort((x, y) => x - y).map((engine) => {
    const th = f.threads.perEngine.get(engine)!;
    const secs = Math.max(1, duration);
    return {
      engine,
      plannedThreads: round(Math.max(0, ...profile.perEngine.threads.map((p) => p.v)), 1),
      observedThreads: Math.max(0, ...th),
      plannedRequestsPerSecond: profile.perEngine.rate ? round(mean(profile.perEngine.rate, 0, duration)) : null,
      observedRequestsPerSecond: round(total(f.engineSeries(engine, "attempts"), 0, duration) / secs),
      acceptedRequestsPerSecond: round(total(f.engineSeries(engine, "accepted"), 0, duration) / secs),
    };
  });
  const scope = paced.length ? `the paced samplers (${all.join(", ")})` : "all samplers";
  return { file, engines: profile.engines, labels: all, windows, perEngine, verdict: `${verdictOf(windows, profile, f)}; rates compared over ${scope}` };
}

function verdictOf(ws: PlanComparison["windows"], profile: PlanProfile, f: Facts): string {
  const short = ws.filter((x) => x.shortfall !== "none");
  const engines = profile.engines === f.threads.perEngine.size ? "" : ` (the plan says ${profile.engines} engine${profile.engines === 1 ? "" : "s"}, the files show ${f.threads.perEngine.size})`;
  if (!ws.some((x) => x.plannedRequestsPerSecond !== null)) {
    const peakPlanned = Math.max(0, ...ws.map((x) => x.plannedThreads));
    const peakSeen = Math.max(0, ...f.threads.total);
    return `the plan sets no target rate; it asked for up to ${num(peakPlanned)} threads and ${num(peakSeen)} ran${engines}`;
  }
  if (!short.length) return `every window reached ≥ ${pct(SHORT, 1)} of the planned rate${engines}`;
  const count = (k: string) => short.filter((x) => x.shortfall === k).length;
  const parts = [`${short.length} of ${ws.length} windows fell short of the planned rate`];
  if (count("rejections")) parts.push(`${count("rejections")} because the server rejected requests (refused them, or held the threads waiting to retry)`);
  const few = short.filter((x) => x.threadsNeeded !== null && x.threadsNeeded > x.observedThreads);
  if (few.length) {
    const worst = few.reduce((a, b) => ((b.threadsNeeded ?? 0) - b.observedThreads > (a.threadsNeeded ?? 0) - a.observedThreads ? b : a));
    parts.push(`${few.length} because the generator had too few threads${count("both") ? ` (${count("both")} with rejections too)` : ""}: by Little's law ${num(worst.plannedRequestsPerSecond ?? 0)}/s at the observed time per request needs ${num(worst.threadsNeeded ?? 0)} threads, ${num(worst.observedThreads)} ran`);
  }
  const idle = count("generator") - few.filter((x) => x.shortfall === "generator").length;
  if (idle > 0) parts.push(`${idle} because the generator offered too little although its threads were enough by response times: they waited in timers, think time or ramp-up`);
  return parts.join("; ") + engines;
}
