// the only xmlbuilder2 import: owns the hashTree sibling rule and escaping
import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces.js";
import type { XmlNode } from "../dsl/elements/raw.js";
import type { ElementAttrs, Entry, Prop } from "./tree.js";

// XML 1.0 forbids these; JMeter could not load them either
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export class XmlCharError extends Error {
  code = "E_XML_CHAR";
}

function check(s: string): string {
  if (INVALID.test(s)) throw new XmlCharError(`text ${JSON.stringify(s.slice(0, 40))} holds a control character XML cannot carry`);
  return s;
}

// escaped here in full (as XStream does); xmlbuilder2 leaves an & that starts a named entity alone but
// escapes numeric references, so CR, LF and TAB go through as placeholder entities that `finish` turns
// into character references (user text cannot make one: its every & is already &amp;)
const escText = (s: string) =>
  check(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/\r/g, "&jmxplancr;");
const escAttr = (s: string) => escText(s).replace(/\n/g, "&jmxplanlf;").replace(/\t/g, "&jmxplantab;");
const REFS: Record<string, string> = { cr: "&#xd;", lf: "&#xa;", tab: "&#x9;" };
const finish = (xml: string) => xml.replace(/&jmxplan(cr|lf|tab);/g, (_, k: string) => REFS[k]!);

function element(parent: XMLBuilder, tag: string, attributes: Record<string, string>): XMLBuilder {
  const e = parent.ele(tag);
  for (const [k, v] of Object.entries(attributes)) e.att(k, escAttr(v));
  return e;
}

const attrsOf = (a: ElementAttrs) => ({ guiclass: a.guiclass, testclass: a.testclass, testname: a.testname, enabled: String(a.enabled) });

const num = (v: number) => (Number.isInteger(v) ? `${v}.0` : String(v));

function prop(parent: XMLBuilder, p: Prop): void {
  switch (p.t) {
    case "string":
    case "bool":
    case "int":
    case "long": {
      const e = element(parent, `${p.t}Prop`, { name: p.name });
      const s = String(p.value);
      if (s !== "") e.txt(escText(s));
      return;
    }
    case "double":
    case "float": {
      const e = parent.ele(p.t === "double" ? "doubleProp" : "FloatProperty");
      e.ele("name").txt(escText(p.name));
      e.ele("value").txt(num(p.value));
      e.ele("savedValue").txt("0.0");
      return;
    }
    case "element": {
      const e = element(parent, "elementProp", { name: p.name, elementType: p.elementType, ...(p.attrs ? attrsOf(p.attrs) : {}) });
      for (const c of p.props) prop(e, c);
      return;
    }
    case "collection": {
      const e = element(parent, "collectionProp", { name: p.name });
      for (const c of p.items) prop(e, c);
      return;
    }
    case "obj": {
      const e = parent.ele("objProp");
      e.ele("name").txt(escText(p.name));
      const v = element(e, "value", { class: p.valueClass });
      for (const [k, val] of p.fields) v.ele(k).txt(escText(val));
      return;
    }
    case "raw":
      return rawXml(parent, p.xml);
  }
}

function rawXml(parent: XMLBuilder, x: XmlNode): void {
  const e = element(parent, check(x.tag), x.attrs ?? {});
  if (x.text !== undefined && x.text !== "") e.txt(escText(x.text));
  for (const c of x.children ?? []) rawXml(e, c);
}

function tree(parent: XMLBuilder, entries: Entry[]): void {
  const ht = parent.ele("hashTree");
  for (const { element: el, tree: sub } of entries) {
    const e = element(ht, el.tag, el.rawAttrs ?? attrsOf(el.attrs));
    for (const p of el.props) prop(e, p);
    tree(ht, sub);
  }
}

/** Serialize a JMX tree: a first-line comment, the root, every element followed by its hashTree. */
export function serialize(root: Entry, comment: string): string {
  const doc = create();
  doc.com(` ${check(comment).replace(/--/g, "- -")} `);
  const top = element(doc, "jmeterTestPlan", { version: "1.2", properties: "5.0", jmeter: "5.4.3" });
  tree(top, [root]);
  return finish(doc.end({ format: "xml", headless: true, prettyPrint: true, indent: "  ", newline: "\n" })) + "\n";
}

/** Serialize entries as they appear inside a hashTree, without the root (golden fragments, review). */
export function serializeFragment(entries: Entry[]): string {
  const doc = create();
  tree(doc, entries);
  const lines = finish(doc.end({ format: "xml", headless: true, prettyPrint: true, indent: "  ", newline: "\n" })).split("\n");
  // only markup lines are indented; continuation lines of multi-line text are copied as they are
  return `${lines.slice(1, -1).map((l) => (/^  \s*</.test(l) ? l.slice(2) : l)).join("\n")}\n`;
}
