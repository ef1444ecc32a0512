import { cls, text, type Located, type Rule } from "../rule.js";

const divided = (v: string) => /__jexl3\(.*\/|__groovy\(.*\/|__machineCount|engines/i.test(v);

/** the rate fields of an element, as written */
function rateFields(l: Located): { name: string; value: string }[] {
  const c = cls(l.node);
  if (c === "VariableThroughputTimer") {
    const rows = l.node.props.find((p) => p.attrs.name === "load_profile")?.children ?? [];
    return rows.flatMap((r, i) => r.children.slice(0, 2).map((cell, j) => ({ name: `load_profile[${i}][${j === 0 ? "start" : "end"}]`, value: cell.text })));
  }
  if (c === "ArrivalsThreadGroup") return [{ name: "TargetLevel", value: text(l.node, "TargetLevel") ?? "" }];
  if (c === "ConstantThroughputTimer" && text(l.node, "calcMode") !== "0") return [{ name: "throughput", value: text(l.node, "throughput") ?? "" }];
  if (c === "PreciseThroughputTimer") return [{ name: "throughput", value: text(l.node, "throughput") ?? "" }];
  return [];
}

export const enginesNotDivided: Rule = {
  id: "engines-not-divided",
  severity: "warning",
  title: "a plan for several engines whose rates are not divided (.jmx input)",
  check(ctx) {
    if (!ctx.fromJmx || ctx.engines <= 1) return [];
    return ctx.elements.flatMap((l) => {
      const undivided = rateFields(l).filter((f) => f.value.trim() !== "" && f.value.trim() !== "0" && !divided(f.value));
      if (!undivided.length) return [];
      return [{ path: l.path, line: l.node.line, message: `with ${ctx.engines} engines each one runs this whole rate (${undivided.map((f) => `${f.name}=${f.value}`).join(", ")}): the servers see ${ctx.engines} times what the plan says`, fix: `divide each rate by ${ctx.engines} (e.g. \${__jexl3(\${__P(rps,100)} / ${ctx.engines}.0)}), or import the plan and declare testPlan({ engines: ${ctx.engines} })` }];
    });
  },
};
