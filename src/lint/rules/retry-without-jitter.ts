import type { JmxNode } from "../../jmx/read.js";
import { inScope, isRandomTimer, isRetryController, ownJitter, readsRetryAfter } from "./retry.js";
import { leaves, type Rule } from "../rule.js";

const descendants = (n: JmxNode): JmxNode[] => n.children.flatMap((c) => [c, ...descendants(c)]);

export const retryWithoutJitter: Rule = {
  id: "retry-without-jitter",
  severity: "warning",
  title: "retries without jitter (synchronised retry storms)",
  check: (ctx) =>
    ctx.elements
      .filter((l) => isRetryController(l.node) || (readsRetryAfter(l.node) && /retry/i.test(leaves(l.node).map((x) => x.value).join(" ")) && !l.ancestors.some(isRetryController)))
      .filter((l) => {
        const around = [...inScope(l), ...descendants(l.node)];
        if (around.some(isRandomTimer)) return false;
        // a Retry-After handler that draws its own jitter
        return ![l.node, ...descendants(l.node)].some((n) => readsRetryAfter(n) && ownJitter(n));
      })
      .map((l) => ({
        path: l.path,
        line: l.node.line,
        message: "retries here wait a fixed time: every thread throttled in the same second retries in the same second, and the limiter throttles them again",
        fix: "give retryAfter a jitter ({ jitter: { min: \"0ms\", max: \"1s\" } }) or add jitter({ min, max }) in the retry's scope",
      })),
};
