// the JMeter plugins a .jmx needs: Plugins Manager ids and jars
import { PLUGINS, type Plugin } from "../dsl/node.js";
import type { JmxNode } from "../jmx/read.js";
import { leaves } from "../lint/rule.js";

export interface RequiredPlugin extends Plugin {
  /** the jar file the Maven coordinates name */
  jar: string;
  /** the classes (or functions) in the plan that need it */
  needs: string[];
}

const BY_CLASS: [RegExp, keyof typeof PLUGINS][] = [
  [/^com\.blazemeter\.jmeter\.(threads|control)\./, "casutg"],
  [/^kg\.apc\.jmeter\.threads\./, "casutg"],
  [/^kg\.apc\.jmeter\.timers\.VariableThroughputTimer$/, "tst"],
  [/^eu\.luminis\.jmeter\.wssampler\./, "websocket"],
];

/** the jar name Maven coordinates group:artifact:version stand for */
export const jarOf = (maven: string) => {
  const [, artifact, version] = maven.split(":");
  return `${artifact}-${version}.jar`;
};

/** Plugins the tree's element classes and functions need, and classes from plugins jmxplan does not know. */
export function pluginsOf(tree: JmxNode[]): { plugins: RequiredPlugin[]; unknown: string[] } {
  const need = new Map<keyof typeof PLUGINS, Set<string>>();
  const unknown = new Set<string>();
  const add = (k: keyof typeof PLUGINS, what: string) => need.set(k, (need.get(k) ?? new Set()).add(what));
  const walk = (n: JmxNode) => {
    if (n.attrs.enabled !== "false") {
      const hit = BY_CLASS.find(([re]) => re.test(n.tag));
      if (hit) add(hit[1], n.tag.split(".").at(-1)!);
      else if (n.tag.includes(".")) unknown.add(n.tag);
      if (leaves(n).some((l) => /__tstFeedback\(/.test(l.value))) add("tst", "__tstFeedback");
      n.children.forEach(walk);
    }
  };
  tree.forEach(walk);
  const plugins = [...need.entries()].map(([k, needs]) => ({ ...PLUGINS[k], jar: jarOf(PLUGINS[k].maven), needs: [...needs].sort() }));
  return { plugins: plugins.sort((a, b) => a.id.localeCompare(b.id)), unknown: [...unknown].sort() };
}
