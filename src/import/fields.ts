// reading DSL fields out of a JMX element's properties
import { prop, propName, propText, type JmxNode, type XmlEl } from "../jmx/read.js";

/** a string property's text; undefined when absent */
export const s = (n: JmxNode | XmlEl | undefined, name: string): string | undefined => propText(prop(n, name));

/** a boolean property; `dflt` when absent (as JMeter reads it) */
export const b = (n: JmxNode | XmlEl | undefined, name: string, dflt = false): boolean => {
  const v = s(n, name);
  return v === undefined ? dflt : v.trim().toLowerCase() === "true";
};

/** a number when the text is a plain integer or decimal, else the text itself (an expression) */
export function numOrText(v: string | undefined): number | string | undefined {
  if (v === undefined) return undefined;
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
}

/** a duration field written in whole units: a number, an expression, or undefined when empty */
export const dur = (v: string | undefined): number | string | undefined => (v === undefined || v.trim() === "" ? undefined : numOrText(v));

/** the items of a collection property */
export const items = (n: JmxNode | XmlEl | undefined, name: string): XmlEl[] => prop(n, name)?.children ?? [];

/** an elementProp's child properties */
export const sub = (n: JmxNode | XmlEl | undefined, name: string): XmlEl | undefined => prop(n, name);

/** fields every element has */
export const base = (n: JmxNode) => ({ name: n.attrs.testname ?? "", enabled: n.attrs.enabled !== "false", comment: s(n, "TestPlan.comments") ?? "" });

/** Argument-style name/value pairs (User Defined Variables) */
export function argumentsOf(list: XmlEl[]): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const a of list) {
    const k = s(a, "Argument.name");
    if (k === undefined || Object.hasOwn(out, k) || propName(a) !== k) return undefined;
    out[k] = s(a, "Argument.value") ?? "";
  }
  return out;
}
