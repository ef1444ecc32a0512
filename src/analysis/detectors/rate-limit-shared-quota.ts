// rate-limit.shared-quota: labels that spend one pool: their accepted counts trade off while the sum stays flat
import { evidence, num, paceFor, quote, round, severityFor, windowOf, type Detector } from "../detector.js";
import type { Facts } from "../facts.js";
import { pools } from "../limits.js";
import type { Finding } from "../report.js";
import { isPrimary } from "./rate-limit-primary.js";

export const sharedQuota: Detector = {
  id: "rate-limit.shared-quota",
  title: "shared quota",
  detect(f: Facts): Finding[] {
    return pools(f)
      .filter((p) => p.labels.length > 1 && p.shared && !isPrimary(p))
      .map((p) => {
        const t = p.shared!;
        const r = p.kind === "rate" ? p.rate.requestsPerSecond : p.flat.mean;
        const shares = p.labels.map((l) => `${l} ${num((100 * (f.byLabel.get(l)?.state.counts.accepted ?? 0)) / Math.max(1, p.accepted), 2)}%`).join(", ");
        return {
          id: "rate-limit.shared-quota",
          severity: severityFor(p.rejected, p.attempts),
          title: `${quote(p.labels)} share one quota of ${num(r)}/s`,
          labels: p.labels,
          window: windowOf(f, p.spans),
          estimate: p.kind === "rate" ? { requestsPerSecond: round(r), burst: p.rate.burst } : { concurrent: p.concurrency.max },
          evidence: [
            ...(t.tradeOff ? [evidence(`over ${t.windows} windows of ${t.windowSeconds} s while saturated, the accepted counts of the labels moved against each other (correlation ${num(t.correlation, 2)}); their sum stayed flat (coefficient of variation ${num(t.cvSum, 2)}) while each label alone varied (${t.cvEach.map((c) => num(c, 2)).join(" and ")})`, { windows: t.windows, correlation: t.correlation, cvSum: t.cvSum, cvEachMin: Math.min(...t.cvEach) })] : []),
            ...(t.together ? [evidence(`in ${num(t.coBins)} half-seconds where both labels were tried, their rejected shares went together (correlation ${num(t.coRejection, 2)}): one empty pool rejects both; combined accepted rate ${num(r)}/s`, { coBins: t.coBins, coRejection: t.coRejection, poolPerSecond: r })] : []),
            evidence(`accepted share of the pool: ${shares}`, { accepted: p.accepted }),
          ],
          recommendation: `budget ${quote(p.labels)} together: one Throughput Shaping Timer scoped over all of them at ≤ ${num(paceFor(r))}/s combined, not one per sampler; every retry or reconnect of one spends the others' quota, so keep WebSocket connections alive instead of reconnecting`,
        };
      });
  },
};
