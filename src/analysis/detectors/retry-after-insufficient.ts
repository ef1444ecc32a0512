// retry-after.insufficient: retries that waited as advised and were rejected again: the real window is longer
import { evidence, ms, num, pct, quote, type Detector } from "../detector.js";
import type { Facts } from "../facts.js";
import { quantile } from "../histogram.js";
import type { RetryStats } from "../folds/retries.js";
import type { Finding } from "../report.js";

export const MIN_INSUFFICIENT = 3;
export const MIN_INSUFFICIENT_SHARE = 0.1;
/** a wait is enough when this share of the retries that waited at least that long were accepted */
export const ENOUGH = 0.9;

/** how long threads needed from their first rejection to get through: the wait that would have been enough */
export function enoughWait(s: RetryStats): { ms: number; p50: number; runs: number } | undefined {
  if (s.recovered.n < 3) return undefined;
  return { ms: quantile(s.recovered, ENOUGH), p50: quantile(s.recovered, 0.5), runs: s.recovered.n };
}

export const retryAfterInsufficient: Detector = {
  id: "retry-after.insufficient",
  title: "Retry-After not enough",
  detect(f: Facts): Finding[] {
    const out: Finding[] = [];
    for (const [label, s] of [...f.retries.byLabel.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (s.honouredRejected < MIN_INSUFFICIENT || s.honouredRejected < MIN_INSUFFICIENT_SHARE * s.honoured) continue;
      const adv = quantile(s.advice, 0.5) / 1000;
      const enough = enoughWait(s);
      const waitS = enough ? Math.max(Math.ceil(enough.p50 / 1000), Math.ceil(adv) + 1) : NaN;
      const contention = s.reopened >= s.honouredRejected / 2;
      out.push({
        id: "retry-after.insufficient",
        severity: "warning",
        title: `waiting Retry-After (${num(adv)} s) on "${label}" was not enough: ${pct(s.honouredRejected, s.honoured)} of those retries were rejected again (${contention ? "other threads took the capacity first" : "the limit was still closed"})`,
        labels: [label],
        window: { startMs: f.byLabel.get(label)?.state.first ?? f.t0, endMs: f.byLabel.get(label)?.state.last ?? f.t0 },
        estimate: Number.isFinite(waitS) && !contention ? { windowSeconds: waitS } : {},
        evidence: [
          evidence(`${num(s.honouredRejected)} of ${num(s.honoured)} retries that waited at least the advised ${num(adv)} s were rejected again`, { honouredRejected: s.honouredRejected, honoured: s.honoured, retryAfterP50: adv }),
          evidence(
            contention
              ? `for ${pct(s.reopened, s.honouredRejected)} of them another request on a limited label was accepted during the wait: the limit reopened as advertised and the waiting threads competed for it (contention), so waiting longer alone will not fix it`
              : `for ${pct(s.honouredRejected - s.reopened, s.honouredRejected)} of them nothing on a limited label was accepted during the wait: the limit stayed closed past Retry-After, the real window is longer than advertised`,
            { reopened: s.reopened, closed: s.honouredRejected - s.reopened },
          ),
          ...(enough
            ? [evidence(`from their first rejection, threads needed a median ${ms(enough.p50)} to get through (${pct(ENOUGH, 1)} within ${ms(enough.ms)}, ${num(enough.runs)} runs of rejections)`, { recoveredP50Ms: enough.p50, recoveredP90Ms: enough.ms, runs: enough.runs })]
            : [evidence(`fewer than 3 runs of rejections ended in an accepted request: no wait in the file was enough`, { retries: s.retries })]),
          ...(s.borrowed ? [evidence(`${num(s.borrowed)} rejections carried no Retry-After (WebSocket upgrades lose it); they were judged by the last one advertised on another label`, { borrowed: s.borrowed })] : []),
        ],
        recommendation: contention
          ? `pace the requests below the limit first (see the rate-limit finding): a fixed wait on every thread makes them retry together; then retry ${quote([label])} with backoff: wait max(Retry-After, ${Math.max(2, Math.ceil(adv))} s) doubling per retry up to ${Number.isFinite(waitS) ? waitS : 60} s, plus jitter 0–2000 ms (\`\${__Random(0,2000)}\` in the timer)`
          : `${Number.isFinite(waitS) ? `wait max(Retry-After, ${waitS} s)` : "wait longer than Retry-After, backing off exponentially,"} before retrying ${quote([label])}, plus jitter 0–2000 ms (\`\${__Random(0,2000)}\` in the timer) so retries do not arrive together`,
      });
    }
    return out;
  },
};
