// retry-after.ignored: retries sooner than Retry-After asked, per label and thread
import { evidence, ms, num, pct, quote, type Detector } from "../detector.js";
import type { Facts } from "../facts.js";
import { quantile } from "../histogram.js";
import type { Finding } from "../report.js";

/** at least this many early retries, and this share of advised ones */
export const MIN_IGNORED = 3;
export const MIN_IGNORED_SHARE = 0.1;

export const retryAfterIgnored: Detector = {
  id: "retry-after.ignored",
  title: "Retry-After ignored",
  detect(f: Facts): Finding[] {
    const out: Finding[] = [];
    for (const [label, s] of [...f.retries.byLabel.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (s.ignored < MIN_IGNORED || s.ignored < MIN_IGNORED_SHARE * s.advised) continue;
      const threads = s.ignoringThreads.size;
      const adv = quantile(s.advice, 0.5) / 1000;
      out.push({
        id: "retry-after.ignored",
        severity: "warning",
        title: `retries on "${label}" came before Retry-After (${pct(s.ignored, s.advised)} of them)`,
        labels: [label],
        window: { startMs: f.byLabel.get(label)?.state.first ?? f.t0, endMs: f.byLabel.get(label)?.state.last ?? f.t0 },
        estimate: {},
        evidence: [
          evidence(`${num(s.ignored)} of ${num(s.advised)} retries after an advised rejection came early, on ${num(threads)} threads`, { ignored: s.ignored, advised: s.advised, threads }),
          evidence(`they came a median ${ms(quantile(s.early, 0.5))} early (90th percentile ${ms(quantile(s.early, 0.9))}) against a median Retry-After of ${num(adv)} s`, { earlyMsP50: quantile(s.early, 0.5), earlyMsP90: quantile(s.early, 0.9), retryAfterP50: adv }),
          ...(s.borrowed ? [evidence(`${num(s.borrowed)} of these rejections carried no Retry-After (WebSocket upgrades lose it) and were judged by the last one advertised on another label`, { borrowed: s.borrowed })] : []),
        ],
        recommendation: `honour Retry-After on ${quote([label])}: read it after each 429 (JSR223 PostProcessor: \`prev.getResponseHeaders()\`, or a Regular Expression Extractor on the headers into \`retryAfter\`), then wait \`\${__jexl3(\${retryAfter} * 1000)}\` ms in a JSR223 Timer or Flow Control Action before the retry; a While Controller caps the retries`,
      });
    }
    return out;
  },
};
