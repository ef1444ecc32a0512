import { readsRetryAfter, isRetryController, RETRY_WORDS } from "./retry.js";
import { isHttp, leaves, type LintContext, type Rule } from "../rule.js";

/** labels a declared limit covers; empty: every label */
function limitedLabels(ctx: LintContext): string[][] {
  const limits = (ctx.plan?.declaredLimits as { labels: string[] }[] | undefined) ?? [];
  return limits.map((l) => l.labels);
}

/** whether the plan itself shows it expects rate limiting (429 checks, retry names) */
const expectsLimits = (ctx: LintContext) =>
  ctx.elements.some((l) => isRetryController(l.node) || (l.node.tag === "ConstantTimer" && RETRY_WORDS.test(l.node.attrs.testname ?? "")) || (/Assertion$/.test(l.node.tag) && leaves(l.node).some((x) => /^(429|503)$/.test(x.value.trim()))));

export const retryAfterMissing: Rule = {
  id: "retry-after-missing",
  severity: "warning",
  title: "requests that can be rate-limited with no Retry-After handling",
  check(ctx) {
    const limits = limitedLabels(ctx);
    const all = expectsLimits(ctx);
    return ctx.elements
      .filter((l) => isHttp(l.node))
      .filter((l) => all || limits.some((labels) => labels.length === 0 || labels.includes(l.node.attrs.testname ?? "")))
      .filter((l) => ![l.node, ...l.node.children, ...l.ancestors.flatMap((a) => a.children)].some((n) => n !== l.node && readsRetryAfter(n)) && !readsRetryAfter(l.node))
      .map((l) => ({
        path: l.path,
        line: l.node.line,
        message: "this request can be answered 429/503 (the plan declares a limit for it or checks for one) but nothing in its scope reads Retry-After: throttled samples fail or retry at once",
        fix: "add retryAfter({ codes: [429, 503], maxRetries: 3, jitter: \"500ms\" }) under the sampler (or its thread group)",
      }));
  },
};
