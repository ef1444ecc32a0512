// the load profile of a validated plan: threads and target rate over time, per group and in total
import { groupShapes, HOLD_UNKNOWN, type El } from "./groups.js";
import { rateShapes, type RateShape } from "./rates.js";
import { samplerRates } from "./samplers.js";
import { clip } from "./clip.js";
import { end, scale, sum, valueAt, type Series } from "./series.js";
import { Resolver } from "./values.js";

export { area, breakpoints, end, peak, sample, scale, sum, valueAt, type Point, type Series } from "./series.js";
export { resolve, type Resolved } from "./values.js";
export { rampSeries } from "./groups.js";
export { rowsSeries, stageRows } from "./rates.js";
export { clip } from "./clip.js";
export { samplerRates, type SamplerRate } from "./samplers.js";

/** one thread group's share of the load */
export interface GroupProfile {
  name: string;
  kind: string;
  /** where it sits in the plan, e.g. `children[0]` */
  path: string;
  /** threads running, overall (all engines) */
  threads: Series;
  /** target requests per second, overall; undefined when nothing paces the group */
  rate?: Series;
  /** what sets the rate: a timer's or the group's name */
  rateFrom?: string;
  /** the thread count is adaptive (__tstFeedback): `threads` shows its upper bound */
  adaptive?: boolean;
  /** when the group stops by itself; undefined when that depends on response times */
  ends?: number;
  /** samplers one iteration runs (enabled, counted once each) */
  samplersPerIteration: number;
  knobs: string[];
  notes: string[];
  /** fields whose value is an expression the profile could not evaluate */
  unknowns: string[];
}

/** the profile of a plan, overall and per engine */
export interface PlanProfile {
  engines: number;
  groups: GroupProfile[];
  /** a rate timer at plan level: shared by every group */
  planRate?: { rate: Series; from: string };
  total: { threads: Series; rate?: Series };
  perEngine: { threads: Series; rate?: Series };
  /** seconds until the last group stops (or until the profile's horizon) */
  duration: number;
  /** the `__P` properties the profile depends on */
  knobs: string[];
  /** what the series leave out (setUp and tearDown groups) */
  notes: string[];
}

/** notes of the rate timers under a group, and when the last one's schedule ends */
function rateTimerNotes(group: El, r: Resolver): { notes: string[]; ends: number } {
  const notes: string[] = [];
  let ends = 0;
  const walk = (els: El[] | undefined) => {
    for (const c of els ?? []) {
      if (c.enabled === false) continue;
      const shapeOf = rateShapes[c.kind];
      if (shapeOf) {
        const s = shapeOf(c, r);
        notes.push(...s.notes);
        if (!s.perThread && end(s.rate) < 1e8) ends = Math.max(ends, end(s.rate));
      }
      walk(c.children);
    }
  };
  walk(group.children);
  return { notes, ends };
}

const SAMPLER_KINDS = /sampler|request|websocket|^ws|^http|^jsr223Sampler$|^debug|^flowControl|^raw$/i;

function countSamplers(children: El[] | undefined, isSampler: (el: El) => boolean): number {
  let n = 0;
  for (const c of children ?? []) {
    if (c.enabled === false) continue;
    if (isSampler(c)) n++;
    else n += countSamplers(c.children, isSampler);
  }
  return n;
}

function applyRate(shape: RateShape, threads: Series, until: number): Series {
  if (shape.perThread) return scale(threads, valueAt(shape.rate, 0));
  return clip(shape.rate, until);
}

/** setUp and tearDown groups run before and after the others: they are named, not drawn */
const PHASES: Record<string, string> = { setUpThreadGroup: "before", tearDownThreadGroup: "after" };

export interface ProfileOptions {
  /** is this element a sampler (for counting requests per iteration)? */
  isSampler?: (el: El) => boolean;
}

/** The load profile of a validated plan (the tree `validatePlan` returns). */
export function profilePlan(plan: El & { engines?: number }, options: ProfileOptions = {}): PlanProfile {
  const engines = typeof plan.engines === "number" && plan.engines > 0 ? plan.engines : 1;
  const isSampler = options.isSampler ?? ((el: El) => SAMPLER_KINDS.test(el.kind) && (el.kind !== "raw" || el.category === "sampler"));
  const knobs = new Set<string>();
  const groups: GroupProfile[] = [];
  const planTimers = (plan.children ?? []).map((c, i) => ({ el: c, path: `children[${i}]` })).filter((x) => x.el.enabled !== false && rateShapes[x.el.kind]);
  const bySampler = samplerRates(plan, { isSampler });
  const notes: string[] = [];
  (plan.children ?? []).forEach((c, i) => {
    const shapeOf = groupShapes[c.kind];
    if (!shapeOf || c.enabled === false) return;
    const path = `children[${i}]`;
    const r = new Resolver();
    const shape = shapeOf(c, r);
    for (const k of r.knobs) knobs.add(k);
    if (PHASES[c.kind]) {
      notes.push(`${String(c.name ?? c.kind)} (${c.kind}) runs ${PHASES[c.kind]} the other thread groups; not drawn`);
      return;
    }
    const samplers = countSamplers(c.children, isSampler);
    const g: GroupProfile = { name: String(c.name ?? c.kind), kind: c.kind, path, threads: shape.threads, samplersPerIteration: samplers, knobs: [...r.knobs].sort(), notes: [...shape.notes], unknowns: r.unknowns };
    if (shape.ends !== undefined) g.ends = shape.ends;
    if (shape.feedback || shape.arrivals) g.adaptive = true;
    // the group's rate: what paces each of its samplers (its own timers, its arrivals, plan-level timers' shares)
    const mine = bySampler.filter((x) => x.groupPath === path && x.rate);
    if (mine.length) {
      g.rate = sum(mine.map((x) => x.rate!));
      g.rateFrom = [...new Set(mine.map((x) => x.from!))].join(", ");
      const unpaced = bySampler.filter((x) => x.groupPath === path && !x.rate).length;
      if (unpaced) g.notes.push(`the rate counts the paced sampler${mine.length === 1 ? "" : "s"} (${mine.map((x) => x.label).join(", ")}); ${unpaced} other${unpaced === 1 ? "" : "s"} run as often as the iteration does`);
      const timerNotes = rateTimerNotes(c, r);
      g.notes.push(...timerNotes.notes);
      if (shape.ends === undefined && timerNotes.ends > 0) g.ends = timerNotes.ends;
    }
    groups.push(g);
  });
  const threads = sum(groups.map((g) => g.threads));
  let duration = Math.max(0, ...groups.map((g) => g.ends ?? end(g.threads)));
  let planRate: PlanProfile["planRate"];
  if (planTimers.length) {
    const r = new Resolver();
    const rates = planTimers.map((t) => rateShapes[t.el.kind]!(t.el, r));
    const rateEnd = Math.max(0, ...rates.map((x) => (x.perThread ? 0 : end(x.rate))).filter((e) => e < 1e8));
    if (!groups.some((g) => g.ends !== undefined) && rateEnd > 0) duration = rateEnd;
    planRate = { rate: sum(rates.map((x) => applyRate(x, threads, duration || HOLD_UNKNOWN))), from: planTimers.map((t) => String(t.el.name ?? t.el.kind)).join(", ") };
    for (const k of r.knobs) knobs.add(k);
  }
  const groupRates = groups.flatMap((g) => (g.rate ? [g.rate] : []));
  const rate = groupRates.length ? sum(groupRates) : planRate?.rate;
  const total = rate ? { threads, rate } : { threads };
  const perEngine = { threads: scale(threads, 1 / engines), ...(rate ? { rate: scale(rate, 1 / engines) } : {}) };
  return { engines, groups, ...(planRate ? { planRate } : {}), total, perEngine, duration, knobs: [...knobs].sort(), notes };
}
