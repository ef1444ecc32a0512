// errors.http: plain HTTP errors (a flaky backend's 500s), reported as errors and never as rate limits
import { evidence, num, pct, quote, type Detector } from "../detector.js";
import { correlation, type Facts } from "../facts.js";
import type { Finding } from "../report.js";

export const errorsHttp: Detector = {
  id: "errors.http",
  title: "HTTP errors",
  detect(f: Facts): Finding[] {
    const labels = f.labels.filter((l) => l.state.counts.error > 0);
    if (!labels.length) return [];
    const n = labels.reduce((a, l) => a + l.state.counts.error, 0);
    const att = labels.reduce((a, l) => a + l.state.counts.accepted + l.state.counts.error + l.state.counts.rejected + l.state.counts.client, 0);
    const codes = new Map<string, number>();
    for (const l of labels) for (const [c, { n: k }] of l.state.codes) if (/^[45]\d\d$/.test(c) && c !== "429") codes.set(c, (codes.get(c) ?? 0) + k);
    const names = labels.map((l) => l.label);
    const errs = f.sum(names, "error");
    const load = f.sum(names, "attempts");
    const share = Array.from(errs, (e, i) => (load[i]! ? e / load[i]! : 0));
    const withLoad = correlation(Array.from(load), share);
    const top = [...codes.entries()].sort((a, b) => b[1] - a[1]);
    return [
      {
        id: "errors.http",
        severity: n / att >= 0.01 ? "warning" : "info",
        title: `${num(n)} HTTP errors (${pct(n, att)}) on ${labels.length} label${labels.length === 1 ? "" : "s"}`,
        labels: names,
        window: { startMs: f.t0, endMs: f.t0 + f.n * 1000 },
        estimate: {},
        evidence: [
          evidence(`codes: ${top.map(([c, k]) => `${c} × ${num(k)}`).join(", ") || "failed assertions"}; per label: ${labels.map((l) => `${l.label} ${pct(l.state.counts.error, l.state.counts.accepted + l.state.counts.error)}`).join(", ")}`, Object.fromEntries([["errors", n], ...top.map(([c, k]) => [`code${c}`, k])])),
          evidence(`the error share per second ${Math.abs(withLoad) < 0.3 ? "did not follow" : withLoad > 0 ? "rose with" : "fell with"} the load (correlation ${num(withLoad, 2)}), and no 429 or Retry-After came with them: errors, not rate limiting`, { correlationWithLoad: withLoad }),
        ],
        recommendation: `fix or report the backend errors on ${quote(names)}; they are not rate limits, so pacing will not remove them; add a Response Assertion so they fail the sample and a retry only if the API documents them as retryable`,
      },
    ];
  },
};
