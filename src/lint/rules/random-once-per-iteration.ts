import { text, type Rule } from "../rule.js";

export const randomOncePerIteration: Rule = {
  id: "random-once-per-iteration",
  severity: "warning",
  title: "__Random where JMeter evaluates it once per iteration (a Constant Timer delay)",
  check: (ctx) =>
    ctx.elements
      .filter((l) => l.node.tag === "ConstantTimer" && /__Random\(/.test(text(l.node, "ConstantTimer.delay") ?? ""))
      .map((l) => ({
        path: l.path,
        line: l.node.line,
        message: `ConstantTimer.delay = ${text(l.node, "ConstantTimer.delay")} is read once per iteration of its controller: every sampler in that iteration gets the same "random" delay`,
        fix: "use jitter({ min, max }) (a JSR223 timer that draws per sample) or a Uniform Random Timer",
      })),
};
