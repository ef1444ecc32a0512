import { cls, groupOf, text, type Located, type Rule } from "../rule.js";
import type { JmxNode } from "../../jmx/read.js";

const loops = (n: JmxNode | undefined) => {
  const mc = n?.props.find((p) => p.attrs.name === "ThreadGroup.main_controller");
  const l = mc?.children.find((p) => p.attrs.name === "LoopController.loops")?.text.trim();
  const forever = mc?.children.find((p) => p.attrs.name === "LoopController.continue_forever")?.text.trim() === "true";
  return { infinite: l === "-1" || (forever && l === undefined), text: l };
};

/** does the thread group stop by itself in time (scheduler, dynamic hold, or finite schedule)? */
function bounded(g: JmxNode): boolean {
  const c = cls(g);
  if (/^(ThreadGroup|SetupThreadGroup|PostThreadGroup)$/.test(c)) return text(g, "ThreadGroup.scheduler") === "true" && (text(g, "ThreadGroup.duration") ?? "").trim() !== "";
  return true; // casutg and Ultimate groups stop when their schedule ends
}

const whileForever = (l: Located) => l.node.tag === "WhileController" && /^\s*(true|\$\{__jexl3\(true\)\}|\$\{__groovy\(true\)\})\s*$/i.test(text(l.node, "WhileController.condition") ?? "");

export const endlessLoop: Rule = {
  id: "endless-loop",
  severity: "error",
  title: "loops with no end",
  check: (ctx) =>
    ctx.elements.flatMap((l) => {
      const n = l.node;
      if (/^(ThreadGroup|SetupThreadGroup|PostThreadGroup)$/.test(n.tag) && loops(n).infinite && !bounded(n))
        return [{ path: l.path, line: n.line, message: "the thread group loops forever and has no duration: the test runs until someone stops it", fix: 'give it a duration (threadGroup({ loops: "forever", duration: "10m" })) or a loop count' }];
      const group = groupOf(l);
      const coreGroup = group && /^(ThreadGroup|SetupThreadGroup|PostThreadGroup)$/.test(group.tag);
      if (coreGroup && !bounded(group) && ((n.tag === "LoopController" && text(n, "LoopController.loops")?.trim() === "-1") || whileForever(l)))
        return [{ path: l.path, line: n.line, message: `${n.tag === "WhileController" ? "the While condition is always true" : "the loop is infinite"} and the thread group has no duration: its threads never leave it`, fix: "give the loop a count or a condition that turns false, or give the thread group a duration" }];
      return [];
    }),
};
