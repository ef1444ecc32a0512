// per thread and label: what came after a rejection, against the Retry-After it advertised
import type { Sample } from "../../jtl/sample.js";
import { Bins } from "../bins.js";
import type { Outcome } from "../classify.js";
import type { Fold } from "../fold.js";
import { histogram, record, type Histogram } from "../histogram.js";

/** gaps are counted in 250 ms buckets up to 2 minutes (exact counts at that resolution) */
export const GAP_MS = 250;
const GAP_BUCKETS = 480;
/** a retry this much earlier than Retry-After still counts as honouring it (timer granularity) */
export const EARLY_TOLERANCE_MS = 100;

export interface RetryStats {
  /** samples that followed a rejection of the same label on the same thread */
  retries: number;
  /** of those, the rejection advertised a Retry-After (directly, or borrowed from another label) */
  advised: number;
  borrowed: number;
  ignored: number;
  /** ms by which ignored retries came early (approximate quantiles) */
  early: Histogram;
  honoured: number;
  honouredRejected: number;
  /** of those rejected again: another request on a rejected label was accepted in between (contention) */
  reopened: number;
  /** gap after a rejection by outcome of the retry: index = floor(gap / GAP_MS) */
  gapAccepted: Float64Array;
  gapRejected: Float64Array;
  /** ms from the end of the first rejection in a run to the start of the request that got through (approximate quantiles) */
  recovered: Histogram;
  /** advertised Retry-After on advised retries, in ms (approximate quantiles) */
  advice: Histogram;
  /** threads (engine:name) that ignored at least once; bounded by the thread count */
  ignoringThreads: Set<string>;
}

interface Last {
  end: number;
  /** end of the first rejection of the current run of rejections */
  streak: number;
  rejected: boolean;
  advice: number;
  borrowed: boolean;
}

/** one thread of one engine: its key for sets, and its last sample per label */
interface ThreadLast {
  key: string;
  labels: Map<string, Last>;
}

export interface RetriesState {
  /** engine -> thread -> the thread's last sample per label (bounded by threads x labels) */
  last: Map<number, Map<string, ThreadLast>>;
  /** the engine of the previous sample, and its threads */
  engine: number;
  threads: Map<string, ThreadLast> | undefined;
  byLabel: Map<string, RetryStats>;
  /** the most recent Retry-After seen on any label, lent to rejections without one (WebSocket upgrades) */
  recentAdvice: number;
  /** start of the latest accepted sample on each label that has been rejected at least once */
  lastAccepted: Map<string, number>;
  limited: Set<string>;
  /** ms threads spent between a rejection and their next try of that label, per second of the retry (exact) */
  waitMs: Bins;
}

const newStats = (): RetryStats => ({
  retries: 0,
  advised: 0,
  borrowed: 0,
  ignored: 0,
  early: histogram(),
  honoured: 0,
  honouredRejected: 0,
  reopened: 0,
  gapAccepted: new Float64Array(GAP_BUCKETS),
  gapRejected: new Float64Array(GAP_BUCKETS),
  advice: histogram(),
  recovered: histogram(),
  ignoringThreads: new Set(),
});

export const retriesFold: Fold<RetriesState> = {
  init: () => ({ last: new Map(), engine: NaN, threads: undefined, byLabel: new Map(), recentAdvice: NaN, lastAccepted: new Map(), limited: new Set(), waitMs: new Bins(1000) }),
  step(st, s: Sample, o: Outcome) {
    if (s.kind !== "sample" || !Number.isFinite(s.start)) return;
    if (o === "client") return;
    let byThread = st.threads;
    if (byThread === undefined || st.engine !== s.engine) {
      byThread = st.last.get(s.engine);
      if (!byThread) st.last.set(s.engine, (byThread = new Map()));
      st.threads = byThread;
      st.engine = s.engine;
    }
    let thread = byThread.get(s.thread);
    if (!thread) byThread.set(s.thread, (thread = { key: `${s.engine}:${s.thread}`, labels: new Map() }));
    const byLabel = thread.labels;
    const prev = byLabel.get(s.label);
    if (prev?.rejected) {
      let ls = st.byLabel.get(s.label);
      if (!ls) st.byLabel.set(s.label, (ls = newStats()));
      ls.retries++;
      const gap = s.start - prev.end;
      if (gap > 0) st.waitMs.add(s.start, gap);
      const gi = Math.min(GAP_BUCKETS - 1, Math.max(0, Math.floor(gap / GAP_MS)));
      (o === "rejected" ? ls.gapRejected : ls.gapAccepted)[gi]! += 1;
      if (o !== "rejected") record(ls.recovered, s.start - prev.streak);
      if (Number.isFinite(prev.advice)) {
        ls.advised++;
        if (prev.borrowed) ls.borrowed++;
        record(ls.advice, prev.advice * 1000);
        const want = prev.advice * 1000;
        if (gap < want - EARLY_TOLERANCE_MS) {
          ls.ignored++;
          record(ls.early, want - gap);
          ls.ignoringThreads.add(thread.key);
        } else {
          ls.honoured++;
          if (o === "rejected") {
            ls.honouredRejected++;
            let open = false;
            for (const l of st.limited) if ((st.lastAccepted.get(l) ?? -Infinity) > prev.end) { open = true; break; }
            if (open) ls.reopened++;
          }
        }
      }
    }
    const rejected = o === "rejected";
    if (rejected) st.limited.add(s.label);
    else if (o === "accepted" && s.start > (st.lastAccepted.get(s.label) ?? -Infinity)) st.lastAccepted.set(s.label, s.start);
    let advice = NaN;
    let borrowed = false;
    if (rejected) {
      if (Number.isFinite(s.retryAfter)) advice = st.recentAdvice = s.retryAfter;
      else if (Number.isFinite(st.recentAdvice)) {
        advice = st.recentAdvice;
        borrowed = true;
      }
    }
    const end = s.start + Math.max(0, s.elapsed || 0);
    const streak = rejected && prev?.rejected ? prev.streak : end;
    if (prev) {
      prev.end = end;
      prev.streak = streak;
      prev.rejected = rejected;
      prev.advice = advice;
      prev.borrowed = borrowed;
    } else byLabel.set(s.label, { end, streak, rejected, advice, borrowed });
  },
};
