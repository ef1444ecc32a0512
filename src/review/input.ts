// a plan file or a .jmx, loaded once for lint and review: its JMX tree, DSL plan and load profile
import { readFileSync } from "node:fs";
import { elements, isKind } from "../dsl/elements/index.js";
import type { Out } from "../dsl/elements/index.js";
import { validatePlan } from "../dsl/validate.js";
import { importJmx, ImportError } from "../import/index.js";
import { buildJmx } from "../jmx/build.js";
import { JmxReadError, readJmx, type JmxNode, type ReadWarning } from "../jmx/read.js";
import { loadPlan, shown } from "../plan/load.js";
import type { El } from "../profile/groups.js";
import { profilePlan, scale, type PlanProfile } from "../profile/index.js";
import { UserError } from "../util/errors.js";

export interface Inspected {
  file: string;
  fromJmx: boolean;
  /** the .jmx text: the file, or what the plan builds */
  xml: string;
  tree: JmxNode[];
  /** the validated DSL plan: the plan file's, or the .jmx imported (raw elements approximated for the profile) */
  plan?: Out<"testPlan">;
  profile?: PlanProfile;
  engines: number;
  warnings: ReadWarning[];
  /** why a .jmx has no DSL plan (import refused it) */
  noPlan?: string;
}

export const isSampler = (el: El): boolean => (el.kind === "raw" ? el.category === "sampler" : isKind(el.kind) && elements[el.kind].category === "sampler");

/** a .jmx holds one engine's values: overall = that times the engines */
function perEngineProfile(p: PlanProfile, engines: number): PlanProfile {
  const up = (s: PlanProfile["total"]) => ({ threads: scale(s.threads, engines), ...(s.rate ? { rate: scale(s.rate, engines) } : {}) });
  return {
    ...p,
    engines,
    groups: p.groups.map((g) => ({ ...g, threads: scale(g.threads, engines), ...(g.rate ? { rate: scale(g.rate, engines) } : {}) })),
    ...(p.planRate ? { planRate: { ...p.planRate, rate: scale(p.planRate.rate, engines) } } : {}),
    total: up(p.total),
    perEngine: p.total,
  };
}

function readTree(xml: string, file: string) {
  try {
    return readJmx(xml);
  } catch (e) {
    if (e instanceof JmxReadError) throw new UserError(`${shown(file)}: ${e.message}`, 2, e.code);
    throw e;
  }
}

/** Load a `.plan.ts` (validated, then built) or a `.jmx` (read, then imported for its profile). */
export async function inspect(file: string, opts: { engines?: number } = {}): Promise<Inspected> {
  if (!/\.jmx$/i.test(file)) {
    const plan = await loadPlan(file);
    const engines = opts.engines ?? plan.engines;
    const p = engines === plan.engines ? plan : { ...plan, engines };
    const xml = buildJmx(p, shown(file));
    const read = readTree(xml, file);
    return { file, fromJmx: false, xml, tree: read.elements, plan: p, profile: profilePlan(p as never, { isSampler }), engines, warnings: read.warnings };
  }
  let xml: string;
  try {
    xml = readFileSync(file, "utf8");
  } catch {
    throw new UserError(`${shown(file)}: no such file`);
  }
  const read = readTree(xml, file);
  const engines = opts.engines ?? 1;
  const base: Inspected = { file, fromJmx: true, xml, tree: read.elements, engines, warnings: read.warnings };
  try {
    const imported = importJmx(xml, shown(file));
    const v = validatePlan(imported.approximate);
    const ok = v.ok ? v : validatePlan(imported.plan);
    if (!ok.ok) return { ...base, noPlan: ok.issues.map((i) => `${i.path}: ${i.message}`).join("; ") };
    const profile = profilePlan(ok.plan as never, { isSampler });
    return { ...base, plan: ok.plan, profile: perEngineProfile(profile, engines), warnings: imported.warnings };
  } catch (e) {
    if (e instanceof ImportError) return { ...base, noPlan: e.message };
    throw e;
  }
}
