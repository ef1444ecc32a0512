// rate-limit.primary: one sustained limit across the API: accepted throughput flat whatever the offered load
import { clock, evidence, num, pct, quote, round, severityFor, windowOf, type Detector } from "../detector.js";
import type { Facts } from "../facts.js";
import { pools, type Pool } from "../limits.js";
import type { Finding } from "../report.js";
import { limitEvidence, pacingAdvice } from "./rate-advice.js";

/** a rate pool is API-wide when it carries this share of all attempts while it is saturated */
export const PRIMARY_COVERAGE = 0.9;

export const isPrimary = (p: Pool) => p.kind === "rate" && p.coverage >= PRIMARY_COVERAGE;

export const primary: Detector = {
  id: "rate-limit.primary",
  title: "sustained rate limit",
  detect(f: Facts, ctx): Finding[] {
    return pools(f)
      .filter(isPrimary)
      .map((p) => ({
        id: "rate-limit.primary",
        severity: severityFor(p.rejected, p.attempts),
        title: `sustained limit of ${num(p.rate.requestsPerSecond)} requests/s across ${p.labels.length === f.labels.length ? "the API" : quote(p.labels)}`,
        labels: p.labels,
        window: windowOf(f, p.spans),
        estimate: { requestsPerSecond: round(p.rate.requestsPerSecond), burst: p.rate.burst, ...(p.rate.windowSeconds ? { windowSeconds: p.rate.windowSeconds } : {}) },
        evidence: [
          ...limitEvidence(f, p),
          evidence(`these labels made ${pct(p.coverage, 1)} of all attempts while saturated, so the limit is API-wide; first rejection at ${clock(f, p.onset.second)} with ${num(p.onset.threads)} threads active`, { coverage: p.coverage, onsetThreads: p.onset.threads }),
        ],
        recommendation: pacingAdvice(f, p, ctx, "all samplers"),
      }));
  },
};
