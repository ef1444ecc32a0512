// active threads per engine per second (the maximum allThreads seen in that second; exact for what JMeter wrote)
import type { Sample } from "../../jtl/sample.js";
import { MaxBins } from "../bins.js";
import type { Fold } from "../fold.js";

export interface ThreadsState {
  perEngine: Map<number, MaxBins>;
  /** distinct thread names per engine (bounded by the plan's thread count) */
  names: Map<number, Set<string>>;
}

export const threadsFold: Fold<ThreadsState> = {
  init: () => ({ perEngine: new Map(), names: new Map() }),
  step(st, s: Sample) {
    if (s.kind !== "sample") return;
    let b = st.perEngine.get(s.engine);
    if (!b) st.perEngine.set(s.engine, (b = new MaxBins(1000)));
    if (Number.isFinite(s.allThreads)) b.set(s.start + Math.max(0, s.elapsed || 0), s.allThreads);
    let n = st.names.get(s.engine);
    if (!n) st.names.set(s.engine, (n = new Set()));
    n.add(s.thread);
  },
};
