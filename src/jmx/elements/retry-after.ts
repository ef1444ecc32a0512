import { groovy } from "../../dsl/expr.js";
import type { Out } from "../../dsl/elements/index.js";
import type { Context, Emitter } from "../context.js";
import { comments } from "../common.js";
import { renderGroovy } from "../groovy.js";
import { jsr223Entry } from "../script.js";
import { attrs, str, text, type Entry } from "../tree.js";

// a While Controller per sampler; the Timer runs before each attempt, the PostProcessor after it.
// The condition is checked on entry and twice between attempts (nextIsNull, then next()), so it only
// reads the state, except that it resets it on the way out and counts checks as a hard stop.

const script = (name: string, template: string, data: Record<string, unknown>, parameters = "") => ({
  name,
  enabled: true,
  comment: "",
  template,
  builtin: true,
  data,
  parameters,
  cache: true,
  language: "groovy",
});

function governed(el: Out<"retryAfter">, sampler: Entry, ctx: Context): Entry {
  const id = ctx.uid("retry");
  const vars = { id, state: `${id}_state`, attempt: `${id}_attempt`, wait: `${id}_wait`, iter: `${id}_iter`, checks: `${id}_checks`, variable: el.variable };
  const j = el.jitter;
  const params = [el.codes.join(","), el.maxRetries, el.fallback, el.cap, j ? j.min : 0, j ? j.max : 0].map((v) => text(v)).join(" ");
  const condition = renderGroovy("retry-after-condition", { ...vars, max: text(el.maxRetries) }, true).replace(/\s*\n\s*/g, " ").trim();
  const own = [
    jsr223Entry("JSR223Timer", script("Retry-After wait", "retry-after-timer", vars)),
    jsr223Entry("JSR223PostProcessor", script("Retry-After check", "retry-after-check", vars, params)),
  ];
  return {
    element: {
      tag: "WhileController",
      attrs: attrs("WhileController", "WhileControllerGui", { name: `${el.name}: ${sampler.element.attrs.testname}`, enabled: el.enabled }),
      props: [str("WhileController.condition", groovy(condition)), ...comments(el)],
    },
    tree: [{ ...sampler, tree: [...own, ...sampler.tree] }],
  };
}

export const emit: Emitter<"retryAfter"> = (el, ctx) => ctx.emit(el.children).map((s) => governed(el, s, ctx));
