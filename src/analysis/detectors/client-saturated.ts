// client.saturated: failures the load generator or network made (non-HTTP codes), not the server's limits
import { clock, evidence, ms, num, pct, quote, type Detector } from "../detector.js";
import type { Facts } from "../facts.js";
import { histogram, merge, quantile } from "../histogram.js";
import type { Finding } from "../report.js";

export const MIN_CLIENT = 5;
export const MIN_CLIENT_SHARE = 0.005;

export const clientSaturated: Detector = {
  id: "client.saturated",
  title: "load generator or network failures",
  detect(f: Facts, ctx): Finding[] {
    const labels = f.labels.filter((l) => l.state.counts.client > 0);
    const n = labels.reduce((a, l) => a + l.state.counts.client, 0);
    const all = f.labels.reduce((a, l) => a + l.state.counts.accepted + l.state.counts.rejected + l.state.counts.error + l.state.counts.client, 0);
    if (n < MIN_CLIENT || n < MIN_CLIENT_SHARE * all) return [];
    const kinds = new Map<string, number>();
    const lat = histogram();
    for (const l of labels) {
      for (const [k, c] of l.state.exceptions) kinds.set(k, (kinds.get(k) ?? 0) + c);
      merge(lat, l.state.latency.client);
    }
    const series = f.sum(labels.map((l) => l.label), "client");
    const onset = series.findIndex((v) => v > 0);
    const threads = f.threads.total[onset] ?? 0;
    const perEngine = Math.max(1, Math.floor((threads * 0.8) / Math.max(1, ctx.engines)));
    const top = [...kinds.entries()].sort((a, b) => b[1] - a[1]);
    const rejected = f.labels.reduce((a, l) => a + l.state.counts.rejected, 0);
    return [
      {
        id: "client.saturated",
        severity: n / all >= 0.05 ? "error" : "warning",
        title: `${num(n)} requests (${pct(n, all)}) failed in the load generator or network, not at the server`,
        labels: labels.map((l) => l.label),
        window: { startMs: f.t0 + Math.max(0, onset) * 1000, endMs: f.t0 + f.n * 1000 },
        estimate: {},
        evidence: [
          evidence(`non-HTTP response codes: ${top.map(([k, c]) => `${k} × ${num(c)}`).join(", ")}`, Object.fromEntries(top.map(([k, c]) => [k.split(".").pop()!, c]))),
          evidence(`they took a median ${ms(quantile(lat, 0.5))} (a timeout, not an answer); the first at ${clock(f, Math.max(0, onset))} with ${num(threads)} threads active`, { elapsedP50Ms: quantile(lat, 0.5), onsetThreads: threads }),
          evidence(`the server rejected ${num(rejected)} requests in the whole run: these failures are not its limits`, { rejected }),
        ],
        recommendation: `the generator ran out of sockets or time: spread the load over more engines (≤ ${perEngine} threads per engine), keep connections alive (HTTP Request "Use KeepAlive", HttpClient4), raise the connect and response timeouts of ${quote(labels.map((l) => l.label))} only after checking \`ulimit -n\` and ephemeral ports on the engine; do not read these as rate limits`,
      },
    ];
  },
};
