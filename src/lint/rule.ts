// what a lint rule sees and says
import type { JmxNode, XmlEl } from "../jmx/read.js";
import { isEnabled, prop, propName, propText } from "../jmx/read.js";
import type { PlanProfile } from "../profile/index.js";

export type Severity = "error" | "warning";

/** one problem found, with where it is and how to fix it */
export interface Finding {
  /** stable rule id, e.g. `constant-timer-backoff` */
  rule: string;
  severity: Severity;
  /** the element's path by names: `Test Plan > Agents > POST /recordings` */
  path: string;
  /** line in the .jmx (the built one for a plan) */
  line?: number;
  message: string;
  fix: string;
}

/** an enabled element in the tree with its ancestors (outermost first) */
export interface Located {
  node: JmxNode;
  ancestors: JmxNode[];
  path: string;
}

/** what every rule is given: the JMX tree always, the DSL plan and its profile when known */
export interface LintContext {
  /** the file as given */
  file: string;
  /** every enabled element, in document order */
  elements: Located[];
  /** the validated DSL plan (for a .plan.ts, or a .jmx imported into the DSL) */
  plan?: { kind: string; children?: unknown[] } & Record<string, unknown>;
  profile?: PlanProfile;
  /** engines the plan is meant for: the plan's, or --engines */
  engines: number;
  /** the plan is a .jmx file (rates are as written, not divided by the build) */
  fromJmx: boolean;
  /** seconds one request is assumed to take, for Little's law @default 1 */
  responseTime: number;
}

export type Report = Omit<Finding, "rule" | "severity">;

export interface Rule {
  id: string;
  severity: Severity;
  /** one line: what the rule catches */
  title: string;
  check(ctx: LintContext): Report[];
}

/** every enabled element with its ancestors; disabled ones and their subtrees are left out, as JMeter does */
export function locate(roots: JmxNode[]): Located[] {
  const out: Located[] = [];
  const walk = (n: JmxNode, ancestors: JmxNode[]) => {
    if (!isEnabled(n)) return;
    const path = [...ancestors, n].map((a) => a.attrs.testname ?? a.tag).join(" > ");
    out.push({ node: n, ancestors, path });
    for (const c of n.children) walk(c, [...ancestors, n]);
  };
  for (const r of roots) walk(r, []);
  return out;
}

/** the text of a property of an element (undefined when absent) */
export const text = (n: JmxNode | XmlEl | undefined, name: string): string | undefined => propText(prop(n, name));

/** the short class name of an element: `kg.apc.jmeter.timers.VariableThroughputTimer` -> `VariableThroughputTimer` */
export const cls = (n: JmxNode): string => n.tag.split(".").at(-1)!;

/** every leaf property under an element (through elementProps and collections), with its property name */
export function leaves(n: JmxNode): { name: string; tag: string; value: string; line: number }[] {
  const out: { name: string; tag: string; value: string; line: number }[] = [];
  const visit = (p: XmlEl) => {
    if (p.tag === "doubleProp" || p.tag === "FloatProperty") out.push({ name: propName(p), tag: p.tag, value: propText(p) ?? "", line: p.line });
    else if (p.tag === "objProp") return;
    else if (p.children.length) p.children.forEach(visit);
    else out.push({ name: propName(p), tag: p.tag, value: p.text, line: p.line });
  };
  n.props.forEach(visit);
  return out;
}

export const THREAD_GROUP = /(^|\.)(ThreadGroup|SetupThreadGroup|PostThreadGroup|ConcurrencyThreadGroup|ArrivalsThreadGroup|FreeFormArrivalsThreadGroup|UltimateThreadGroup|SteppingThreadGroup)$/;
export const isThreadGroup = (n: JmxNode) => THREAD_GROUP.test(n.tag);
export const isHttp = (n: JmxNode) => /^HTTPSampler(Proxy|2)?$/.test(n.tag);
/** the thread group an element runs in */
export const groupOf = (l: Located) => l.ancestors.find(isThreadGroup);
