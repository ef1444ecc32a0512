// target rate per sampler: what a declared rate limit is compared with
import { groupShapes, type El } from "./groups.js";
import { rateShapes } from "./rates.js";
import { clip } from "./clip.js";
import { end, scale, type Series } from "./series.js";
import { Resolver } from "./values.js";

/** one sampler's target rate: requests per second overall, undefined when nothing paces it */
export interface SamplerRate {
  label: string;
  kind: string;
  group: string;
  /** the thread group's path, e.g. `children[0]` */
  groupPath: string;
  /** where it is in the plan, e.g. `children[0].children[2]` */
  path: string;
  rate?: Series;
  /** what paces it */
  from?: string;
}

export interface SamplerOptions {
  isSampler: (el: El) => boolean;
}

/** The target rate of every sampler: its own rate timer's, its share of a timer over a wider scope, or its group's arrivals. */
export function samplerRates(plan: El, { isSampler }: SamplerOptions): SamplerRate[] {
  const out: SamplerRate[] = [];
  const count = (els: El[] | undefined): number => (els ?? []).reduce((a, c) => a + (c.enabled === false ? 0 : isSampler(c) ? 1 : count(c.children)), 0);
  const planTimers = (plan.children ?? []).filter((c) => c.enabled !== false && rateShapes[c.kind]);
  (plan.children ?? []).forEach((g, gi) => {
    const shapeOf = groupShapes[g.kind];
    if (!shapeOf || g.enabled === false) return;
    const r = new Resolver();
    const shape = shapeOf(g, r);
    const until = shape.ends ?? end(shape.threads);
    // timers in scope, innermost last, each with the number of samplers it paces
    type Scoped = { el: El; samplers: number };
    const rateOf = (timers: Scoped[]): { rate?: Series; from?: string } => {
      const t = timers.at(-1);
      if (t) {
        const s = rateShapes[t.el.kind]!(t.el, r);
        const rate = s.perThread ? scale(shape.threads, (s.rate[1]?.v ?? 0)) : clip(s.rate, until);
        return { rate: scale(rate, 1 / Math.max(1, t.samplers)), from: String(t.el.name ?? t.el.kind) };
      }
      if (shape.arrivals) return { rate: shape.arrivals, from: `${String(g.name)} (arrivals)` };
      return {};
    };
    const walk = (els: El[], path: string, timers: Scoped[]) => {
      const here = els.filter((c) => c.enabled !== false && rateShapes[c.kind]).map((el) => ({ el, samplers: count(els) }));
      const scoped = [...timers, ...here];
      els.forEach((c, i) => {
        if (c.enabled === false) return;
        const p = `${path}.children[${i}]`;
        if (isSampler(c)) {
          const own = (c.children ?? []).filter((t) => t.enabled !== false && rateShapes[t.kind]).map((el) => ({ el, samplers: 1 }));
          out.push({ label: String(c.name ?? c.kind), kind: c.kind, group: String(g.name ?? g.kind), groupPath: `children[${gi}]`, path: p, ...rateOf([...scoped, ...own]) });
        } else walk(c.children ?? [], p, scoped);
      });
    };
    walk(g.children ?? [], `children[${gi}]`, planTimers.map((el) => ({ el, samplers: (plan.children ?? []).reduce((a, x) => a + (groupShapes[x.kind] ? count(x.children) : 0), 0) })));
  });
  return out;
}
