// per label: outcome counts per second and per response code, fine bins for the in-flight sweep, latency histograms
import type { Sample } from "../../jtl/sample.js";
import { Bins } from "../bins.js";
import { exceptionName, type Outcome } from "../classify.js";
import { FINE_MS, SLOW_MS, type Fold } from "../fold.js";
import { histogram, record, type Histogram } from "../histogram.js";

export interface LabelState {
  label: string;
  counts: Record<Outcome, number>;
  /** response code -> samples, and samples per second of start (exact) */
  codes: Map<string, { n: number; second: Bins }>;
  /** the previous sample's code and its entry */
  lastCode: { code: string; entry: { n: number; second: Bins } } | undefined;
  /** per second of sample start (exact counts) */
  second: Record<Outcome | "attempts", Bins>;
  /** fine bins: accepted starts, rejected starts, and +1/-1 at the start/end of accepted samples (the sweep) */
  fine: { accepted: Bins; rejected: Bins; inflight: Bins };
  /** elapsed ms of all samples summed per second of start (exact; mean response time per second) */
  elapsedSum: Bins;
  /** elapsed ms of rejections summed per second of start (exact): time threads spent on being refused */
  rejectedElapsed: Bins;
  /** rejections per second that took at least SLOW_MS (exact) */
  slowRejected: Bins;
  /** elapsed ms by outcome (approximate quantiles) */
  latency: Record<Outcome, Histogram>;
  /** samples that opened a connection (Connect > 0) */
  connects: number;
  exceptions: Map<string, number>;
  /** advertised Retry-After seconds seen on rejections */
  retryAfter: { n: number; min: number; max: number };
  /** rejections that were WebSocket upgrades (URL null, message "Got unexpected status") */
  wsRejections: number;
  first: number;
  last: number;
}

const newLabel = (label: string): LabelState => ({
  label,
  counts: { accepted: 0, rejected: 0, error: 0, client: 0 },
  codes: new Map(),
  lastCode: undefined,
  second: { attempts: new Bins(1000), accepted: new Bins(1000), rejected: new Bins(1000), error: new Bins(1000), client: new Bins(1000) },
  fine: { accepted: new Bins(FINE_MS), rejected: new Bins(FINE_MS), inflight: new Bins(FINE_MS) },
  slowRejected: new Bins(1000),
  elapsedSum: new Bins(1000),
  rejectedElapsed: new Bins(1000),
  latency: { accepted: histogram(), rejected: histogram(), error: histogram(), client: histogram() },
  connects: 0,
  exceptions: new Map(),
  retryAfter: { n: 0, min: Infinity, max: -Infinity },
  wsRejections: 0,
  first: Infinity,
  last: -Infinity,
});

/** the WebSocket sampler's message for a refused upgrade; messages repeat, so the last answer is kept */
let lastMessage = "";
let lastUnexpected = false;
function unexpectedStatus(message: string): boolean {
  if (message !== lastMessage) {
    lastMessage = message;
    lastUnexpected = /unexpected status/i.test(message);
  }
  return lastUnexpected;
}

export const labelsFold: Fold<Map<string, LabelState>> = {
  init: () => new Map(),
  step(m, s: Sample, o: Outcome) {
    if (s.kind !== "sample" || !Number.isFinite(s.start)) return;
    let st = m.get(s.label);
    if (!st) m.set(s.label, (st = newLabel(s.label)));
    const end = s.start + Math.max(0, s.elapsed || 0);
    // named stores, one shape each (a store keyed by `o` is a slow generic one)
    const counts = st.counts;
    let bins: Bins;
    let lat: Histogram;
    switch (o) {
      case "accepted": counts.accepted++; bins = st.second.accepted; lat = st.latency.accepted; break;
      case "rejected": counts.rejected++; bins = st.second.rejected; lat = st.latency.rejected; break;
      case "error": counts.error++; bins = st.second.error; lat = st.latency.error; break;
      default: counts.client++; bins = st.second.client; lat = st.latency.client;
    }
    // most samples repeat the code of the label's previous one
    const lc = st.lastCode;
    let c = lc !== undefined && lc.code === s.code ? lc.entry : st.codes.get(s.code);
    if (!c) st.codes.set(s.code, (c = { n: 0, second: new Bins(1000) }));
    if (lc === undefined) st.lastCode = { code: s.code, entry: c };
    else if (lc.entry !== c) { lc.code = s.code; lc.entry = c; }
    c.n++;
    c.second.add(s.start);
    st.second.attempts.add(s.start);
    bins.add(s.start);
    if (Number.isFinite(s.elapsed)) st.elapsedSum.add(s.start, s.elapsed);
    record(lat, s.elapsed);
    if (o === "rejected") {
      st.fine.rejected.add(s.start);
      if (s.elapsed >= SLOW_MS) st.slowRejected.add(s.start);
      if (Number.isFinite(s.elapsed)) st.rejectedElapsed.add(s.start, s.elapsed);
      if (Number.isFinite(s.retryAfter)) {
        st.retryAfter.n++;
        st.retryAfter.min = Math.min(st.retryAfter.min, s.retryAfter);
        st.retryAfter.max = Math.max(st.retryAfter.max, s.retryAfter);
      }
      if (s.url === "null" || unexpectedStatus(s.message)) st.wsRejections++;
    } else if (o !== "client") {
      st.fine.accepted.add(s.start);
      st.fine.inflight.add(s.start, 1);
      st.fine.inflight.add(end, -1);
    }
    if (o === "client") {
      const e = exceptionName(s);
      st.exceptions.set(e, (st.exceptions.get(e) ?? 0) + 1);
    }
    if (s.connect > 0) st.connects++;
    st.first = Math.min(st.first, s.start);
    st.last = Math.max(st.last, end);
  },
};
