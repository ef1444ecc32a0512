import { breakpoints, samplerRates, sum, valueAt } from "../../profile/index.js";
import type { El } from "../../profile/groups.js";
import type { Rule } from "../rule.js";
import { isSampler } from "./plan-helpers.js";

interface Limit {
  labels: string[];
  requestsPerSecond: number;
  source: string;
}

export const declaredLimit: Rule = {
  id: "declared-limit",
  severity: "error",
  title: "a session-start rate above a limit the plan declares",
  check(ctx) {
    const limits = (ctx.plan?.declaredLimits as Limit[] | undefined) ?? [];
    if (!limits.length || !ctx.plan) return [];
    const rates = samplerRates(ctx.plan as El, { isSampler });
    return limits.flatMap((lim) => {
      const hit = rates.filter((r) => r.rate && (lim.labels.length === 0 || lim.labels.includes(r.label)));
      if (!hit.length) return [];
      const total = sum(hit.map((r) => r.rate!));
      let worst = { t: 0, v: 0 };
      for (const t of breakpoints([total])) for (const side of ["before", "after"] as const) if (valueAt(total, t, side) > worst.v) worst = { t, v: valueAt(total, t, side) };
      if (worst.v <= lim.requestsPerSecond + 1e-9) return [];
      const what = lim.labels.length ? lim.labels.map((l) => `"${l}"`).join(", ") : "all requests";
      return [{
        path: hit.map((r) => `${r.group} > ${r.label}`).join(", "),
        message: `the plan targets ${Number(worst.v.toFixed(3))}/s for ${what} at ${worst.t}s, above the declared limit of ${lim.requestsPerSecond}/s${lim.source ? ` (${lim.source})` : ""} (paced by ${[...new Set(hit.map((r) => r.from))].join(", ")})`,
        fix: `lower the shaping-timer stages (or arrivals) for these samplers to at most ${lim.requestsPerSecond}/s, or drop the limit if testing it is the point`,
      }];
    });
  },
};
