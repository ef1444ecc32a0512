import type { El } from "../../profile/groups.js";
import type { Rule } from "../rule.js";
import { descend, named } from "./plan-helpers.js";

const FEEDBACK = /^\$\{__tstFeedback\(\s*((?:[^,\\]|\\.)*?)\s*,/;

export const shapingTimerFeedback: Rule = {
  id: "shaping-timer-feedback",
  severity: "warning",
  title: "a Throughput Shaping Timer pacing a whole thread group whose threads do not follow it through __tstFeedback",
  check(ctx) {
    if (!ctx.plan) return [];
    const plan = ctx.plan as El;
    return descend(plan)
      // a timer on one sampler paces one step of a longer session: the thread count is the plan's choice
      .filter((x) => x.el.kind === "throughputShapingTimer" && x.ancestors.length <= 2)
      .flatMap((x) => {
        const groups = x.ancestors.length > 1 ? [x.ancestors[1]!] : (plan.children ?? []).filter((g) => /ThreadGroup$/.test(g.kind) && g.enabled !== false);
        const name = String(x.el.name);
        return groups
          .filter((g) => {
            const m = g.kind === "concurrencyThreadGroup" && typeof g.target === "string" ? FEEDBACK.exec(g.target) : null;
            return !m || m[1]!.replace(/\\(.)/g, "$1") !== name;
          })
          .map((g) => ({
            path: named(x.ancestors, x.el),
            message: `the timer only delays; "${String(g.name)}" runs a fixed number of threads, too few and the rate is missed, too many and they pile up waiting (no __tstFeedback("${name}", ...) drives its threads)`,
            fix: `make "${String(g.name)}" a concurrencyThreadGroup({ target: tstFeedback("${name}", start, max, 0.1) })`,
          }));
      });
  },
};
