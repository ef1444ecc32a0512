// the report's summary: per label counts, codes, rates and latency quantiles (quantiles approximate within ~9%)
import type { Facts } from "./facts.js";
import { quantile, type Histogram } from "./histogram.js";
import type { LabelSummary, Report } from "./report.js";
import { round } from "./detector.js";

const q = (h: Histogram) => ({ p50: h.n ? round(quantile(h, 0.5), 0) : null, p95: h.n ? round(quantile(h, 0.95), 0) : null, p99: h.n ? round(quantile(h, 0.99), 0) : null });

export function summarize(f: Facts): Omit<Report["summary"], "plan"> {
  const secs = Math.max(1, f.n);
  const labels: LabelSummary[] = f.labels.map((l) => {
    const c = l.state.counts;
    const samples = c.accepted + c.rejected + c.error + c.client;
    const active = Math.max(1, Math.ceil((l.state.last - l.state.first) / 1000));
    let peak = 0;
    for (const v of l.second.accepted) if (v > peak) peak = v;
    return {
      label: l.label,
      samples,
      accepted: c.accepted,
      rejected: c.rejected,
      errors: c.error,
      clientFailures: c.client,
      codes: Object.fromEntries([...l.state.codes.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([c, x]) => [c, x.n])),
      attemptsPerSecond: round(samples / active),
      acceptedPerSecond: round(c.accepted / active),
      peakAcceptedPerSecond: peak,
      elapsedMs: q(l.state.latency.accepted),
      rejectedElapsedMs: q(l.state.latency.rejected),
    };
  });
  const sum = (k: keyof Pick<LabelSummary, "samples" | "accepted" | "rejected" | "errors" | "clientFailures">) => labels.reduce((a, l) => a + l[k], 0);
  const codes: Record<string, number> = {};
  for (const l of labels) for (const [c, n] of Object.entries(l.codes)) codes[c] = (codes[c] ?? 0) + n;
  return {
    samples: sum("samples"),
    accepted: sum("accepted"),
    rejected: sum("rejected"),
    errors: sum("errors"),
    clientFailures: sum("clientFailures"),
    engines: Math.max(1, f.threads.perEngine.size),
    peakThreads: Math.max(0, ...f.threads.total),
    attemptsPerSecond: round(sum("samples") / secs),
    acceptedPerSecond: round(sum("accepted") / secs),
    codes: Object.fromEntries(Object.entries(codes).sort((a, b) => (a[0] < b[0] ? -1 : 1))),
    labels,
  };
}
