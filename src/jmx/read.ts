// JMX text -> a generic tree of test elements; entity expansion off, no I/O
import { SaxesParser } from "saxes";

/** one XML element inside a test element: a property, or a field of a reflected objProp */
export interface XmlEl {
  tag: string;
  attrs: Record<string, string>;
  /** text content, trimmed of the indentation between child elements */
  text: string;
  children: XmlEl[];
  line: number;
}

/** a test element (a key of a hashTree) and the elements of the hashTree that follows it */
export interface JmxNode {
  tag: string;
  attrs: Record<string, string>;
  /** its properties in file order */
  props: XmlEl[];
  children: JmxNode[];
  line: number;
}

export interface ReadWarning {
  line: number;
  code: string;
  message: string;
}

export interface ReadResult {
  /** attributes of <jmeterTestPlan> (version, properties, jmeter) */
  root: Record<string, string>;
  /** the top-level elements: normally one TestPlan */
  elements: JmxNode[];
  warnings: ReadWarning[];
}

/** A .jmx file that cannot be read; `line` is 1-based. */
export class JmxReadError extends Error {
  constructor(
    public line: number,
    public code: string,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

// a `<` that cannot start markup, or an `&` that does not start a reference: hand-edited text
const STRAY = /<(?![A-Za-z_:/!?])|&(?!(?:[A-Za-z_][\w.-]*|#\d+|#x[0-9A-Fa-f]+);)/g;

// comments and CDATA sections are left as they are
const SKIP = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g;

/** Escape stray `<` and `&` in text, as JMeter's GUI would have written them, with a warning each. */
export function repairStray(xml: string, warnings: ReadWarning[]): string {
  const lineAt = (offset: number) => xml.slice(0, offset).split("\n").length;
  let out = "";
  let from = 0;
  const fix = (part: string, base: number) =>
    part.replace(STRAY, (m: string, offset: number) => {
      const what = m === "<" ? "a raw '<'" : "a raw '&'";
      warnings.push({ line: lineAt(base + offset), code: "W_STRAY_CHAR", message: `${what} in text (a hand edit); read as the character itself, though JMeter's own parser refuses it: escape it as ${m === "<" ? "&lt;" : "&amp;"}` });
      return m === "<" ? "&lt;" : "&amp;";
    });
  for (const m of xml.matchAll(SKIP)) {
    out += fix(xml.slice(from, m.index), from) + m[0];
    from = m.index + m[0].length;
  }
  return out + fix(xml.slice(from), from);
}

/** Parse .jmx text into XML elements (one root), refusing DTDs and entity declarations. */
function parseXml(xml: string): XmlEl {
  const parser = new SaxesParser({ position: true });
  const stack: XmlEl[] = [];
  let root: XmlEl | undefined;
  let failure: JmxReadError | undefined;
  const fail = (e: JmxReadError) => {
    failure ??= e;
  };
  parser.on("doctype", () => fail(new JmxReadError(parser.line, "E_DTD", "a <!DOCTYPE> declaration; jmxplan does not read DTDs or expand entities (JMeter never writes them), remove it")));
  parser.on("opentagstart", (t) => {
    const el: XmlEl = { tag: t.name, attrs: {}, text: "", children: [], line: parser.line };
    stack.at(-1)?.children.push(el);
    stack.push(el);
    root ??= el;
  });
  parser.on("opentag", (t) => {
    const el = stack.at(-1);
    if (el) for (const [k, v] of Object.entries(t.attributes)) el.attrs[k] = String(v);
  });
  parser.on("text", (s) => {
    const el = stack.at(-1);
    if (el) el.text += s;
  });
  parser.on("cdata", (s) => {
    const el = stack.at(-1);
    if (el) el.text += s;
  });
  parser.on("closetag", () => {
    const el = stack.pop();
    if (el && el.children.length) el.text = el.text.trim() === "" ? "" : el.text;
  });
  parser.on("error", (e) => {
    const m = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/s.exec(e.message);
    fail(new JmxReadError(m ? Number(m[1]) : parser.line, "E_XML", `not well-formed XML: ${m ? m[3] : e.message}`));
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    fail(new JmxReadError(parser.line, "E_XML", `not well-formed XML: ${e instanceof Error ? e.message : String(e)}`));
  }
  if (failure) throw failure;
  if (!root) throw new JmxReadError(1, "E_EMPTY", "no XML element found; expected <jmeterTestPlan>");
  return root;
}

/** the name of a property: its `name` attribute, or the <name> child of a reflected one */
export function propName(p: XmlEl): string {
  return p.attrs.name ?? p.children.find((c) => c.tag === "name")?.text ?? "";
}

// XStream's XPath back-references: resolved against the element that carries them
function resolveReferences(root: XmlEl, warnings: ReadWarning[]): void {
  const parents = new Map<XmlEl, XmlEl>();
  const walk = (el: XmlEl) => {
    for (const c of el.children) {
      parents.set(c, el);
      walk(c);
    }
  };
  walk(root);
  const visit = (el: XmlEl, depth: number): void => {
    el.children.forEach((c, i) => {
      const ref = c.attrs.reference;
      if (ref !== undefined) {
        if (depth > 32) throw new JmxReadError(c.line, "E_REFERENCE", `reference="${ref}" nests too deeply`);
        const target = follow(c, ref, parents);
        if (!target) throw new JmxReadError(c.line, "E_REFERENCE", `reference="${ref}" (an XStream back-reference) points to no element; re-save the file in JMeter`);
        if (target.tag !== c.tag) throw new JmxReadError(c.line, "E_REFERENCE", `reference="${ref}" points to a <${target.tag}> (line ${target.line}) from a <${c.tag}>`);
        if (contains(target, c)) throw new JmxReadError(c.line, "E_REFERENCE", `reference="${ref}" points to an element that contains it`);
        const copy = clone(target, c.line);
        el.children[i] = copy;
        parents.set(copy, el);
        warnings.push({ line: c.line, code: "W_REFERENCE", message: `XStream back-reference reference="${ref}" resolved to the <${target.tag}> on line ${target.line}` });
      }
    });
    for (const c of el.children) visit(c, depth + 1);
  };
  visit(root, 0);
}

function contains(outer: XmlEl, inner: XmlEl): boolean {
  return outer === inner || outer.children.some((c) => contains(c, inner));
}

function clone(el: XmlEl, line: number): XmlEl {
  return { tag: el.tag, attrs: { ...el.attrs }, text: el.text, children: el.children.map((c) => clone(c, line)), line };
}

function follow(from: XmlEl, ref: string, parents: Map<XmlEl, XmlEl>): XmlEl | undefined {
  let cur: XmlEl | undefined = from;
  const steps = ref.split("/");
  if (steps[0] === "") return undefined; // absolute paths: XStream writes relative ones
  for (const step of steps) {
    if (!cur) return undefined;
    if (step === "..") cur = parents.get(cur);
    else if (step === ".") continue;
    else {
      const m = /^([^[\]]+)(?:\[(\d+)\])?$/.exec(step);
      if (!m) return undefined;
      const idx = m[2] ? Number(m[2]) - 1 : 0;
      cur = cur.children.filter((c) => c.tag === m[1])[idx];
    }
  }
  return cur;
}

// hashTree children alternate: element, its <hashTree>, element, <hashTree>, ...
function toNodes(hashTree: XmlEl, warnings: ReadWarning[]): JmxNode[] {
  const out: JmxNode[] = [];
  const kids = hashTree.children;
  for (let i = 0; i < kids.length; i++) {
    const el = kids[i]!;
    if (el.tag === "hashTree") throw new JmxReadError(el.line, "E_HASHTREE", "a <hashTree> with no element before it; every element is followed by exactly one <hashTree>");
    const next = kids[i + 1];
    const node: JmxNode = { tag: el.tag, attrs: el.attrs, props: el.children, children: [], line: el.line };
    if (next?.tag === "hashTree") {
      node.children = toNodes(next, warnings);
      i++;
    } else {
      throw new JmxReadError(el.line, "E_HASHTREE", `<${el.tag}> is not followed by its <hashTree>; JMeter would fail to load this file`);
    }
    out.push(node);
  }
  return out;
}

/** Read .jmx text into its tree of test elements, with warnings for what a hand edit left behind. */
export function readJmx(xml: string): ReadResult {
  const warnings: ReadWarning[] = [];
  if (/<!ENTITY/i.test(xml)) {
    const line = xml.slice(0, xml.search(/<!ENTITY/i)).split("\n").length;
    throw new JmxReadError(line, "E_DTD", "an <!ENTITY> declaration; jmxplan does not expand entities (JMeter never writes them), remove it");
  }
  const root = parseXml(repairStray(xml, warnings));
  if (root.tag !== "jmeterTestPlan") throw new JmxReadError(root.line, "E_ROOT", `the root element is <${root.tag}>; expected <jmeterTestPlan> (is this a .jmx file?)`);
  resolveReferences(root, warnings);
  const top = root.children.filter((c) => c.tag === "hashTree");
  if (top.length !== 1) throw new JmxReadError(root.line, "E_HASHTREE", `<jmeterTestPlan> holds ${top.length} <hashTree> elements; expected one`);
  const elements = toNodes(top[0]!, warnings);
  if (elements[0]?.tag !== "TestPlan") throw new JmxReadError(elements[0]?.line ?? root.line, "E_ROOT", `the first element is <${elements[0]?.tag ?? "nothing"}>; JMeter expects the TestPlan first`);
  return { root: root.attrs, elements, warnings };
}

/** whether an element is enabled: JMeter 5.6 omits the attribute for enabled elements */
export const isEnabled = (n: { attrs: Record<string, string> }) => n.attrs.enabled !== "false";

/** the property of a test element, or of an elementProp, with this name */
export function prop(n: JmxNode | XmlEl | undefined, name: string): XmlEl | undefined {
  if (!n) return undefined;
  const list = "props" in n ? n.props : n.children;
  return list.find((p) => propName(p) === name);
}

/** a property's text: a leaf's content, or the <value> of a reflected double/float */
export function propText(p: XmlEl | undefined): string | undefined {
  if (!p) return undefined;
  if (p.tag === "doubleProp" || p.tag === "FloatProperty") return p.children.find((c) => c.tag === "value")?.text;
  return p.text;
}
