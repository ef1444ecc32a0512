// thread groups -> threads over time (and, for arrivals, iteration starts per second)
import type { Resolver } from "./values.js";
import { sum, type Series } from "./series.js";

/** a validated plan element, seen through its fields */
export type El = { kind: string; name?: string; children?: El[] } & Record<string, unknown>;

/** what a thread group contributes to the profile, before timers are applied */
export interface GroupShape {
  threads: Series;
  /** iteration starts per second the group itself schedules (arrivals) */
  arrivals?: Series;
  /** when the group stops on its own; undefined when it runs until its loops are done */
  ends?: number;
  /** the thread count follows a Throughput Shaping Timer through __tstFeedback */
  feedback?: { timer: string; max: number };
  notes: string[];
}

/** the first of these fields the element has */
export const pick = (el: El, ...names: string[]): unknown => {
  for (const n of names) if (el[n] !== undefined) return el[n];
  return undefined;
};

/** 0 up to `to` over `ramp` seconds from `start`, linear or in `steps` equal jumps (the first at the start) */
export function rampSeries(start: number, to: number, ramp: number, steps = 0, whole = true): Series {
  if (ramp <= 0 || to === 0) return [{ t: start, v: 0 }, { t: start, v: to }];
  if (steps <= 0) return [{ t: start, v: 0 }, { t: start + ramp, v: to }];
  const out: Series = [{ t: start, v: 0 }];
  for (let k = 0; k < steps; k++) {
    const t = start + (ramp * k) / steps;
    const v = whole ? Math.round((to * (k + 1)) / steps) : (to * (k + 1)) / steps;
    if (k > 0) out.push({ t, v: out.at(-1)!.v });
    out.push({ t, v });
  }
  return out;
}

/** a ramp, a hold at `level` until `until`, then back to 0 (over `down` seconds) */
function holdUntil(up: Series, level: number, until: number, down = 0): Series {
  const last = up.at(-1)!;
  const out = [...up];
  if (until > last.t) out.push({ t: until, v: level });
  out.push({ t: until + down, v: 0 });
  return out;
}

const TST_FEEDBACK = /^\$\{__tstFeedback\(\s*([^,]+?)\s*,\s*([^,]*?)\s*,\s*([^,]*?)\s*(?:,[^)]*)?\)\}$/;

/** the open-ended horizon used for groups that stop after their loops: long enough to show the ramp */
export const HOLD_UNKNOWN = 60;

function core(el: El, r: Resolver): GroupShape {
  const threads = r.num(el.threads, 1);
  const ramp = r.num(el.rampUp, 1);
  const delay = el.delay === undefined ? 0 : r.num(el.delay);
  const notes: string[] = [];
  if (el.duration !== undefined) {
    const duration = r.num(el.duration);
    return { threads: holdUntil(rampSeries(delay, threads, ramp), threads, delay + duration), ends: delay + duration, notes };
  }
  notes.push(el.loops === "forever" ? "loops forever with no duration: runs until stopped" : `each thread runs ${String(el.loops ?? 1)} iteration(s); the end depends on response times`);
  return { threads: holdUntil(rampSeries(delay, threads, ramp), threads, delay + ramp + HOLD_UNKNOWN), notes };
}

function concurrency(el: El, r: Resolver): GroupShape {
  const targetField = pick(el, "target", "targetLevel", "threads", "concurrency");
  // DSL durations are seconds whatever `unit` the group is written in
  const ramp = r.num(pick(el, "rampUp", "ramp"), 0);
  const steps = r.num(pick(el, "steps"), 0);
  const hold = r.num(pick(el, "hold"), 0);
  const fb = typeof targetField === "string" ? TST_FEEDBACK.exec(targetField.trim()) : null;
  if (fb) {
    const start = r.num(fb[2], 1);
    const max = r.num(fb[3], start);
    return { threads: holdUntil(rampSeries(0, max, 0), max, ramp + hold), ends: ramp + hold, feedback: { timer: fb[1]!, max }, notes: [`threads follow the shaping timer "${fb[1]}" through __tstFeedback, from ${start} up to ${max}`] };
  }
  const target = r.num(targetField, 1);
  return { threads: holdUntil(rampSeries(0, target, ramp, steps), target, ramp + hold), ends: ramp + hold, notes: [] };
}

function ultimate(el: El, r: Resolver): GroupShape {
  const rows = (pick(el, "rows", "schedule") as El[] | undefined) ?? [];
  const series = rows.map((row) => {
    const n = r.num(pick(row, "threads", "startThreads", "count"), 0);
    const delay = r.num(pick(row, "delay", "initialDelay"), 0);
    const up = r.num(pick(row, "rampUp", "startup", "startupTime"), 0);
    const hold = r.num(pick(row, "hold", "holdFor"), 0);
    const down = r.num(pick(row, "shutdown", "rampDown", "shutdownTime"), 0);
    return holdUntil(rampSeries(delay, n, up), n, delay + up + hold, down);
  });
  const ends = Math.max(0, ...series.map((s) => s.at(-1)?.t ?? 0));
  return { threads: sum(series), ends, notes: [] };
}

function arrivals(el: El, r: Resolver): GroupShape {
  // the DSL rate is per second and durations are seconds whatever `unit` the group is written in
  const rate = r.num(pick(el, "rate", "arrivalRate", "target", "targetLevel"), 0);
  const ramp = r.num(pick(el, "rampUp", "ramp"), 0);
  const steps = r.num(pick(el, "steps"), 0);
  const hold = r.num(pick(el, "hold"), 0);
  const cap = r.num(pick(el, "concurrencyLimit", "maxThreads", "maxConcurrency"), 0);
  const ends = ramp + hold;
  const arrivalsSeries = holdUntil(rampSeries(0, rate, ramp, steps, false), rate, ends);
  const notes = [`threads = arrivals x iteration time${cap > 0 ? `, at most ${cap}` : ", unbounded"}`];
  return { threads: cap > 0 ? holdUntil(rampSeries(0, cap, 0), cap, ends) : [], arrivals: arrivalsSeries, ends, notes };
}

/** thread-group kinds the profile understands, keyed by DSL kind */
export const groupShapes: Record<string, (el: El, r: Resolver) => GroupShape> = {
  threadGroup: core,
  setUpThreadGroup: core,
  tearDownThreadGroup: core,
  concurrencyThreadGroup: concurrency,
  ultimateThreadGroup: ultimate,
  arrivalsThreadGroup: arrivals,
};
