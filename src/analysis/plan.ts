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
  const elapsed = new Float64Array(f.n);
  for (const l of f.labels) {
    const e = l.state.elapsedSum.slice(f.t0, f.n);
    for (let i = 0; i < f.n; i++) elapsed[i]! += e[i]!;
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
    const respS = n ? total(elapsed, a, b) / n / 1000 : NaN;
    const threadsNeeded = plannedRate !== null && Number.isFinite(respS) ? plannedRate * respS : null;
    const observedThreads = total(f.threads.total, a, b) / secs;
    let shortfall: PlanComparison["windows"][number]["shortfall"] = "none";
    if (plannedRate !== null && plannedRate > 0 && acceptedRate < SHORT * plannedRate) {
      const offeredShort = observedRate < SHORT * plannedRate;
      const rejections = total(rejected, a, b) > 0.05 * n;
      shortfall = offeredShort && rejections ? "both" : offeredShort ? "generator" : "rejections";
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
  const gen = short.filter((x) => x.shortfall === "generator" || x.shortfall === "both");
  const rej = short.filter((x) => x.shortfall === "rejections" || x.shortfall === "both");
  const parts = [`${short.length} of ${ws.length} windows fell short of the planned rate`];
  if (rej.length) parts.push(`${rej.length} because the server rejected requests`);
  if (gen.length) {
    const worst = gen.reduce((a, b) => ((b.threadsNeeded ?? 0) > (a.threadsNeeded ?? 0) ? b : a));
    parts.push(
      worst.threadsNeeded !== null && worst.threadsNeeded > worst.observedThreads
        ? `${gen.length} because the generator offered too little: by Little's law ${num(worst.plannedRequestsPerSecond ?? 0)}/s at the observed response time needs ${num(worst.threadsNeeded)} threads, ${num(worst.observedThreads)} ran`
        : `${gen.length} because the generator offered too little while it had threads enough by Little's law (${num(worst.observedThreads)} ran, ${num(worst.threadsNeeded ?? 0)} needed): the threads were held elsewhere (timers, waits for Retry-After, other samplers)`,
    );
  }
  return parts.join("; ") + engines;
}
