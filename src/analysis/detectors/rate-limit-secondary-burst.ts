// rate-limit.secondary.burst: a tighter rate limit on a subset of requests, hit while the API as a whole accepts far more
import { clock, evidence, num, quote, round, severityFor, windowOf, type Detector } from "../detector.js";
import type { Facts } from "../facts.js";
import { pools } from "../limits.js";
import type { Finding } from "../report.js";
import { isPrimary } from "./rate-limit-primary.js";
import { limitEvidence, pacingAdvice } from "./rate-advice.js";

export const secondaryBurst: Detector = {
  id: "rate-limit.secondary.burst",
  title: "secondary rate limit",
  detect(f: Facts, ctx): Finding[] {
    const all = pools(f);
    const sustained = all.filter(isPrimary).map((p) => p.rate.requestsPerSecond);
    return all
      .filter((p) => p.kind === "rate" && !isPrimary(p))
      .map((p) => {
        const r = p.rate;
        const what = r.windowSeconds ? `${num(r.burst)} per ${r.windowSeconds} s` : `${num(r.requestsPerSecond)}/s (burst ${num(r.burst)})`;
        return {
          id: "rate-limit.secondary.burst",
          severity: severityFor(p.rejected, p.attempts),
          title: `secondary limit of ${what} on ${quote(p.labels)}`,
          labels: p.labels,
          window: windowOf(f, p.spans),
          estimate: { requestsPerSecond: round(r.requestsPerSecond), burst: r.burst, ...(r.windowSeconds ? { windowSeconds: r.windowSeconds } : {}) },
          evidence: [
            ...limitEvidence(f, p),
            evidence(
              `while ${quote(p.labels)} were held at ${num(r.requestsPerSecond)}/s, the whole API accepted ${num(p.overallAcceptedPerSecond)}/s (${num(p.overallAcceptedPerSecond / Math.max(r.requestsPerSecond, 1e-9), 2)}×)${sustained.length ? `; the sustained limit is ${num(Math.max(...sustained))}/s` : ""}: the limit is on these labels, not the API`,
              { poolPerSecond: r.requestsPerSecond, apiAcceptedPerSecond: p.overallAcceptedPerSecond, coverage: p.coverage },
            ),
            evidence(`first rejection at ${clock(f, p.onset.second)} with ${num(p.onset.threads)} threads active, offering ${num(p.onset.offeredPerSecond)}/s to these labels`, { onsetThreads: p.onset.threads, onsetOfferedPerSecond: p.onset.offeredPerSecond }),
          ],
          recommendation: pacingAdvice(f, p, ctx, `${quote(p.labels)} (session starts)`),
        };
      });
  },
};
