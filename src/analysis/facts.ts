// the folds' state on one time axis, with lazily derived series: what detectors read
import type { Outcome } from "./classify.js";
import { FINE_MS } from "./fold.js";
import type { InputState } from "./folds/input.js";
import type { LabelState } from "./folds/labels.js";
import type { RetriesState } from "./folds/retries.js";
import type { SessionsState } from "./folds/sessions.js";
import type { ThreadsState } from "./folds/threads.js";

export interface LabelFacts {
  label: string;
  state: LabelState;
  /** per second on the common axis */
  second: Record<Outcome | "attempts", Float64Array>;
}

export interface Fine {
  accepted: Float64Array;
  rejected: Float64Array;
  /** accepted samples open at the end of each fine bin (the sweep over [start, start + elapsed]) */
  level: Float64Array;
  /** WebSocket sessions opened by these labels and not yet closed, at the end of each fine bin; undefined without upgrades */
  sessions?: Float64Array;
}

export interface Facts {
  /** epoch ms of second 0 */
  t0: number;
  /** seconds on the axis */
  n: number;
  labels: LabelFacts[];
  byLabel: Map<string, LabelFacts>;
  /** active threads per second: per engine, and their sum */
  threads: { perEngine: Map<number, Float64Array>; total: Float64Array };
  retries: RetriesState;
  input: InputState;
  /** fine bins for a set of labels, summed (memoised: only pools ask) */
  fine(labels: string[]): Fine;
  /** an engine's samples started (or accepted) per second */
  engineSeries(engine: number, key: "attempts" | "accepted"): Float64Array;
  /** a per-second outcome series summed over labels */
  sum(labels: string[], key: Outcome | "attempts"): Float64Array;
  memo: Map<string, unknown>;
}

export function makeFacts(st: { labels: Map<string, LabelState>; threads: ThreadsState; retries: RetriesState; input: InputState; sessions: SessionsState }): Facts {
  const first = Number.isFinite(st.input.first) ? st.input.first : 0;
  const last = Number.isFinite(st.input.last) ? st.input.last : first;
  const t0 = Math.floor(first / 1000) * 1000;
  const n = Math.max(1, Math.ceil((last - t0 + 1) / 1000));
  const labels = [...st.labels.values()]
    .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
    .map((s): LabelFacts => ({
      label: s.label,
      state: s,
      second: {
        attempts: s.second.attempts.slice(t0, n),
        accepted: s.second.accepted.slice(t0, n),
        rejected: s.second.rejected.slice(t0, n),
        error: s.second.error.slice(t0, n),
        client: s.second.client.slice(t0, n),
      },
    }));
  const byLabel = new Map(labels.map((l) => [l.label, l]));
  const perEngine = new Map<number, Float64Array>();
  const total = new Float64Array(n);
  for (const [e, b] of [...st.threads.perEngine.entries()].sort((a, b) => a[0] - b[0])) {
    const a = b.slice(t0, n);
    fillGaps(a);
    perEngine.set(e, a);
    for (let i = 0; i < n; i++) total[i]! += a[i]!;
  }
  const memo = new Map<string, unknown>();
  const nf = n * (1000 / FINE_MS);
  return {
    t0,
    n,
    labels,
    byLabel,
    threads: { perEngine, total },
    retries: st.retries,
    input: st.input,
    memo,
    fine(ls) {
      const key = `fine:${ls.join("\u0000")}`;
      const hit = memo.get(key) as Fine | undefined;
      if (hit) return hit;
      const out: Fine = { accepted: new Float64Array(nf), rejected: new Float64Array(nf), level: new Float64Array(nf) };
      for (const l of ls) {
        const s = byLabel.get(l)?.state;
        if (!s) continue;
        add(out.accepted, s.fine.accepted.slice(t0, nf));
        add(out.rejected, s.fine.rejected.slice(t0, nf));
        add(out.level, s.fine.inflight.slice(t0, nf));
      }
      for (let i = 1; i < nf; i++) out.level[i]! += out.level[i - 1]!;
      const opened = ls.map((l) => st.sessions.level.get(l)).filter((b) => b !== undefined);
      if (opened.length) {
        const lv = new Float64Array(nf);
        for (const b of opened) add(lv, b.slice(t0, nf));
        for (let i = 1; i < nf; i++) lv[i]! += lv[i - 1]!;
        out.sessions = lv;
      }
      memo.set(key, out);
      return out;
    },
    engineSeries(engine, key) {
      const b = (key === "attempts" ? st.threads.attempts : st.threads.accepted).get(engine);
      return b ? b.slice(t0, n) : new Float64Array(n);
    },
    sum(ls, k) {
      const out = new Float64Array(n);
      for (const l of ls) {
        const a = byLabel.get(l)?.second[k];
        if (a) add(out, a);
      }
      return out;
    },
  };
}

function add(into: Float64Array, a: Float64Array) {
  for (let i = 0; i < into.length; i++) into[i]! += a[i]!;
}

/** a second with no sample on an engine keeps the previous second's thread count */
function fillGaps(a: Float64Array) {
  let prev = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i]) prev = a[i]!;
    else a[i] = prev;
  }
}

export const total = (a: ArrayLike<number>, from = 0, to = a.length) => {
  let s = 0;
  for (let i = from; i < to; i++) s += a[i]!;
  return s;
};

export function meanSd(xs: number[]): { mean: number; sd: number; cv: number } {
  if (!xs.length) return { mean: NaN, sd: NaN, cv: NaN };
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
  return { mean, sd, cv: mean > 0 ? sd / mean : NaN };
}

export function correlation(a: number[], b: number[]): number {
  const ma = meanSd(a);
  const mb = meanSd(b);
  if (!(ma.sd > 0) || !(mb.sd > 0)) return 0;
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - ma.mean) * (b[i]! - mb.mean);
  return s / a.length / (ma.sd * mb.sd);
}

export const median = (xs: number[]) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
