// timers that set a target rate -> requests per second over time
import { z } from "zod";
import { profileRows, Stage, type StageIn } from "../dsl/elements/throughput-shaping-timer.js";
import { pick, type El } from "./groups.js";
import type { Series } from "./series.js";
import type { Resolver } from "./values.js";

/** a target rate and what it counts */
export interface RateShape {
  /** requests per second for every sampler in the timer's scope, together */
  rate: Series;
  /** or, per thread: multiply by the threads in scope */
  perThread?: boolean;
  /** the rate covers every thread group, not only the one it sits in */
  planWide?: boolean;
  notes: string[];
}


/** the load_profile rows [start rps, end rps, seconds] a list of stages stands for, expanded as the plugin does */
export function stageRows(stages: StageIn[], r: Resolver): [number, number, number][] {
  const parsed = z.array(Stage).safeParse(stages);
  if (!parsed.success) return [];
  return profileRows(parsed.data).map((row) => [r.num(row.from), r.num(row.to), r.num(row.duration)]);
}

/** load_profile rows as a series: linear inside a row, a jump between rows that do not meet, 0 after the last */
export function rowsSeries(rows: [number, number, number][]): Series {
  const out: Series = [{ t: 0, v: 0 }];
  let t = 0;
  for (const [a, b, d] of rows) {
    out.push({ t, v: a });
    t += d;
    out.push({ t, v: b });
  }
  out.push({ t, v: 0 });
  return out;
}

function shaping(el: El, r: Resolver): RateShape {
  const stages = (pick(el, "stages") as StageIn[] | undefined) ?? [];
  const rows = Array.isArray(stages) ? stageRows(stages, r) : [];
  const notes: string[] = [];
  const override = pick(el, "profileProperty", "property", "loadProfileProperty");
  notes.push(`the schedule can be replaced at run time with -Jload_profile=${typeof override === "string" ? `… (${override})` : "…"}`);
  return { rate: rowsSeries(rows), notes };
}

const CALC_MODES = ["thisThread", "allThreads", "threadGroup", "allThreadsShared", "threadGroupShared"] as const;

function constantThroughput(el: El, r: Resolver): RateShape {
  const perMinute = pick(el, "perMinute", "samplesPerMinute", "throughput");
  const perSecond = pick(el, "perSecond", "rps", "rate");
  const rps = perSecond !== undefined ? r.num(perSecond) : r.num(perMinute) / 60;
  const mode = pick(el, "basedOn", "calcMode", "mode");
  const m = typeof mode === "number" ? CALC_MODES[mode] : String(mode ?? "thisThread");
  const perThread = m === "thisThread" || m === undefined;
  const planWide = m === "allThreads" || m === "allThreadsShared";
  const HORIZON = 1e9;
  return { rate: [{ t: 0, v: 0 }, { t: 0, v: rps }, { t: HORIZON, v: rps }, { t: HORIZON, v: 0 }], perThread, planWide, notes: [`at most ${rps.toFixed(2)}/s ${perThread ? "per thread" : planWide ? "across all thread groups" : "for the thread group"}`] };
}

function preciseThroughput(el: El, r: Resolver): RateShape {
  const n = r.num(pick(el, "throughput", "count"), 0);
  const period = r.num(pick(el, "period", "throughputPeriod"), 3600) || 1;
  const duration = r.num(pick(el, "duration"), 0);
  const rps = n / period;
  const until = duration > 0 ? duration : 1e9;
  return { rate: [{ t: 0, v: 0 }, { t: 0, v: rps }, { t: until, v: rps }, { t: until, v: 0 }], notes: [`${n} samples per ${period}s (Poisson arrivals)`] };
}

/** timer kinds that set a rate, keyed by DSL kind */
export const rateShapes: Record<string, (el: El, r: Resolver) => RateShape> = {
  throughputShapingTimer: shaping,
  constantThroughputTimer: constantThroughput,
  preciseThroughputTimer: preciseThroughput,
};
