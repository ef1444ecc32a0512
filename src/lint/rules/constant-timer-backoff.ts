import { RETRY_WORDS, isRetryController } from "./retry.js";
import { text, type Rule } from "../rule.js";

export const constantTimerBackoff: Rule = {
  id: "constant-timer-backoff",
  severity: "warning",
  title: "a Constant Timer used as retry back-off",
  check: (ctx) =>
    ctx.elements
      .filter((l) => l.node.tag === "ConstantTimer")
      .filter((l) => RETRY_WORDS.test(`${l.node.attrs.testname ?? ""} ${text(l.node, "TestPlan.comments") ?? ""}`) || l.ancestors.some(isRetryController))
      .map((l) => ({
        path: l.path,
        line: l.node.line,
        message: `the Constant Timer waits ${text(l.node, "ConstantTimer.delay") ?? "?"} ms before every sampler in its scope, whether or not the server asked for a wait, and the same time for every thread, so throttled threads retry together`,
        fix: "wait what Retry-After asks instead (jmxplan's retryAfter element: the header's seconds or date, a cap and jitter), or at least replace the constant with jitter",
      })),
};
