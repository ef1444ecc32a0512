// evidence and advice shared by the rate-limit detectors (no detector of its own)
import { evidence, num, paceFor, pct, quote, type DetectContext } from "../detector.js";
import type { Facts } from "../facts.js";
import type { Pool } from "../limits.js";
import type { Evidence } from "../report.js";

export function limitEvidence(f: Facts, p: Pool): Evidence[] {
  const r = p.rate;
  const out: Evidence[] = [
    evidence(`${num(p.rejected)} of ${num(p.attempts)} attempts on ${quote(p.labels)} were rejected (${pct(p.rejected, p.attempts)}), over ${num(p.saturatedSeconds)} s of saturation in ${p.spans.length} span${p.spans.length === 1 ? "" : "s"}`, { rejected: p.rejected, attempts: p.attempts, saturatedSeconds: p.saturatedSeconds }),
    evidence(`accepted ${num(p.flat.mean)}/s per 5 s window while saturated (coefficient of variation ${num(p.flat.cv, 2)}), while the offered load ranged ${num(p.flat.offeredMin)}–${num(p.flat.offeredMax)}/s`, { acceptedPerSecond: p.flat.mean, cv: p.flat.cv, offeredMin: p.flat.offeredMin, offeredMax: p.flat.offeredMax }),
  ];
  if (r.method === "fixed-window")
    out.push(evidence(`in ${pct(r.fixedScore ?? 0, 1)} of the aligned ${r.windowSeconds} s windows every accepted request came before the first rejection: a fixed window of ${num(r.burst)} requests per ${r.windowSeconds} s`, { windowSeconds: r.windowSeconds ?? 0, limit: r.burst, score: r.fixedScore ?? 0 }));
  else if (r.method === "arrival-curve")
    out.push(evidence(`arrival curve: at most ${num(r.maxA1)} accepted in any ${num(r.w1)} s and ${num(r.maxA2)} in any ${num(r.w2)} s while saturated: slope ${num(r.requestsPerSecond)}/s, intercept (burst) ${num(r.burst)}`, { w1: r.w1, maxAccepted1: r.maxA1, w2: r.w2, maxAccepted2: r.maxA2, slope: r.requestsPerSecond, burst: r.burst }));
  const c = p.concurrency;
  out.push(
    evidence(
      c.max < 3
        ? `at most ${num(c.max)} of these requests were ever open at once: too few for a concurrency limit, so the limit is on rate`
        : `rejections came at open counts from ${num(c.p10)} (10th percentile) to ${num(c.max)}, only ${pct(c.atCeiling, c.rejections)} at the maximum: the limit is on rate, not concurrency`,
      { openP10AtRejection: c.p10, openMax: c.max, pinned: c.pinned },
    ),
  );
  return out;
}

/** the plan change for a rate pool: pace, ramp, jitter, per engine */
export function pacingAdvice(f: Facts, p: Pool, ctx: DetectContext, what: string): string {
  const pace = paceFor(p.rate.requestsPerSecond);
  const threads = ctx.plannedThreads ?? Math.max(1, ...f.threads.total);
  const ramp = Math.ceil(threads / pace);
  const jitter = Math.min(10000, Math.max(500, Math.round((1000 * p.rate.burst) / p.rate.requestsPerSecond / 500) * 500));
  const perEngine = ctx.engines > 1 ? `; with ${ctx.engines} engines each paces at ≤ ${num(Math.floor((pace / ctx.engines) * 100) / 100)}/s (the plan's \`engines: ${ctx.engines}\` divides the rate)` : "";
  return `pace ${what} at ≤ ${num(pace)}/s with the Throughput Shaping Timer: \`-Jload_profile="const(${num(pace)},10m)"\`${perEngine}; ramp ${num(threads)} threads over ≥ ${ramp} s; jitter 0–${jitter} ms before the first request of each thread`;
}
