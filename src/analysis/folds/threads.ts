// active threads per engine per second (the maximum allThreads seen in that second; exact for what JMeter wrote)
import type { Sample } from "../../jtl/sample.js";
import { Bins, MaxBins } from "../bins.js";
import { outcome } from "../classify.js";
import type { Fold } from "../fold.js";

export interface ThreadsState {
  perEngine: Map<number, MaxBins>;
  /** samples started per engine per second (exact) */
  attempts: Map<number, Bins>;
  accepted: Map<number, Bins>;
  /** distinct thread names per engine (bounded by the plan's thread count) */
  names: Map<number, Set<string>>;
}

export const threadsFold: Fold<ThreadsState> = {
  init: () => ({ perEngine: new Map(), attempts: new Map(), accepted: new Map(), names: new Map() }),
  step(st, s: Sample) {
    if (s.kind !== "sample") return;
    let b = st.perEngine.get(s.engine);
    if (!b) st.perEngine.set(s.engine, (b = new MaxBins(1000)));
    if (Number.isFinite(s.allThreads)) b.set(s.start + Math.max(0, s.elapsed || 0), s.allThreads);
    let at = st.attempts.get(s.engine);
    if (!at) st.attempts.set(s.engine, (at = new Bins(1000)));
    at.add(s.start);
    if (outcome(s) === "accepted") {
      let ac = st.accepted.get(s.engine);
      if (!ac) st.accepted.set(s.engine, (ac = new Bins(1000)));
      ac.add(s.start);
    }
    let n = st.names.get(s.engine);
    if (!n) st.names.set(s.engine, (n = new Set()));
    n.add(s.thread);
  },
};
