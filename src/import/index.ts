// jmxplan import: a .jmx file -> plan source, with what was kept verbatim and why
import type { Node } from "../dsl/node.js";
import { readJmx, type JmxNode, type ReadWarning } from "../jmx/read.js";
import { planSource } from "./source.js";
import { toDsl } from "./to-dsl.js";

export { ImportError } from "./to-dsl.js";
export { treeDiff, elementDiff } from "./equivalent.js";
export { planSource } from "./source.js";

export interface Imported {
  /** the plan's TypeScript source */
  source: string;
  /** the plan as DSL nodes (what the source evaluates to) */
  plan: Node;
  /** the .jmx tree it came from */
  tree: JmxNode[];
  warnings: ReadWarning[];
  stats: { modelled: number; raw: number };
  /** the plan with raw elements replaced by their nearest factory, for the load profile only */
  approximate: Node;
}

function approximate(n: Node, map: Map<Node, Node>): Node {
  const a = map.get(n) ?? n;
  return { ...a, children: (n.children ?? []).map((c) => approximate(c, map)) };
}

/** Import .jmx text; `file` is named in the source's first line. Throws JmxReadError or ImportError. */
export function importJmx(xml: string, file: string): Imported {
  const read = readJmx(xml);
  const c = toDsl(read.elements, read.warnings);
  const header = [`Imported by jmxplan from ${file}: ${c.stats.modelled} elements through factories, ${c.stats.raw} kept verbatim with raw().`];
  return { source: planSource(c.plan, header), plan: c.plan, tree: read.elements, warnings: c.warnings, stats: c.stats, approximate: approximate(c.plan, c.approximations) };
}
