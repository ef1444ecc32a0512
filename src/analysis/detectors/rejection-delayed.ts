// rejection.delayed: rejections that arrive only after a long wait (shaping or a queue upstream), by bimodal latency
import { evidence, ms, num, pct, quote, type Detector } from "../detector.js";
import type { Facts } from "../facts.js";
import { histogram, merge, quantile, split } from "../histogram.js";
import type { Finding } from "../report.js";

/** slow rejections take at least this long, are this share of rejections, this many times the fast ones */
export const SLOW_MS = 1000;
export const MIN_SLOW_SHARE = 0.05;
export const MIN_SEPARATION = 4;

/** fast and slow rejections of a label set; undefined when nothing is slow */
export function slowRejections(f: Facts, labels: string[]) {
  const h = histogram();
  for (const l of labels) {
    const s = f.byLabel.get(l)?.state;
    if (s) merge(h, s.latency.rejected);
  }
  if (h.n < 5) return undefined;
  const sp = split(h);
  if (sp && sp.high.n >= MIN_SLOW_SHARE * h.n && quantile(sp.high, 0.5) >= SLOW_MS && sp.separation >= MIN_SEPARATION) return { all: h, fast: sp.low, slow: sp.high, threshold: sp.threshold };
  if (quantile(h, 0.5) >= SLOW_MS) return { all: h, fast: histogram(), slow: h, threshold: 0 };
  return undefined;
}

export const rejectionDelayed: Detector = {
  id: "rejection.delayed",
  title: "delayed rejections",
  detect(f: Facts): Finding[] {
    const labels = f.labels.filter((l) => l.state.counts.rejected > 0).map((l) => l.label);
    const r = slowRejections(f, labels);
    if (!r) return [];
    const slowLabels = labels.filter((l) => {
      const h = f.byLabel.get(l)!.state.latency.rejected;
      return quantile(h, 0.95) >= Math.max(SLOW_MS, r.threshold);
    });
    const ok = histogram();
    for (const l of slowLabels) merge(ok, f.byLabel.get(l)!.state.latency.accepted);
    const slowP99 = quantile(r.slow, 0.99);
    const timeout = Math.ceil((slowP99 + 1000) / 1000) * 1000;
    const start = Math.min(...slowLabels.map((l) => f.byLabel.get(l)!.state.first));
    const end = Math.max(...slowLabels.map((l) => f.byLabel.get(l)!.state.last));
    return [
      {
        id: "rejection.delayed",
        severity: "warning",
        title: `${pct(r.slow.n, r.all.n)} of rejections came only after a wait of ${ms(quantile(r.slow, 0.5))} (median)`,
        labels: slowLabels,
        window: { startMs: start, endMs: end },
        estimate: {},
        evidence: [
          evidence(`rejection latency is ${r.fast.n ? "bimodal" : "uniformly slow"}: ${num(r.fast.n)} fast (median ${ms(quantile(r.fast, 0.5))}) and ${num(r.slow.n)} slow (median ${ms(quantile(r.slow, 0.5))}, 95th percentile ${ms(quantile(r.slow, 0.95))}), split at ${ms(r.threshold)}`, { fast: r.fast.n, fastP50Ms: quantile(r.fast, 0.5), slow: r.slow.n, slowP50Ms: quantile(r.slow, 0.5), slowP95Ms: quantile(r.slow, 0.95), thresholdMs: r.threshold }),
          evidence(`accepted requests on ${quote(slowLabels)} took a median ${ms(quantile(ok, 0.5))}: the server held the rejected ones (shaping or a queue), it did not slow down as a whole`, { acceptedP50Ms: quantile(ok, 0.5) }),
        ],
        recommendation: `treat the slow 429s as requests held upstream (a queue or connection pool), not a second limit: set the samplers' response timeout ≥ ${timeout} ms so they are not turned into socket timeouts, size threads by Little's law with the held time (threads ≈ rate × ${ms(quantile(r.slow, 0.5))}), and pace the starts as the rate-limit finding says`,
      },
    ];
  },
};
