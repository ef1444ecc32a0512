// open WebSocket sessions: from an accepted upgrade (101) to the thread's close (1000..4999) or next upgrade
import type { Sample } from "../../jtl/sample.js";
import { Bins } from "../bins.js";
import type { Outcome } from "../classify.js";
import { FINE_MS, type Fold } from "../fold.js";

export interface SessionsState {
  /** per engine and thread: the open session's label (bounded by the thread count) */
  open: Map<string, string>;
  /** per opening label: +1 at the upgrade's start, -1 at the close's end (fine bins) */
  level: Map<string, Bins>;
}

const isClose = (code: string) => code.length === 4 && /^[1-4]\d{3}$/.test(code);

export const sessionsFold: Fold<SessionsState> = {
  init: () => ({ open: new Map(), level: new Map() }),
  step(st, s: Sample, o: Outcome) {
    if (s.kind !== "sample" || !Number.isFinite(s.start) || (s.code !== "101" && !isClose(s.code))) return;
    const key = `${s.engine}\u0000${s.thread}`;
    const was = st.open.get(key);
    const end = s.start + Math.max(0, s.elapsed || 0);
    if (s.code === "101" && o === "accepted") {
      if (was !== undefined) st.level.get(was)!.add(s.start, -1);
      let b = st.level.get(s.label);
      if (!b) st.level.set(s.label, (b = new Bins(FINE_MS)));
      b.add(s.start, 1);
      st.open.set(key, s.label);
    } else if (was !== undefined && isClose(s.code)) {
      st.level.get(was)!.add(end, -1);
      st.open.delete(key);
    }
  },
};
