// lint: run every rule over one plan, JMX tree and DSL plan alike
import type { JmxNode } from "../jmx/read.js";
import type { PlanProfile } from "../profile/index.js";
import { locate, type Finding, type LintContext } from "./rule.js";
import { rules } from "./rules/index.js";

export { rules } from "./rules/index.js";
export type { Finding, LintContext, Rule, Severity } from "./rule.js";

export interface LintInput {
  file: string;
  /** the .jmx tree: read from the file, or built from the plan */
  tree: JmxNode[];
  plan?: LintContext["plan"];
  profile?: PlanProfile;
  engines?: number;
  fromJmx: boolean;
  responseTime?: number;
}

/** Run every rule; findings come in rule order, then document order. */
export function lint(input: LintInput): Finding[] {
  const ctx: LintContext = {
    file: input.file,
    elements: locate(input.tree),
    ...(input.plan ? { plan: input.plan } : {}),
    ...(input.profile ? { profile: input.profile } : {}),
    engines: input.engines ?? 1,
    fromJmx: input.fromJmx,
    responseTime: input.responseTime ?? 1,
  };
  return rules.flatMap((r) => r.check(ctx).map((f) => ({ rule: r.id, severity: r.severity, ...f })));
}
