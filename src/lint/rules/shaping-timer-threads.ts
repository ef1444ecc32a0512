import { breakpoints, valueAt } from "../../profile/index.js";
import type { El } from "../../profile/groups.js";
import type { Rule } from "../rule.js";
import { descend, named } from "./plan-helpers.js";

export const shapingTimerThreads: Rule = {
  id: "shaping-timer-threads",
  severity: "error",
  title: "a Throughput Shaping Timer without enough threads to reach its rate (Little's law)",
  check(ctx) {
    if (!ctx.plan || !ctx.profile) return [];
    const plan = ctx.plan as El;
    const rt = ctx.responseTime;
    return descend(plan)
      .filter((x) => x.el.kind === "throughputShapingTimer")
      .flatMap((x) => {
        const groupIdx = x.path.match(/^children\[(\d+)\]/)?.[1];
        const group = x.ancestors.length > 1 ? ctx.profile!.groups.find((g) => g.path === `children[${groupIdx}]`) : undefined;
        const threads = group ? group.threads : ctx.profile!.total.threads;
        const rate = group ? group.rate : ctx.profile!.planRate?.rate;
        if (!rate) return [];
        let worst: { t: number; need: number; have: number } | undefined;
        // midpoints between breakpoints: a ramp's first instant (0 threads) is not a shortfall
        const ts = breakpoints([threads, rate]);
        for (let i = 1; i < ts.length; i++) {
          const t = (ts[i - 1]! + ts[i]!) / 2;
          const need = valueAt(rate, t) * rt;
          const have = valueAt(threads, t);
          if (need - have > 1e-9 && (!worst || need - have > worst.need - worst.have)) worst = { t, need, have };
        }
        if (!worst) return [];
        return [{
          path: named(x.ancestors, x.el),
          message: `around ${worst.t}s the timer asks for ${(worst.need / rt).toFixed(1)} requests/s but ${Number(worst.have.toFixed(1))} threads at ${rt}s a request can send at most ${(worst.have / rt).toFixed(1)}/s (Little's law: threads >= rate x response time = ${Math.ceil(worst.need)})`,
          fix: `run at least ${Math.ceil(worst.need)} threads from that time, or let them follow the timer: concurrencyThreadGroup({ target: tstFeedback("${String(x.el.name)}", 1, ${Math.ceil(worst.need * 2)}, 0.1) })`,
        }];
      });
  },
};
