// what was read: samples by kind and engine, the time range, and whether start stamps look like end stamps
import type { Sample } from "../../jtl/sample.js";
import type { Fold } from "../fold.js";

export interface InputState {
  samples: number;
  byKind: Record<Sample["kind"], number>;
  byEngine: Map<number, number>;
  first: number;
  last: number;
  /** samples whose start is earlier than the previous sample's start by more than its own elapsed */
  outOfOrder: number;
  prevStart: number;
}

export const inputFold: Fold<InputState> = {
  init: () => ({ samples: 0, byKind: { sample: 0, transaction: 0, subresult: 0 }, byEngine: new Map(), first: Infinity, last: -Infinity, outOfOrder: 0, prevStart: -Infinity }),
  step(st, s: Sample) {
    st.samples++;
    st.byKind[s.kind]++;
    st.byEngine.set(s.engine, (st.byEngine.get(s.engine) ?? 0) + 1);
    if (!Number.isFinite(s.start)) return;
    st.first = Math.min(st.first, s.start);
    st.last = Math.max(st.last, s.start + Math.max(0, s.elapsed || 0));
    if (s.start < st.prevStart) st.outOfOrder++;
    st.prevStart = s.start;
  },
};
