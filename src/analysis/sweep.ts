// concurrency: accepted samples open at once (a sweep over [start, start + elapsed]) against where rejections happened
import type { Fine } from "./facts.js";

export interface ConcurrencyMeasure {
  open: OpenKind;
  /** most accepted samples open at the end of any fine bin (exact at 50 ms bin ends) */
  max: number;
  /** rejections that arrived with the open count within `tolerance` of the maximum */
  atCeiling: number;
  rejections: number;
  tolerance: number;
  /** share of rejections at the ceiling */
  pinned: number;
  /** open count at rejections: 10th and 50th percentile */
  p10: number;
  p50: number;
}

/** what was open: requests in flight, or WebSocket sessions from upgrade to close */
export type OpenKind = "requests" | "sessions";

/** the sweep of requests, and of sessions where there are upgrades: whichever pins the rejections more */
export function measureConcurrency(fine: Fine): ConcurrencyMeasure {
  const req = measureLevel(fine.level, fine.rejected, "requests");
  if (!fine.sessions) return req;
  const ses = measureLevel(fine.sessions, fine.rejected, "sessions");
  return ses.pinned > req.pinned || (ses.pinned === req.pinned && ses.max > req.max) ? ses : req;
}

function measureLevel(level: Float64Array, rejected: Float64Array, open: OpenKind): ConcurrencyMeasure {
  const fine = { level, rejected };
  let max = 0;
  for (let i = 0; i < fine.level.length; i++) if (fine.level[i]! > max) max = fine.level[i]!;
  const tolerance = Math.max(1, Math.round(max * 0.03));
  const levels = new Map<number, number>();
  let rejections = 0;
  let atCeiling = 0;
  for (let i = 0; i < fine.rejected.length; i++) {
    const r = fine.rejected[i]!;
    if (!r) continue;
    const lvl = Math.max(fine.level[i]!, i ? fine.level[i - 1]! : 0);
    rejections += r;
    if (lvl >= max - tolerance) atCeiling += r;
    levels.set(lvl, (levels.get(lvl) ?? 0) + r);
  }
  const q = (p: number) => {
    let acc = 0;
    for (const [lvl, c] of [...levels.entries()].sort((a, b) => a[0] - b[0])) {
      acc += c;
      if (acc >= p * rejections) return lvl;
    }
    return NaN;
  };
  // below 3 open there is no ceiling to speak of: every level is within the tolerance of it
  return { open, max, atCeiling, rejections, tolerance, pinned: rejections && max >= 3 ? atCeiling / rejections : 0, p10: q(0.1), p50: q(0.5) };
}
