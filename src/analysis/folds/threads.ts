// active threads per engine per second (the maximum allThreads seen in that second; exact for what JMeter wrote)
import type { Sample } from "../../jtl/sample.js";
import { Bins, MaxBins } from "../bins.js";
import type { Outcome } from "../classify.js";
import type { Fold } from "../fold.js";

export interface ThreadsState {
  perEngine: Map<number, MaxBins>;
  /** samples started per engine per second (exact) */
  attempts: Map<number, Bins>;
  accepted: Map<number, Bins>;
  /** distinct thread names per engine (bounded by the plan's thread count) */
  names: Map<number, Set<string>>;
  /** the series of the engine of the previous sample (samples come in runs per engine) */
  current?: EngineSeries;
}

/** one engine's series, found once for a run of its samples */
export interface EngineSeries { engine: number; level: MaxBins; attempts: Bins; accepted: Bins; names: Set<string>; lastName: string }

export const threadsFold: Fold<ThreadsState> = {
  init: () => ({ perEngine: new Map(), attempts: new Map(), accepted: new Map(), names: new Map() }),
  step(st, s: Sample, o: Outcome) {
    if (s.kind !== "sample") return;
    let e = st.current;
    if (e === undefined || e.engine !== s.engine) e = st.current = engineSeries(st, s.engine);
    if (Number.isFinite(s.allThreads)) e.level.set(s.start + Math.max(0, s.elapsed || 0), s.allThreads);
    e.attempts.add(s.start);
    if (o === "accepted") e.accepted.add(s.start);
    if (s.thread !== e.lastName) {
      e.names.add(s.thread);
      e.lastName = s.thread;
    }
  },
};

function engineSeries(st: ThreadsState, engine: number): EngineSeries {
  const get = <T>(m: Map<number, T>, make: () => T): T => {
    let v = m.get(engine);
    if (v === undefined) m.set(engine, (v = make()));
    return v;
  };
  return {
    engine,
    level: get(st.perEngine, () => new MaxBins(1000)),
    attempts: get(st.attempts, () => new Bins(1000)),
    accepted: get(st.accepted, () => new Bins(1000)),
    names: get(st.names, () => new Set()),
    lastName: "\u0000",
  };
}
