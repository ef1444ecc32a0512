import { elements, isKind, type Element, type Kind, type Out } from "./elements/index.js";
import type { Category, ElementDef, Node } from "./node.js";

/** one problem in a plan: where it is and what was expected */
export interface Issue {
  /** path inside the plan, e.g. `children[1].rampUp` */
  path: string;
  message: string;
}

export type Validated = { ok: true; plan: Out<"testPlan"> } | { ok: false; issues: Issue[] };

/** an element's category: its kind's, or its own for kinds that name one (raw) */
export function categoryOf(el: { kind: string } & Record<string, unknown>): Category {
  const def: ElementDef = elements[el.kind as Kind];
  return def.categoryOf?.(el) ?? def.category;
}

/** elements with a plan-wide check, and where they are */
type Pending = [el: Record<string, unknown>, path: string, def: ElementDef][];

const join = (path: string, key: string | number) =>
  typeof key === "number" ? `${path}[${key}]` : path ? `${path}.${key}` : key;

function validateNode(raw: unknown, path: string, parent: Category | undefined, issues: Issue[], pending: Pending): Element | undefined {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    issues.push({ path: path || "(plan)", message: `expected a plan element made with the DSL, got ${raw === null ? "null" : typeof raw}` });
    return undefined;
  }
  const { kind, children = [], ...fields } = raw as Node;
  if (typeof kind !== "string" || !isKind(kind)) {
    issues.push({ path: join(path, "kind"), message: `unknown element kind ${JSON.stringify(kind)}; expected one of ${Object.keys(elements).join(", ")}` });
    return undefined;
  }
  const def = elements[kind];
  if (parent === undefined ? def.category !== "testPlan" : false) {
    issues.push({ path: path || "(plan)", message: `expected the plan's root to be testPlan(...), got ${kind}` });
  }
  const parsed = def.schema.safeParse({ kind, ...fields });
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const p = i.path.reduce<string>((acc, k) => join(acc, typeof k === "symbol" ? String(k) : k), path);
      issues.push({ path: p || "(plan)", message: unrecognized(i) ?? i.message });
    }
  }
  const contains: readonly Category[] = "contains" in def ? def.contains : [];
  const kids: Element[] = [];
  if (!Array.isArray(children)) {
    issues.push({ path: join(path, "children"), message: "expected a list of elements" });
  } else {
    children.forEach((child, idx) => {
      const cpath = join(path ? `${path}.children` : "children", idx);
      const el = validateNode(child, cpath, def.category, issues, pending);
      if (!el) return;
      const cat = categoryOf(el as Element & Record<string, unknown>);
      if (!contains.includes(cat)) {
        issues.push({ path: cpath, message: `a ${cat} (${el.kind}) cannot be placed inside ${kind}${contains.length ? `; it takes ${contains.join(", ")}` : "; it takes no children"}` });
      }
      kids.push(el);
    });
  }
  if (!parsed.success) return undefined;
  controlChars(parsed.data, path, issues);
  const el = { ...(parsed.data as object), children: kids } as Element;
  if ("inPlan" in def) pending.push([el as unknown as Record<string, unknown>, path, def]);
  return el;
}

// XML 1.0 cannot carry these, so JMeter could not load them either
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** report strings the .jmx could not hold, with their path */
function controlChars(v: unknown, path: string, issues: Issue[]): void {
  if (typeof v === "string") {
    const m = XML_FORBIDDEN.exec(v);
    if (m) issues.push({ path: path || "(plan)", message: `holds the control character U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}, which XML cannot carry` });
  } else if (Array.isArray(v)) v.forEach((x, i) => controlChars(x, join(path, i), issues));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) controlChars(x, join(path, k), issues);
}

function unrecognized(i: { code: string; keys?: string[] }): string | undefined {
  if (i.code === "unrecognized_keys" && i.keys) return `unknown field${i.keys.length > 1 ? "s" : ""} ${i.keys.map((k) => JSON.stringify(k)).join(", ")}`;
  return undefined;
}

/** Validate a whole plan, collecting every problem with its path. */
export function validatePlan(plan: unknown): Validated {
  const issues: Issue[] = [];
  const pending: Pending = [];
  const el = validateNode(plan, "", undefined, issues, pending);
  if (el?.kind === "testPlan") {
    for (const [node, path, def] of pending) {
      for (const i of def.inPlan?.(node, el) ?? []) issues.push({ path: (i.path ? join(path, i.path) : path) || "(plan)", message: i.message });
    }
  }
  if (issues.length || !el || el.kind !== "testPlan") return { ok: false, issues };
  return { ok: true, plan: el as Out<"testPlan"> };
}
