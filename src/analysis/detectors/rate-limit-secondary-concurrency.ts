// rate-limit.secondary.concurrency: rejections governed by how many requests are open at once, not by rate
import { evidence, num, pct, quote, severityFor, windowOf, type Detector } from "../detector.js";
import type { Facts } from "../facts.js";
import { pools } from "../limits.js";
import type { Finding } from "../report.js";

export const secondaryConcurrency: Detector = {
  id: "rate-limit.secondary.concurrency",
  title: "concurrency limit",
  detect(f: Facts, ctx): Finding[] {
    return pools(f)
      .filter((p) => p.kind === "concurrency")
      .map((p) => {
        const c = p.concurrency;
        // the open count rejections arrived at; the sweep's maximum can exceed it by a slot freed a few ms early
        const cap = c.p50;
        const keep = Math.max(1, Math.floor(cap * 0.9));
        const per = ctx.engines > 1 ? ` (≤ ${Math.max(1, Math.floor(keep / ctx.engines))} per engine with ${ctx.engines} engines)` : "";
        return {
          id: "rate-limit.secondary.concurrency",
          severity: severityFor(p.rejected, p.attempts),
          title: `at most ${num(cap)} ${c.open === "sessions" ? "open sessions" : "requests in flight"} on ${quote(p.labels)}`,
          labels: p.labels,
          window: windowOf(f, p.spans),
          estimate: { concurrent: cap },
          evidence: [
            evidence(
              c.open === "sessions"
                ? `${num(p.rejected)} of ${num(p.attempts)} attempts rejected; counting WebSocket sessions from the accepted upgrade (101) to the close, no more than ${num(c.max)} were ever open at once`
                : `${num(p.rejected)} of ${num(p.attempts)} attempts rejected; sweeping accepted samples over [start, start + elapsed], no more than ${num(c.max)} were ever open at once`,
              { rejected: p.rejected, attempts: p.attempts, openMax: c.max },
            ),
            evidence(`${pct(c.atCeiling, c.rejections)} of rejections arrived with ${num(c.max - c.tolerance)}–${num(c.max)} open (median ${num(c.p50)}, 10th percentile ${num(c.p10)}): they start at a ceiling of ${num(cap)}`, { atCeiling: c.atCeiling, rejections: c.rejections, p10: c.p10, p50: c.p50, pinned: c.pinned }),
            evidence(
              p.flat.cv >= 0.15
                ? `the accepted rate was not flat (${num(p.flat.mean)}/s per 5 s window, coefficient of variation ${num(p.flat.cv, 2)}): not a rate limit`
                : `the accepted rate was ${num(p.flat.mean)}/s (coefficient of variation ${num(p.flat.cv, 2)}), which is the ceiling over the session length; rejections did not follow the rate but the open count`,
              { acceptedPerSecond: p.flat.mean, cv: p.flat.cv },
            ),
          ],
          recommendation: `keep ≤ ${keep} of ${quote(p.labels)} open at once${per}: size the thread group (or a Concurrency Thread Group's TargetLevel) to ≤ ${keep} threads for these samplers, or close each session before opening the next; pacing the rate does not help`,
        };
      });
  },
};
