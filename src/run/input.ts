// what `jmxplan run` runs: a plan built into the output directory, or a .jmx as it is
import { existsSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { PLUGINS, type Plugin } from "../dsl/node.js";
import { buildJmx } from "../jmx/build.js";
import { requiredProperties } from "../jmx/properties.js";
import { loadPlan, shown } from "../plan/load.js";
import { writeAtomic } from "../util/atomic.js";
import { UserError } from "../util/errors.js";

export interface RunInput {
  /** the .jmx JMeter runs */
  jmx: string;
  /** the name results are filed under */
  name: string;
  /** properties the plan needs (-J), e.g. sample_variables */
  properties: Record<string, string>;
  /** plugins its elements need */
  plugins: Plugin[];
  /** engines the plan was divided for; undefined for a .jmx */
  engines?: number;
}

// the class names (tags) and functions by which a .jmx shows it needs a plugin
const MARKERS: [RegExp, Plugin][] = [
  [/<(com\.blazemeter\.jmeter\.threads\.|kg\.apc\.jmeter\.threads\.)/, PLUGINS.casutg],
  [/<kg\.apc\.jmeter\.timers\.VariableThroughputTimer[\s>]|__tstFeedback\(/, PLUGINS.tst],
  [/<eu\.luminis\.jmeter\.wssampler\./, PLUGINS.websocket],
];

/** Plugins a .jmx needs, from the elements and functions it names. */
export function pluginsIn(jmx: string): Plugin[] {
  return MARKERS.filter(([re]) => re.test(jmx)).map(([, p]) => p);
}

/** `-Jname=value` flags that jmxplan build wrote into a .jmx's first-line comment */
export function propertiesIn(jmx: string): Record<string, string> {
  const first = /^\s*<!--([\s\S]*?)-->/.exec(jmx)?.[1] ?? "";
  return Object.fromEntries([...first.matchAll(/-J([\w.]+)=(\S+)/g)].map((m) => [m[1]!, m[2]!]));
}

const stem = (file: string) => basename(file).replace(/\.plan\.[cm]?[jt]s$|\.jmx$/, "");

/** Build a plan into `outDir` (or take a .jmx) and say what running it needs. */
export async function prepareInput(file: string, outDir: string): Promise<RunInput> {
  if (!existsSync(file)) throw new UserError(`${shown(file)}: no such file`, 2, "E_NO_INPUT");
  if (file.endsWith(".jmx")) {
    const text = readFileSync(file, "utf8");
    return { jmx: resolve(file), name: stem(file), properties: propertiesIn(text), plugins: pluginsIn(text) };
  }
  if (!/\.plan\.[cm]?[jt]s$/.test(file)) throw new UserError(`${shown(file)}: expected a plan (*.plan.ts) or a .jmx file`, 2, "E_USAGE");
  const plan = await loadPlan(file);
  const xml = buildJmx(plan, shown(file));
  const jmx = resolve(join(outDir, `${stem(file)}.jmx`));
  writeAtomic(jmx, xml);
  return { jmx, name: stem(file), properties: requiredProperties(plan), plugins: pluginsIn(xml), engines: plan.engines };
}
