// the plan's outline as a compact tree: thread groups, controllers, samplers, timers
import { elements, isKind } from "../dsl/elements/index.js";
import type { JmxNode } from "../jmx/read.js";
import type { El } from "../profile/groups.js";
import { isEnabled } from "../jmx/read.js";

const SHOWN = new Set(["threadGroup", "controller", "sampler", "timer"]);

const categoryOf = (el: El): string | undefined => (el.kind === "raw" ? String(el.category) : isKind(el.kind) ? elements[el.kind].category : undefined);

const fmt = (v: unknown) => (typeof v === "string" ? v.replace(/^\$\{__P\(([^,]+),([^)]*)\)\}$/, "$1=$2") : String(v));

/** a few words on what an element does, for the kinds where it matters to a reviewer */
function summary(el: El): string {
  const f = (k: string) => (el[k] === undefined ? undefined : fmt(el[k]));
  switch (el.kind) {
    case "threadGroup":
    case "setUpThreadGroup":
    case "tearDownThreadGroup":
      return `${f("threads")} threads, ramp ${f("rampUp")}s, ${el.loops === "forever" ? "loops forever" : `${f("loops")} loop(s)`}${el.duration !== undefined ? `, ${f("duration")}s` : ""}`;
    case "concurrencyThreadGroup":
      return `${f("target")} threads, ramp ${f("rampUp")}s in ${f("steps")} steps, hold ${f("hold")}s`;
    case "arrivalsThreadGroup":
      return `${f("rate")} arrivals/s, ramp ${f("rampUp")}s, hold ${f("hold")}s, at most ${f("concurrencyLimit")} threads`;
    case "ultimateThreadGroup":
      return `${(el.rows as unknown[]).length} schedule row(s)`;
    case "throughputShapingTimer":
      return (el.stages as El[]).map((s) => (s.type === "const" ? `const(${fmt(s.rps)},${fmt(s.duration)}s)` : s.type === "line" ? `line(${fmt(s.from)},${fmt(s.to)},${fmt(s.duration)}s)` : `step(${fmt(s.from)},${fmt(s.to)},${fmt(s.by)},${fmt(s.duration)}s)`)).join(" ");
    case "httpRequest":
      return `${f("method")} ${f("path")}`;
    case "constantTimer":
      return `${f("delay")} ms`;
    case "jitter":
      return `${f("min")}..${f("max")} ms per sample`;
    case "retryAfter":
      return `on ${(el.codes as number[]).join("/")}, up to ${f("maxRetries")} retries${el.jitter ? " with jitter" : ""}`;
    case "loopController":
      return `${f("loops")} times`;
    case "raw":
      return `verbatim <${String((el.xml as { tag: string }).tag).split(".").at(-1)}>`;
    default:
      return "";
  }
}

/** The outline of a validated DSL plan, one line per element, with box-drawing branches. */
export function outlineOfPlan(plan: El): string[] {
  const lines = [`${String(plan.name)}`];
  const walk = (els: El[], prefix: string) => {
    const shown = els.filter((c) => SHOWN.has(categoryOf(c) ?? ""));
    shown.forEach((c, i) => {
      const last = i === shown.length - 1;
      const s = summary(c);
      lines.push(`${prefix}${last ? "└─ " : "├─ "}${String(c.name)} · ${c.kind}${s ? `: ${s}` : ""}${c.enabled === false ? " (disabled)" : ""}`);
      walk(c.children ?? [], prefix + (last ? "   " : "│  "));
    });
  };
  walk(plan.children ?? [], "");
  return lines;
}

const SHOWN_TAG = /ThreadGroup$|Controller$|Sampler(Proxy)?$|Timer$|^RunTime$|^TestAction$/;

/** The outline of a .jmx tree, when it could not be imported. */
export function outlineOfTree(roots: JmxNode[]): string[] {
  const lines: string[] = [];
  const walk = (els: JmxNode[], prefix: string) => {
    const shown = els.filter((c) => SHOWN_TAG.test(c.tag.split(".").at(-1)!));
    shown.forEach((c, i) => {
      const last = i === shown.length - 1;
      lines.push(`${prefix}${last ? "└─ " : "├─ "}${c.attrs.testname ?? ""} · ${c.tag.split(".").at(-1)}${isEnabled(c) ? "" : " (disabled)"}`);
      walk(c.children, prefix + (last ? "   " : "│  "));
    });
  };
  for (const r of roots) {
    lines.push(r.attrs.testname ?? r.tag);
    walk(r.children, "");
  }
  return lines;
}
