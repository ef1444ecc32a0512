// generic JMX tree -> DSL nodes: each element through its factory when that builds it back unchanged, else raw
import { elements, isKind, type Kind, type Out } from "../dsl/elements/index.js";
import type { Node } from "../dsl/node.js";
import type { Context, Emitter } from "../jmx/context.js";
import { emitters } from "../jmx/elements/index.js";
import { readJmx, type JmxNode, type ReadWarning, type XmlEl } from "../jmx/read.js";
import { serialize } from "../jmx/serialize.js";
import type { Entry } from "../jmx/tree.js";
import { categoryOf } from "./category.js";
import { elementDiff } from "./equivalent.js";
import { mappers } from "./mappers.js";
import { moreMappers } from "./mappers-more.js";

/** an element import could not keep: the file is refused */
export class ImportError extends Error {
  constructor(
    public line: number,
    public code: string,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

export interface Converted {
  plan: Node;
  warnings: ReadWarning[];
  /** how each element was kept: by factory or raw (and why) */
  stats: { modelled: number; raw: number };
  /** for raw elements a candidate was tried for: the candidate (kind and props) the profile may use */
  approximations: Map<Node, Node>;
}

const DEFAULT_PLAN = elements.testPlan.schema.parse({ kind: "testPlan" }) as unknown as Out<"testPlan">;

// the context an element is built in alone: one engine (a .jmx holds per-engine values), no children
function soloContext(): Context {
  const used = new Map<string, number>();
  return {
    plan: { ...DEFAULT_PLAN, children: [] },
    emit: () => [],
    perEngine: (v) => v,
    uid(base) {
      const clean = base.replace(/[^A-Za-z0-9_]/g, "_");
      const n = (used.get(clean) ?? 0) + 1;
      used.set(clean, n);
      return n === 1 ? clean : `${clean}_${n}`;
    },
  };
}

const DUMMY_ROOT = { tag: "TestPlan", attrs: { guiclass: "TestPlanGui", testclass: "TestPlan", testname: "x", enabled: true }, props: [] };

/** what one entry reads back as */
function readBack(entry: Entry): JmxNode {
  const xml = serialize({ element: DUMMY_ROOT, tree: [entry] }, "import check");
  return readJmx(xml).elements[0]!.children[0]!;
}

const clean = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** drop every field whose value is what the schema would fill in anyway */
function minimal(kind: Kind, props: Record<string, unknown>): Record<string, unknown> {
  const schema = elements[kind].schema;
  const full = JSON.stringify(schema.parse({ kind, ...props }));
  const out = { ...props };
  for (const k of Object.keys(props)) {
    const { [k]: _drop, ...rest } = out;
    const r = schema.safeParse({ kind, ...rest });
    if (r.success && JSON.stringify(r.data) === full) delete out[k];
  }
  return out;
}

interface Tried {
  node?: Node;
  candidate?: Node;
  why?: string;
}

/** the first candidate factory whose element builds back to exactly `n` */
function viaFactory(n: JmxNode): Tried {
  const candidates = mappers[n.tag] ?? moreMappers[n.tag] ?? [];
  let why: string | undefined;
  let candidate: Node | undefined;
  for (const [kind, map] of candidates) {
    if (!isKind(kind)) continue;
    const raw = map(n);
    if (!raw) continue;
    const props = clean(raw);
    candidate ??= { kind, ...props, children: [] };
    const parsed = elements[kind].schema.safeParse({ kind, ...props });
    if (!parsed.success) {
      why ??= `${kind}(): ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`;
      continue;
    }
    let entries: Entry[];
    try {
      entries = (emitters[kind] as Emitter<Kind>)({ ...(parsed.data as object), children: [] } as never, soloContext());
    } catch (e) {
      why ??= `${kind}(): ${e instanceof Error ? e.message : String(e)}`;
      continue;
    }
    if (entries.length !== 1 || entries[0]!.tree.length) {
      why ??= `${kind}() builds ${entries.length} elements`;
      continue;
    }
    const diff = elementDiff(n, readBack(entries[0]!));
    if (diff) {
      why ??= `${kind}() would change it: ${diff}`;
      continue;
    }
    return { node: { kind, ...minimal(kind, props), children: [] } };
  }
  return { ...(candidate ? { candidate } : {}), ...(why ? { why } : {}) };
}

const toXml = (p: XmlEl): Record<string, unknown> => {
  const out: Record<string, unknown> = { tag: p.tag };
  if (Object.keys(p.attrs).length) out.attrs = { ...p.attrs };
  if (p.children.length) out.children = p.children.map(toXml);
  else if (p.text !== "") out.text = p.text;
  return out;
};

/** Convert the tree `readJmx` gave into DSL nodes; refuses what neither a factory nor raw can keep. */
export function toDsl(roots: JmxNode[], warnings: ReadWarning[]): Converted {
  const stats = { modelled: 0, raw: 0 };
  const approximations = new Map<Node, Node>();
  const [root, ...rest] = roots;
  for (const extra of rest) {
    if (extra.tag === "WorkBench" && extra.children.length === 0) {
      warnings.push({ line: extra.line, code: "W_WORKBENCH", message: "an empty WorkBench (JMeter 3.x) left out: JMeter 4+ has none" });
      continue;
    }
    throw new ImportError(extra.line, "E_SECOND_ROOT", `a second top-level <${extra.tag}> beside the TestPlan; a plan has one root (move its elements under the TestPlan)`);
  }
  const convert = (n: JmxNode, depth: number): Node => {
    const tried = viaFactory(n);
    let out: Node;
    if (tried.node) {
      stats.modelled++;
      out = tried.node;
    } else {
      if (depth === 0) throw new ImportError(n.line, "E_ROOT", `the TestPlan cannot be kept: ${tried.why ?? "no factory for it"}; testPlan() writes a fixed set of properties`);
      // a Test Fragment or a recorder sits at plan level where thread groups do, and holds what they hold
      const own = categoryOf(n);
      const category = depth === 1 && (own === "controller" || own === "sampler") ? "threadGroup" : own;
      if (!category) throw new ImportError(n.line, "E_UNKNOWN_CLASS", `<${n.tag}> is neither modelled by the DSL nor of a kind raw() can place (its category is unknown)`);
      if (tried.why) warnings.push({ line: n.line, code: "W_RAW", message: `<${n.tag}> "${n.attrs.testname ?? ""}" kept verbatim with raw(): ${tried.why}` });
      stats.raw++;
      out = { kind: "raw", name: n.attrs.testname ?? n.tag, category, xml: { tag: n.tag, attrs: { ...n.attrs }, children: n.props.map(toXml) }, children: [] };
      if (tried.candidate) approximations.set(out, tried.candidate);
    }
    out.children = n.children.map((c) => convert(c, depth + 1));
    if (tried.candidate && !tried.node) approximations.get(out)!.children = out.children;
    return out;
  };
  if (!root) throw new ImportError(1, "E_EMPTY", "no TestPlan");
  return { plan: convert(root, 0), warnings, stats, approximations };
}
