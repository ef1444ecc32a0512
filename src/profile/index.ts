// the load profile of a validated plan: threads and target rate over time, per group and in total
import { groupShapes, HOLD_UNKNOWN, type El } from "./groups.js";
import { rateShapes, type RateShape } from "./rates.js";
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

/** the timers that set a rate anywhere under `el` (not under nested thread groups) */
function rateTimers(el: El, path: string): { el: El; path: string }[] {
  return (el.children ?? []).flatMap((c, i) => {
    const p = `${path}.children[${i}]`;
    if (c.enabled === false || groupShapes[c.kind]) return [];
    return [...(rateShapes[c.kind] ? [{ el: c, path: p }] : []), ...rateTimers(c, p)];
  });
}

/** threads times a per-thread rate: exact at the threads' breakpoints when the rate is constant */
const timesThreads = (threads: Series, perThread: number) => scale(threads, perThread);

function applyRate(shape: RateShape, threads: Series, until: number): Series {
  if (shape.perThread) return timesThreads(threads, valueAt(shape.rate, 0));
  return clip(shape.rate, until);
}

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
  (plan.children ?? []).forEach((c, i) => {
    const shapeOf = groupShapes[c.kind];
    if (!shapeOf || c.enabled === false) return;
    const path = `children[${i}]`;
    const r = new Resolver();
    const shape = shapeOf(c, r);
    const until = shape.ends ?? end(shape.threads);
    const samplers = countSamplers(c.children, isSampler);
    const g: GroupProfile = { name: String(c.name ?? c.kind), kind: c.kind, path, threads: shape.threads, samplersPerIteration: samplers, knobs: [], notes: [...shape.notes], unknowns: [] };
    if (shape.ends !== undefined) g.ends = shape.ends;
    if (shape.feedback) g.adaptive = true;
    const timers = rateTimers(c, path);
    if (timers.length) {
      const rates = timers.map((t) => ({ t, shape: rateShapes[t.el.kind]!(t.el, r) }));
      // nested timers pace only their own samplers; the group's rate is their sum
      g.rate = sum(rates.map((x) => applyRate(x.shape, shape.threads, until)));
      g.rateFrom = timers.map((t) => String(t.el.name ?? t.el.kind)).join(", ");
      for (const x of rates) g.notes.push(...x.shape.notes);
      if (shape.ends === undefined) {
        const rateEnd = Math.max(...rates.map((x) => (x.shape.perThread ? 0 : end(x.shape.rate))).filter((e) => e < 1e8), 0);
        if (rateEnd > 0) g.ends = rateEnd;
      }
    } else if (shape.arrivals) {
      g.rate = scale(shape.arrivals, Math.max(1, samplers));
      g.rateFrom = `${g.name} (arrivals x ${Math.max(1, samplers)} sampler${samplers === 1 ? "" : "s"} per iteration)`;
    }
    g.knobs = [...r.knobs].sort();
    g.unknowns = r.unknowns;
    for (const k of r.knobs) knobs.add(k);
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
  const rate = planRate ? sum([planRate.rate, ...groupRates]) : groupRates.length ? sum(groupRates) : undefined;
  const total = rate ? { threads, rate } : { threads };
  const perEngine = { threads: scale(threads, 1 / engines), ...(rate ? { rate: scale(rate, 1 / engines) } : {}) };
  return { engines, groups, ...(planRate ? { planRate } : {}), total, perEngine, duration, knobs: [...knobs].sort() };
}
