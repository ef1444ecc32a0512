import { inScope, isRandomTimer, isRetryController, readsRetryAfter } from "./retry.js";
import { leaves, type Rule } from "../rule.js";

const JITTER_OFF = /jitter\D{0,20}\b0+(\.0+)?\b|jitterMs\s*=\s*0\b/i;

export const retryWithoutJitter: Rule = {
  id: "retry-without-jitter",
  severity: "warning",
  title: "retries without jitter (synchronised retry storms)",
  check: (ctx) =>
    ctx.elements
      .filter((l) => isRetryController(l.node) || (readsRetryAfter(l.node) && /retry/i.test(leaves(l.node).map((x) => x.value).join(" "))))
      .filter((l) => {
        const scope = [...inScope(l), ...l.node.children.flatMap((c) => c.children)];
        if (scope.some(isRandomTimer)) return false;
        // a Retry-After handler that draws its own jitter
        const own = leaves(l.node).map((x) => x.value).join("\n");
        return !(/__Random\(|Random|jitter/i.test(own) && !JITTER_OFF.test(own));
      })
      .map((l) => ({
        path: l.path,
        line: l.node.line,
        message: "retries here wait a fixed time: every thread throttled in the same second retries in the same second, and the limiter throttles them again",
        fix: "add jitter({ min: \"0ms\", max: \"1s\" }) in the retry's scope, or give retryAfter a jitter",
      })),
};
