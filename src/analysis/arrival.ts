// rate, burst and window of a limiter from its accepted arrivals: arrival-curve bound and fixed-window test
import type { Fine } from "./facts.js";
import { meanSd, median } from "./facts.js";
import { FINE_MS } from "./fold.js";
import type { Span } from "./spans.js";

const PER_S = 1000 / FINE_MS;

export interface RateEstimate {
  requestsPerSecond: number;
  burst: number;
  /** set when the accepted arrivals follow aligned fixed windows */
  windowSeconds?: number;
  method: "arrival-curve" | "fixed-window" | "mean";
  /** the two window lengths (s) and the most accepted in any window of that length inside a span */
  w1: number;
  w2: number;
  maxA1: number;
  maxA2: number;
  /** fixed windows: share of windows where every accepted start came before the first rejection */
  fixedScore?: number;
}

/** the most accepted starts in any window of `w` fine bins lying inside a span (the arrival curve at w) */
export function maxAccepted(fine: Fine, spans: Span[], w: number): number {
  let best = 0;
  for (const s of spans) {
    const a = s.from * PER_S;
    const b = s.to * PER_S;
    if (b - a < w) continue;
    let cur = 0;
    for (let i = a; i < a + w; i++) cur += fine.accepted[i]!;
    best = Math.max(best, cur);
    for (let i = a + w; i < b; i++) {
      cur += fine.accepted[i]! - fine.accepted[i - w]!;
      if (cur > best) best = cur;
    }
  }
  return best;
}

/** seconds before a span in which a bucket's burst may have been spent */
const LEAD_IN_S = 30;

const CANDIDATE_WINDOWS = [1, 2, 5, 10, 15, 20, 30, 60];

/** aligned fixed windows: the largest W (and phase) where accepted starts all precede the first rejection */
function fixedWindow(fine: Fine, saturated: Span[]): { w: number; score: number; limit: number } | undefined {
  let found: { w: number; score: number; limit: number } | undefined;
  // threads told to wait for the reset leave gaps between spans, so windows are judged over the whole limited region
  const spans = saturated.length ? [{ from: saturated[0]!.from, to: saturated[saturated.length - 1]!.to }] : [];
  const longest = Math.max(0, ...spans.map((s) => s.to - s.from));
  // prefix sums of accepted and the next rejected bin: each window is then judged in constant time
  const n = fine.accepted.length;
  const sum = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) sum[i + 1] = sum[i]! + fine.accepted[i]!;
  const nextRej = new Int32Array(n + 1).fill(n);
  for (let i = Math.min(n, fine.rejected.length) - 1; i >= 0; i--) nextRej[i] = fine.rejected[i] ? i : nextRej[i + 1]!;
  for (const w of CANDIDATE_WINDOWS) {
    if (w * 4 > longest) break;
    const wb = w * PER_S;
    const phases = Math.min(20, wb);
    let bestPhase: { score: number; limit: number } | undefined;
    for (let p = 0; p < phases; p++) {
      const shift = Math.round((p * wb) / phases);
      let judged = 0;
      let clean = 0;
      const counts: number[] = [];
      for (const s of spans) {
        const a = s.from * PER_S;
        const b = s.to * PER_S;
        for (let k = Math.ceil((a - shift) / wb) * wb + shift; k + wb <= b; k += wb) {
          if (k < 0 || k + wb > n) continue;
          const firstRej = nextRej[k]!;
          const acc = sum[k + wb]! - sum[k]!;
          if (!acc || firstRej >= k + wb) continue;
          const accAfter = sum[k + wb]! - sum[firstRej + 1]!;
          judged++;
          counts.push(acc);
          if (accAfter === 0) clean++;
        }
      }
      if (judged < 4) continue;
      const score = clean / judged;
      if (!bestPhase || score > bestPhase.score) bestPhase = { score, limit: median(counts) };
    }
    if (bestPhase && bestPhase.score >= 0.9 && bestPhase.limit >= 2) found = { w, ...bestPhase };
  }
  return found;
}

export function estimateRate(fine: Fine, spans: Span[], saturatedSeconds: number, acceptedInSpans: number): RateEstimate {
  const longest = Math.max(0, ...spans.map((s) => s.to - s.from));
  const fw = fixedWindow(fine, spans);
  if (fw) {
    return { requestsPerSecond: fw.limit / fw.w, burst: fw.limit, windowSeconds: fw.w, method: "fixed-window", w1: fw.w, w2: fw.w, maxA1: fw.limit, maxA2: fw.limit, fixedScore: fw.score };
  }
  if (longest < 4) {
    const r = acceptedInSpans / Math.max(1, saturatedSeconds);
    return { requestsPerSecond: r, burst: Math.max(1, Math.round(r)), method: "mean", w1: 1, w2: 1, maxA1: r, maxA2: r };
  }
  const w2 = Math.min(60, longest);
  const w1 = Math.max(1, w2 / 4);
  const maxA1 = maxAccepted(fine, spans, Math.round(w1 * PER_S));
  const maxA2 = maxAccepted(fine, spans, Math.round(w2 * PER_S));
  let r = (maxA2 - maxA1) / (w2 - w1);
  if (!(r > 0)) r = maxA2 / w2;
  // the bucket drains before the first rejection, so the burst is read over spans with a lead-in
  const lead = spans.map((s) => ({ from: Math.max(0, s.from - LEAD_IN_S), to: s.to }));
  let burst = 1;
  for (const w of [0.25, 0.5, 1, 2, 5, 10, 20, 30].filter((x) => x <= w2)) burst = Math.max(burst, maxAccepted(fine, lead, Math.round(w * PER_S)) - r * w);
  return { requestsPerSecond: r, burst: Math.max(1, Math.round(burst)), method: "arrival-curve", w1, w2, maxA1, maxA2 };
}

/** accepted per window of `w` seconds inside the spans: how flat the accepted rate is */
export function flatness(accepted: Float64Array, windows: Span[]): { mean: number; cv: number; values: number[] } {
  const values = windows.map((w) => {
    let s = 0;
    for (let i = w.from; i < w.to; i++) s += accepted[i]!;
    return s / (w.to - w.from);
  });
  const m = meanSd(values);
  return { mean: m.mean, cv: m.cv, values };
}
